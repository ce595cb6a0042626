#include "GraphemeBoundaries.h"

#include <QTextBoundaryFinder>

qsizetype GraphemeBoundaries::next(const QString &text, qsizetype pos)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    finder.setPosition(qBound<qsizetype>(0, pos, text.size()));
    const qsizetype at = finder.toNextBoundary();
    return at < 0 ? text.size() : at;
}

qsizetype GraphemeBoundaries::previous(const QString &text, qsizetype pos)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    finder.setPosition(qBound<qsizetype>(0, pos, text.size()));
    const qsizetype at = finder.toPreviousBoundary();
    return at < 0 ? 0 : at;
}

void GraphemeBoundaries::expand(const QString &text, qsizetype &start, qsizetype &end)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    start = qBound<qsizetype>(0, start, text.size());
    end = qBound<qsizetype>(0, end, text.size());
    finder.setPosition(start);
    if (!finder.isAtBoundary())
        start = qMax<qsizetype>(0, finder.toPreviousBoundary());
    finder.setPosition(end);
    if (!finder.isAtBoundary()) {
        const qsizetype after = finder.toNextBoundary();
        end = after < 0 ? text.size() : after;
    }
}
