#pragma once

#include <QString>
#include <optional>

// One coefficient: its value, or no value and why (never NaN), with the
// number of units it rests on and, when bootstrapped, a percentile interval.
struct AgreementResult
{
    std::optional<double> value;
    QString reason; // why there is no value (or no interval)
    int units = 0; // units coded by at least two coders (pairable units)
    int coders = 0;
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    int replicates = 0; // bootstrap replicates that had a value

    bool hasValue() const { return value.has_value(); }
    static AgreementResult undefined(const QString &why, int units = 0, int coders = 0)
    {
        AgreementResult r;
        r.reason = why;
        r.units = units;
        r.coders = coders;
        return r;
    }
};
