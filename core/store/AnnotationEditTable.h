#pragma once

#include "domain/Annotation.h"

#include <QSqlDatabase>

// The SQL that changes annotations after they were made (codes, span, note,
// actor link, primary flag), for ProjectStore, which owns the transactions.
// Every change stamps modified_at.
class AnnotationEditTable
{
public:
    AnnotationEditTable(const QSqlDatabase &db, const QString &time);

    // The article of an annotation; throws ProjectError if there is none.
    qint64 articleOf(qint64 annotationId) const;
    void addCode(qint64 annotationId, qint64 codeId);
    // Refuses to take the last code: an annotation without codes means nothing.
    void removeCode(qint64 annotationId, qint64 codeId);
    // Moves a span annotation and recuts its quote and context.
    void setSpan(qint64 annotationId, qint64 start, qint64 end);
    void setNote(qint64 annotationId, const QString &note);
    void setActor(qint64 annotationId, qint64 actorId);
    void setPrimary(qint64 annotationId, bool primary);
    void remove(qint64 annotationId);

private:
    void touch(qint64 annotationId);

    QSqlDatabase m_db;
    QString m_time;
};
