#pragma once

#include <QHash>
#include <QPair>
#include <QString>

// An article's text replaced by a better extraction, with every annotation
// re-anchored on the new text. Holds both sides, so undo is the same
// operation with before and after swapped.
struct TextRewrite
{
    qint64 articleId = 0;
    QString text; // the new text
    QHash<qint64, QPair<qint64, qint64>> spans; // annotation -> new [start, end)
    QString previousText;
    QHash<qint64, QPair<qint64, qint64>> previousSpans;

    TextRewrite reversed() const
    {
        return {articleId, previousText, previousSpans, text, spans};
    }
};
