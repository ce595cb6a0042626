#pragma once

#include <QList>
#include <QString>
#include <optional>

// The reliability coefficients Framewise computes. Names are the command
// line's (--measure NAME); titles are for tables and methods text.
enum class AgreementMeasure
{
    Percent,
    Cohen,
    Scott,
    Fleiss,
    AlphaNominal,
    AlphaOrdinal,
    AlphaInterval,
    AlphaRatio,
    Ac1,
    BrennanPrediger,
    AlphaU,
};

class AgreementMeasures
{
public:
    static QList<AgreementMeasure> all();
    // The coefficients over units (everything but alpha_U).
    static QList<AgreementMeasure> coding();
    static QString name(AgreementMeasure measure);
    static QString title(AgreementMeasure measure);
    static std::optional<AgreementMeasure> fromName(const QString &name);
    static QStringList names();
    // Measures whose values need numbers rather than labels.
    static bool needsNumbers(AgreementMeasure measure);
};
