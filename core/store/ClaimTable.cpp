#include "ClaimTable.h"

#include "SqlQuery.h"

ClaimTable::ClaimTable(const QSqlDatabase &db)
    : m_db(db)
{
}

std::optional<Claim> ClaimTable::load(qint64 annotationId) const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT coalesce(speaker_id, 0), coalesce(target_id, 0), stance, "
                              "kind, status, evidence FROM claims WHERE annotation_id = ?"));
    q.bind(annotationId).exec();
    if (!q.next())
        return std::nullopt;
    Claim c;
    c.annotationId = annotationId;
    c.speakerId = q.value(0).toLongLong();
    c.targetId = q.value(1).toLongLong();
    c.stance = q.value(2).toString();
    c.kind = q.value(3).toString();
    c.status = q.value(4).toString();
    c.evidence = q.value(5).toString();
    return c;
}

void ClaimTable::save(const Claim &c)
{
    SqlQuery q(m_db,
               QStringLiteral(
                   "INSERT INTO claims(annotation_id, speaker_id, target_id, stance, kind, "
                   "status, evidence) VALUES (?,?,?,?,?,?,?) "
                   "ON CONFLICT(annotation_id) DO UPDATE SET speaker_id = excluded.speaker_id, "
                   "target_id = excluded.target_id, stance = excluded.stance, "
                   "kind = excluded.kind, status = excluded.status, evidence = excluded.evidence"));
    q.bind(c.annotationId)
        .bind(SqlQuery::nullIfZero(c.speakerId))
        .bind(SqlQuery::nullIfZero(c.targetId));
    q.bind(c.stance).bind(c.kind);
    q.bind(c.status.isEmpty() ? QStringLiteral("unverified") : c.status).bind(c.evidence).exec();
}

void ClaimTable::remove(qint64 annotationId)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM claims WHERE annotation_id = ?"))
        .bind(annotationId)
        .exec();
}
