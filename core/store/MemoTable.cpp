#include "MemoTable.h"

#include "base/ProjectError.h"
#include "SqlQuery.h"

MemoTable::MemoTable(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<Memo> MemoTable::load(const QString &where, const QVariantList &binds) const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT id, target, target_id, title, body, coalesce(coder_id, 0), "
                              "created_at, modified_at FROM memos ")
                   + where + QStringLiteral(" ORDER BY id"));
    for (const QVariant &value : binds)
        q.bind(value);
    q.exec();
    QList<Memo> list;
    while (q.next()) {
        Memo m;
        m.id = q.value(0).toLongLong();
        m.target = Memo::targetFromName(q.value(1).toString());
        m.targetId = q.value(2).toLongLong();
        m.title = q.value(3).toString();
        m.body = q.value(4).toString();
        m.coderId = q.value(5).toLongLong();
        m.created = SqlQuery::parseTime(q.value(6));
        m.modified = SqlQuery::parseTime(q.value(7));
        list.append(m);
    }
    return list;
}

qint64 MemoTable::insert(const Memo &memo, qint64 coderId, const QString &time)
{
    SqlQuery q(
        m_db,
        QStringLiteral("INSERT INTO memos(target, target_id, title, body, coder_id, created_at, "
                       "modified_at) VALUES (?,?,?,?,?,?,?)"));
    q.bind(Memo::targetName(memo.target)).bind(memo.targetId).bind(memo.title).bind(memo.body);
    q.bind(coderId).bind(time).bind(time).exec();
    return q.lastInsertId();
}

void MemoTable::update(const Memo &memo, const QString &time)
{
    SqlQuery q(
        m_db, QStringLiteral("UPDATE memos SET title = ?, body = ?, modified_at = ? WHERE id = ?"));
    q.bind(memo.title).bind(memo.body).bind(time).bind(memo.id).exec();
    if (q.rowsAffected() != 1)
        throw ProjectError(QStringLiteral("no memo with id %1").arg(memo.id));
}

void MemoTable::remove(qint64 id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM memos WHERE id = ?"));
    q.bind(id).exec();
    if (q.rowsAffected() != 1)
        throw ProjectError(QStringLiteral("no memo with id %1").arg(id));
}

void MemoTable::insertExact(const Memo &m)
{
    SqlQuery q(m_db,
               QStringLiteral("INSERT INTO memos(id, target, target_id, title, body, coder_id, "
                              "created_at, modified_at) VALUES (?,?,?,?,?,?,?,?)"));
    q.bind(m.id).bind(Memo::targetName(m.target)).bind(m.targetId).bind(m.title).bind(m.body);
    q.bind(SqlQuery::nullIfZero(m.coderId)).bind(SqlQuery::formatTime(m.created));
    q.bind(SqlQuery::formatTime(m.modified)).exec();
}
