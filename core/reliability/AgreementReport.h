#pragma once

#include "AgreementRequest.h"

#include <QList>
#include <QString>

// Agreement results for people: a CSV table, and a paragraph of methods
// text naming each coefficient, the units, the coders and the intervals.
class AgreementReport
{
public:
    // Header: code, measure, unit, coders, units, value, ci_low, ci_high, note.
    static QString csv(const QList<AgreementRow> &rows);
    // replicates: the bootstrap replicates behind the intervals (0: none).
    static QString methods(const QList<AgreementRow> &rows, int replicates);
    // The usual reading of a reliability coefficient: at least 0.8 is
    // reliable, at least 0.667 allows tentative conclusions (Krippendorff
    // 2004), below that data should not be relied on. Judged on the value
    // rounded to three decimals, as it is shown.
    enum class Verdict
    {
        None,
        Reliable,
        Tentative,
        Unreliable
    };
    static Verdict verdict(const AgreementResult &result);
};
