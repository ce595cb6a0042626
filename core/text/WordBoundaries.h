#pragma once

#include <QString>

// Word steps for moving span boundaries, on UTF-16 indexes into a text. A
// word is a run of letters and digits; the space and punctuation between
// words are stepped over, so a boundary lands next to a word.
class WordBoundaries
{
public:
    static qsizetype nextWordEnd(const QString &text, qsizetype pos);
    static qsizetype previousWordStart(const QString &text, qsizetype pos);
    static qsizetype nextWordStart(const QString &text, qsizetype pos);
    static qsizetype previousWordEnd(const QString &text, qsizetype pos);
    // Shrinks or grows [start, end) to whole words: both ends move outward
    // to the edges of the words they cut.
    static void expandToWords(const QString &text, qsizetype &start, qsizetype &end);
};
