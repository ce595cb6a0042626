#include "WordBoundaries.h"

namespace {
bool isWord(const QString &text, qsizetype i)
{
    return i >= 0 && i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i).isMark());
}
} // namespace

qsizetype WordBoundaries::nextWordEnd(const QString &text, qsizetype pos)
{
    qsizetype i = pos;
    while (i < text.size() && !isWord(text, i))
        ++i;
    while (i < text.size() && isWord(text, i))
        ++i;
    return i;
}

qsizetype WordBoundaries::previousWordStart(const QString &text, qsizetype pos)
{
    qsizetype i = pos;
    while (i > 0 && !isWord(text, i - 1))
        --i;
    while (i > 0 && isWord(text, i - 1))
        --i;
    return i;
}

qsizetype WordBoundaries::nextWordStart(const QString &text, qsizetype pos)
{
    qsizetype i = pos;
    while (i < text.size() && isWord(text, i))
        ++i;
    while (i < text.size() && !isWord(text, i))
        ++i;
    return i;
}

qsizetype WordBoundaries::previousWordEnd(const QString &text, qsizetype pos)
{
    qsizetype i = pos;
    while (i > 0 && isWord(text, i - 1))
        --i;
    while (i > 0 && !isWord(text, i - 1))
        --i;
    return i;
}

void WordBoundaries::expandToWords(const QString &text, qsizetype &start, qsizetype &end)
{
    while (start > 0 && isWord(text, start - 1) && isWord(text, start))
        --start;
    while (end < text.size() && isWord(text, end - 1) && isWord(text, end))
        ++end;
}
