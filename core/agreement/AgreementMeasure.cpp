#include "AgreementMeasure.h"

namespace {
struct Entry
{
    AgreementMeasure measure;
    const char *name;
    const char *title;
};
constexpr Entry entries[] = {
    {AgreementMeasure::Percent, "percent", "Percent agreement"},
    {AgreementMeasure::Cohen, "cohen", "Cohen's kappa"},
    {AgreementMeasure::Scott, "scott", "Scott's pi"},
    {AgreementMeasure::Fleiss, "fleiss", "Fleiss' kappa"},
    {AgreementMeasure::AlphaNominal, "alpha-nominal", "Krippendorff's alpha (nominal)"},
    {AgreementMeasure::AlphaOrdinal, "alpha-ordinal", "Krippendorff's alpha (ordinal)"},
    {AgreementMeasure::AlphaInterval, "alpha-interval", "Krippendorff's alpha (interval)"},
    {AgreementMeasure::AlphaRatio, "alpha-ratio", "Krippendorff's alpha (ratio)"},
    {AgreementMeasure::Ac1, "ac1", "Gwet's AC1"},
    {AgreementMeasure::BrennanPrediger, "bp", "Brennan-Prediger coefficient"},
    {AgreementMeasure::AlphaU, "alpha-u", "Krippendorff's unitizing alpha (alpha_U)"},
};
} // namespace

QList<AgreementMeasure> AgreementMeasures::all()
{
    QList<AgreementMeasure> list;
    for (const Entry &e : entries)
        list.append(e.measure);
    return list;
}

QList<AgreementMeasure> AgreementMeasures::coding()
{
    QList<AgreementMeasure> list = all();
    list.removeAll(AgreementMeasure::AlphaU);
    return list;
}

QString AgreementMeasures::name(AgreementMeasure measure)
{
    for (const Entry &e : entries)
        if (e.measure == measure)
            return QString::fromLatin1(e.name);
    return {};
}

QString AgreementMeasures::title(AgreementMeasure measure)
{
    for (const Entry &e : entries)
        if (e.measure == measure)
            return QString::fromUtf8(e.title);
    return {};
}

std::optional<AgreementMeasure> AgreementMeasures::fromName(const QString &name)
{
    for (const Entry &e : entries)
        if (name.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return e.measure;
    return std::nullopt;
}

QStringList AgreementMeasures::names()
{
    QStringList list;
    for (const Entry &e : entries)
        list.append(QString::fromLatin1(e.name));
    return list;
}

bool AgreementMeasures::needsNumbers(AgreementMeasure measure)
{
    return measure == AgreementMeasure::AlphaOrdinal || measure == AgreementMeasure::AlphaInterval
        || measure == AgreementMeasure::AlphaRatio;
}
