#pragma once

#include <QString>

// The technique labels of the SemEval-2020 Task 11 corpus (PTC) and the
// codes of the starter codebook "propaganda-techniques" they stand for.
class PtcTechniques
{
public:
    // "Loaded_Language" -> "Loaded language"; empty for a label outside the 14.
    static QString codeName(const QString &label);
    // "Loaded language" (any case) -> "Loaded_Language"; other names unchanged,
    // so a label imported as a code of its own goes back as it came.
    static QString label(const QString &codeName);
    // The code for spans of span-identification files (no technique given).
    static QString unlabelledCode() { return QStringLiteral("Propaganda (span only)"); }
    static QString category() { return QStringLiteral("Technique"); }
};
