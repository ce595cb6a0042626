#include "AnnotationEditTable.h"

#include "AnnotationTable.h"
#include "base/ProjectError.h"
#include "SqlQuery.h"
#include "text/TextOffsets.h"

AnnotationEditTable::AnnotationEditTable(const QSqlDatabase &db, const QString &time)
    : m_db(db)
    , m_time(time)
{
}

qint64 AnnotationEditTable::articleOf(qint64 annotationId) const
{
    SqlQuery q(m_db, QStringLiteral("SELECT article_id FROM annotations WHERE id = ?"));
    q.bind(annotationId).exec();
    if (!q.next())
        throw ProjectError(QStringLiteral("no annotation with id %1").arg(annotationId));
    return q.value(0).toLongLong();
}

void AnnotationEditTable::touch(qint64 annotationId)
{
    SqlQuery(m_db, QStringLiteral("UPDATE annotations SET modified_at = ? WHERE id = ?"))
        .bind(m_time)
        .bind(annotationId)
        .exec();
}

void AnnotationEditTable::addCode(qint64 annotationId, qint64 codeId)
{
    SqlQuery known(m_db, QStringLiteral("SELECT 1 FROM codes WHERE id = ?"));
    known.bind(codeId).exec();
    if (!known.next())
        throw ProjectError(QStringLiteral("no code with id %1").arg(codeId));
    SqlQuery(m_db,
             QStringLiteral("INSERT INTO annotation_codes(annotation_id, code_id) VALUES (?, ?) "
                            "ON CONFLICT DO NOTHING"))
        .bind(annotationId)
        .bind(codeId)
        .exec();
    touch(annotationId);
}

void AnnotationEditTable::removeCode(qint64 annotationId, qint64 codeId)
{
    SqlQuery count(m_db,
                   QStringLiteral("SELECT count(*) FROM annotation_codes WHERE annotation_id = ?"));
    count.bind(annotationId).exec();
    count.next();
    if (count.value(0).toInt() <= 1)
        throw ProjectError(
            QStringLiteral("an annotation keeps at least one code; delete it instead"));
    SqlQuery(m_db,
             QStringLiteral("DELETE FROM annotation_codes WHERE annotation_id = ? AND code_id = ?"))
        .bind(annotationId)
        .bind(codeId)
        .exec();
    touch(annotationId);
}

void AnnotationEditTable::setSpan(qint64 annotationId, qint64 start, qint64 end)
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT ar.text, an.scope FROM annotations an "
                              "JOIN articles ar ON ar.id = an.article_id WHERE an.id = ?"));
    q.bind(annotationId).exec();
    if (!q.next())
        throw ProjectError(QStringLiteral("no annotation with id %1").arg(annotationId));
    if (q.value(1).toString() == QLatin1String("document"))
        throw ProjectError(QStringLiteral("a code on the whole article has no span to change"));
    const QString text = q.value(0).toString();
    const auto e = AnnotationTable::excerpt(text, TextOffsets(text), start, end);
    SqlQuery(m_db,
             QStringLiteral("UPDATE annotations SET start = ?, \"end\" = ?, quote = ?, prefix = ?, "
                            "suffix = ?, modified_at = ? WHERE id = ?"))
        .bind(start)
        .bind(end)
        .bind(e.quote)
        .bind(e.prefix)
        .bind(e.suffix)
        .bind(m_time)
        .bind(annotationId)
        .exec();
}

void AnnotationEditTable::setNote(qint64 annotationId, const QString &note)
{
    SqlQuery(m_db, QStringLiteral("UPDATE annotations SET note = ?, modified_at = ? WHERE id = ?"))
        .bind(note)
        .bind(m_time)
        .bind(annotationId)
        .exec();
}

void AnnotationEditTable::setActor(qint64 annotationId, qint64 actorId)
{
    SqlQuery(m_db,
             QStringLiteral("UPDATE annotations SET actor_id = ?, modified_at = ? WHERE id = ?"))
        .bind(SqlQuery::nullIfZero(actorId))
        .bind(m_time)
        .bind(annotationId)
        .exec();
}

void AnnotationEditTable::setPrimary(qint64 annotationId, bool primary)
{
    SqlQuery(m_db,
             QStringLiteral("UPDATE annotations SET is_primary = ?, modified_at = ? WHERE id = ?"))
        .bind(primary ? 1 : 0)
        .bind(m_time)
        .bind(annotationId)
        .exec();
}

void AnnotationEditTable::remove(qint64 annotationId)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM annotations WHERE id = ?"))
        .bind(annotationId)
        .exec();
}
