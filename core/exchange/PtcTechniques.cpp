#include "PtcTechniques.h"

#include <QList>
#include <QPair>

namespace {
using Pair = QPair<QLatin1StringView, QLatin1StringView>;
// Label in the corpus, code in resources/codebooks/propaganda-techniques.json.
const Pair kPairs[] = {
    {QLatin1StringView("Loaded_Language"), QLatin1StringView("Loaded language")},
    {QLatin1StringView("Name_Calling,Labeling"), QLatin1StringView("Name calling, labeling")},
    {QLatin1StringView("Repetition"), QLatin1StringView("Repetition")},
    {QLatin1StringView("Exaggeration,Minimisation"),
     QLatin1StringView("Exaggeration, minimisation")},
    {QLatin1StringView("Doubt"), QLatin1StringView("Doubt")},
    {QLatin1StringView("Appeal_to_fear-prejudice"), QLatin1StringView("Appeal to fear/prejudice")},
    {QLatin1StringView("Flag-Waving"), QLatin1StringView("Flag-waving")},
    {QLatin1StringView("Causal_Oversimplification"),
     QLatin1StringView("Causal oversimplification")},
    {QLatin1StringView("Slogans"), QLatin1StringView("Slogans")},
    {QLatin1StringView("Appeal_to_Authority"), QLatin1StringView("Appeal to authority")},
    {QLatin1StringView("Black-and-White_Fallacy"), QLatin1StringView("Black-and-white fallacy")},
    {QLatin1StringView("Thought-terminating_Cliches"),
     QLatin1StringView("Thought-terminating cliches")},
    {QLatin1StringView("Whataboutism,Straw_Men,Red_Herring"),
     QLatin1StringView("Whataboutism, straw man, red herring")},
    {QLatin1StringView("Bandwagon,Reductio_ad_hitlerum"),
     QLatin1StringView("Bandwagon, reductio ad hitlerum")},
};
} // namespace

QString PtcTechniques::codeName(const QString &label)
{
    for (const Pair &p : kPairs) {
        if (label == p.first)
            return QString(p.second);
    }
    return {};
}

QString PtcTechniques::label(const QString &codeName)
{
    for (const Pair &p : kPairs) {
        if (codeName.compare(p.second, Qt::CaseInsensitive) == 0)
            return QString(p.first);
    }
    return codeName;
}
