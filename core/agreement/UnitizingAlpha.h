#pragma once

#include "AgreementResult.h"
#include "UnitizingData.h"

// Krippendorff's alpha_U for unitizing a continuum (Krippendorff 1995; as
// defined in Content Analysis, 2nd ed., 2004, pp. 251-256): per category,
// the observed disagreement compares every coder's sections (units and the
// gaps between them) with every other coder's, squared differences of
// their ends, a unit lying inside another coder's gap costing its squared
// length; the expected disagreement is that of all possible placements of
// the same units and gaps. Overall: 1 - sum of observed / sum of expected
// disagreements over the categories.
//
// A coder's overlapping or touching units of one category are first joined
// into one (the definition has no overlapping units of a category).
class UnitizingAlpha
{
public:
    struct Disagreement
    {
        double observed = 0;
        double expected = 0;
        int units = 0; // units of the category, over all coders
    };

    static Disagreement disagreement(const UnitizingData &data, int category);
    static AgreementResult category(const UnitizingData &data, int category);
    static AgreementResult overall(const UnitizingData &data);

private:
    struct Section
    {
        qint64 begin;
        qint64 end;
        bool unit;
    };
    // The coder's units of the category (joined, clipped) and the gaps
    // between them, covering the whole continuum in order.
    static std::vector<Section> sections(const UnitizingData &data, int coder, int category);
    static QString refusal(const UnitizingData &data);
};
