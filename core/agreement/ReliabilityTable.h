#pragma once

#include "ReliabilityData.h"

#include <QString>

// A plain units-by-coders table in tab-separated text: the first line names
// the coders, then one line per unit with one field per coder, empty for a
// missing value. If the first header field is "unit", that column holds unit
// labels. Values that all read as numbers are numbers; otherwise they are
// labels (nominal data). Ragged rows, a missing header or fewer than two
// coders are refused with the file and line named.
class ReliabilityTable
{
public:
    static ReliabilityData read(const QString &path);
    static ReliabilityData parse(const QString &text, const QString &fileName);
};
