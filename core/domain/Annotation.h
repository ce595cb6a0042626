#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// A coded span of an article. Offsets are Unicode code points into the
// stored article text, end exclusive. The quote with some context on each
// side lets the span be re-anchored if offsets are ever in doubt.
struct Annotation
{
    qint64 id = 0;
    QString uuid;
    qint64 articleId = 0;
    qint64 coderId = 0;
    QString coderName;
    qint64 start = 0;
    qint64 end = 0;
    QString quote;
    QString prefix;
    QString suffix;
    QString note;
    qint64 actorId = 0; // 0 = not linked
    bool document = false; // codes the whole article, not a span
    bool primary = false;  // e.g. the article's primary frame
    QList<qint64> codeIds;
    QDateTime created;
    QDateTime modified;
};

// What a caller supplies to create an annotation; the store fills in the
// quote, context and times.
struct NewAnnotation
{
    qint64 articleId = 0;
    qint64 start = 0;
    qint64 end = 0;
    QList<qint64> codeIds;
    QString coderName; // empty = the project's current coder
    QString note;
    qint64 actorId = 0;
    bool document = false; // start and end are then the whole text
    bool primary = false;
    QString uuid; // empty = a new one; exchange imports keep the file's
};
