#pragma once

#include <QDateTime>
#include <QList>
#include <QStringList>

// How an adjudicator settled one place where coders disagreed: the unit of
// an article and the codes it was about, whose version the consensus coder
// took (one coder's, or several merged), and the consensus annotations that
// made. Kept so that the disagreement shows as resolved even when the
// accepted version was "absent" (no annotation at all), and so that
// deciding again replaces what the earlier decision wrote.
struct AdjudicationDecision
{
    qint64 id = 0;
    qint64 consensusCoderId = 0;
    QString unit; // "document", "paragraph" or "sentence"
    qint64 articleId = 0;
    qint64 start = 0; // the unit in code points; 0 and 0 for a whole article
    qint64 end = 0;
    QList<qint64> codeIds; // sorted
    bool multiValued = false; // a category as one variable
    QList<qint64> acceptedCoderIds; // whose versions were taken
    QStringList annotationUuids; // the consensus annotations it made
    QDateTime decided;
};
