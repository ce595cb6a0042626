#pragma once

#include <QList>
#include <QString>

// Word steps for moving span boundaries, on UTF-16 indexes into a text.
// Words are Unicode word segments (QTextBoundaryFinder::Word: "Un's" and
// "3.5" are one word, Thai is split by dictionary); the space and
// punctuation between words are stepped over, so a boundary lands next to a
// word. Every result is a grapheme boundary.
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

private:
    struct Word
    {
        qsizetype start;
        qsizetype end;
    };
    static QList<Word> words(const QString &text);
    // The first word edge after pos (forward) or before it; the text's end
    // or start if there is none.
    static qsizetype step(const QString &text, qsizetype pos, bool forward, qsizetype Word::*edge);
};
