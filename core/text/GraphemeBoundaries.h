#pragma once

#include <QString>

// User-perceived characters (grapheme clusters, QTextBoundaryFinder::Grapheme)
// on UTF-16 indexes into a text: a base letter with its combining marks, an
// emoji with its skin-tone modifier, a ZWJ sequence, a flag. A span
// boundary between two of them never splits what the reader sees as one.
class GraphemeBoundaries
{
public:
    // The next boundary after pos (the text's end if none).
    static qsizetype next(const QString &text, qsizetype pos);
    // The boundary before pos (0 if none).
    static qsizetype previous(const QString &text, qsizetype pos);
    // Moves start back and end forward to the edges of the clusters they cut.
    static void expand(const QString &text, qsizetype &start, qsizetype &end);
};
