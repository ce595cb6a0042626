#include "WordBoundaries.h"

#include <QTextBoundaryFinder>

namespace {

char32_t codePointAt(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    return c.unicode();
}

} // namespace

QList<WordBoundaries::Word> WordBoundaries::words(const QString &text)
{
    QList<Word> found;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end > 0; end = finder.toNextBoundary()) {
        // Qt marks the ends of words with EndOfItem, but leaves ideographs,
        // kana and Thai words its dictionary lacks unmarked: a segment that
        // starts with a letter or digit is a word all the same.
        if ((finder.boundaryReasons() & QTextBoundaryFinder::EndOfItem)
            || QChar::isLetterOrNumber(codePointAt(text, start)))
            found.append({start, end});
        start = end;
    }
    return found;
}

qsizetype WordBoundaries::nextWordEnd(const QString &text, qsizetype pos)
{
    return step(text, pos, true, &Word::end);
}

qsizetype WordBoundaries::previousWordStart(const QString &text, qsizetype pos)
{
    return step(text, pos, false, &Word::start);
}

qsizetype WordBoundaries::nextWordStart(const QString &text, qsizetype pos)
{
    return step(text, pos, true, &Word::start);
}

qsizetype WordBoundaries::previousWordEnd(const QString &text, qsizetype pos)
{
    return step(text, pos, false, &Word::end);
}

qsizetype WordBoundaries::step(const QString &text, qsizetype pos, bool forward,
                               qsizetype Word::*edge)
{
    const QList<Word> all = words(text);
    if (forward) {
        for (const Word &w : all) {
            if (w.*edge > pos)
                return w.*edge;
        }
        return text.size();
    }
    for (auto w = all.crbegin(); w != all.crend(); ++w) {
        if ((*w).*edge < pos)
            return (*w).*edge;
    }
    return 0;
}

void WordBoundaries::expandToWords(const QString &text, qsizetype &start, qsizetype &end)
{
    for (const Word &w : words(text)) {
        if (w.start < start && start < w.end)
            start = w.start;
        if (w.start < end && end < w.end)
            end = w.end;
    }
}
