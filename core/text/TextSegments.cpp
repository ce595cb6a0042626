#include "TextSegments.h"

#include "TextOffsets.h"

#include <QTextBoundaryFinder>

namespace {
// [from, to) in UTF-16, trimmed of white space, as code points; false if
// nothing is left.
bool trimmed(const QString &text, const TextOffsets &offsets, qsizetype from, qsizetype to,
             TextSegments::Segment &out)
{
    while (from < to && text.at(from).isSpace())
        ++from;
    while (to > from && text.at(to - 1).isSpace())
        --to;
    if (from >= to)
        return false;
    out.start = offsets.toCodePoint(from);
    out.end = offsets.toCodePoint(to);
    return true;
}
} // namespace

QList<TextSegments::Segment> TextSegments::paragraphs(const QString &text)
{
    const TextOffsets offsets(text);
    QList<Segment> out;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool brk = i == text.size() || text.at(i) == QLatin1Char('\n')
            || text.at(i) == QLatin1Char('\r') || text.at(i) == QChar(0x2029);
        if (!brk)
            continue;
        Segment s;
        if (trimmed(text, offsets, from, i, s))
            out.append(s);
        from = i + 1;
    }
    return out;
}

QList<TextSegments::Segment> TextSegments::sentences(const QString &text)
{
    const TextOffsets offsets(text);
    QList<Segment> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text);
    qsizetype from = 0;
    for (qsizetype to = finder.toNextBoundary(); to != -1; to = finder.toNextBoundary()) {
        Segment s;
        if (trimmed(text, offsets, from, to, s))
            out.append(s);
        from = to;
    }
    return out;
}
