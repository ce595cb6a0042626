#include "LensCue.h"

#include <QCoreApplication>

QList<LensCue> LensCues::all()
{
    return {LensCue::Quotation, LensCue::Attribution, LensCue::Hedge, LensCue::Intensifier,
            LensCue::Loaded,    LensCue::Number,      LensCue::Date};
}

QString LensCues::id(LensCue cue)
{
    switch (cue) {
    case LensCue::Quotation:
        return QStringLiteral("quotation");
    case LensCue::Attribution:
        return QStringLiteral("attribution");
    case LensCue::Hedge:
        return QStringLiteral("hedge");
    case LensCue::Intensifier:
        return QStringLiteral("intensifier");
    case LensCue::Loaded:
        return QStringLiteral("loaded");
    case LensCue::Number:
        return QStringLiteral("number");
    case LensCue::Date:
        return QStringLiteral("date");
    }
    return {};
}

std::optional<LensCue> LensCues::fromId(QStringView id)
{
    for (LensCue cue : all()) {
        if (id == LensCues::id(cue))
            return cue;
    }
    return std::nullopt;
}

QString LensCues::label(LensCue cue)
{
    switch (cue) {
    case LensCue::Quotation:
        return QCoreApplication::translate("LensCues", "Quotations");
    case LensCue::Attribution:
        return QCoreApplication::translate("LensCues", "Attribution");
    case LensCue::Hedge:
        return QCoreApplication::translate("LensCues", "Hedges");
    case LensCue::Intensifier:
        return QCoreApplication::translate("LensCues", "Intensifiers");
    case LensCue::Loaded:
        return QCoreApplication::translate("LensCues", "Loaded language");
    case LensCue::Number:
        return QCoreApplication::translate("LensCues", "Numbers");
    case LensCue::Date:
        return QCoreApplication::translate("LensCues", "Dates");
    }
    return {};
}

QString LensCues::description(LensCue cue)
{
    switch (cue) {
    case LensCue::Quotation:
        return QCoreApplication::translate("LensCues",
                                           "Quote mark pairs, opening then closing: “” «» „“ \"\"");
    case LensCue::Attribution:
        return QCoreApplication::translate("LensCues", "Verbs and phrases that attribute speech");
    case LensCue::Hedge:
        return QCoreApplication::translate("LensCues", "Words that soften or distance a claim");
    case LensCue::Intensifier:
        return QCoreApplication::translate("LensCues", "Words that amplify a claim");
    case LensCue::Loaded:
        return QCoreApplication::translate("LensCues", "Emotive and loaded words");
    case LensCue::Number:
        return QCoreApplication::translate("LensCues", "Number words; figures are always marked");
    case LensCue::Date:
        return QCoreApplication::translate("LensCues", "Month and day names (case-sensitive)");
    }
    return {};
}
