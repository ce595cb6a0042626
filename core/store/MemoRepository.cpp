#include "MemoRepository.h"

#include "CoderRepository.h"
#include "base/ProjectError.h"

namespace {
using Aggregate = ChangeSet::Aggregate;

const QString kSelect = QStringLiteral(
    "SELECT id, uuid, target, target_id, title, body, coalesce(coder_id, 0), created_at, "
    "modified_at FROM memos ");
const QString kInsert = QStringLiteral(
    "INSERT INTO memos(uuid, target, target_id, title, body, coder_id, created_at, modified_at) "
    "VALUES (?,?,?,?,?,?,?,?)");
const QString kInsertExact = QStringLiteral(
    "INSERT INTO memos(id, uuid, target, target_id, title, body, coder_id, created_at, "
    "modified_at) VALUES (?,?,?,?,?,?,?,?,?)");
const QString kUpdate
    = QStringLiteral("UPDATE memos SET title = ?, body = ?, modified_at = ? WHERE id = ?");
const QString kDelete = QStringLiteral("DELETE FROM memos WHERE id = ?");
const QString kRetarget = QStringLiteral("UPDATE memos SET target_id = ? WHERE id = ?");
} // namespace

MemoRepository::MemoRepository(Database &db, CoderRepository &coders)
    : Repository(db)
    , m_coders(coders)
{
}

QList<Memo> MemoRepository::load(const QString &where, const QVariantList &binds) const
{
    SqlQuery q(sql(), kSelect + where + QStringLiteral(" ORDER BY id"));
    for (const QVariant &value : binds)
        q.bind(value);
    q.exec();
    QList<Memo> list;
    while (q.next()) {
        Memo m;
        m.id = q.value(0).toLongLong();
        m.uuid = q.value(1).toString();
        m.target = Memo::targetFromName(q.value(2).toString());
        m.targetId = q.value(3).toLongLong();
        m.title = q.value(4).toString();
        m.body = q.value(5).toString();
        m.coderId = q.value(6).toLongLong();
        m.created = SqlQuery::parseTime(q.value(7));
        m.modified = SqlQuery::parseTime(q.value(8));
        list.append(m);
    }
    return list;
}

QList<Memo> MemoRepository::all() const
{
    return load(QString(), {});
}

std::optional<Memo> MemoRepository::get(qint64 id) const
{
    const QList<Memo> found = load(QStringLiteral("WHERE id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<Memo>(found.constFirst());
}

QList<Memo> MemoRepository::forTarget(Memo::Target target, qint64 targetId) const
{
    return load(QStringLiteral("WHERE target = ? AND target_id = ?"),
                {Memo::targetName(target), targetId});
}

QList<Memo> MemoRepository::forTargets(Memo::Target target, const QList<qint64> &targetIds) const
{
    return load(QStringLiteral("WHERE target = ? AND target_id IN ") + idsIn(),
                {Memo::targetName(target), idList(targetIds)});
}

qint64 MemoRepository::add(const Memo &memo)
{
    return write([&](ChangeSet &changes) {
        const QString time = Database::now();
        SqlQuery q(sql(), returningId(kInsert));
        // A merged memo keeps its UUID; a new one gets one.
        q.bind(memo.uuid.isEmpty() ? Database::newUuid() : memo.uuid)
            .bind(Memo::targetName(memo.target))
            .bind(memo.targetId);
        q.bind(memo.title).bind(memo.body).bind(memo.coderId ? memo.coderId : m_coders.currentId());
        q.bind(time).bind(time).exec();
        const qint64 id = q.returnedId();
        changes.add(Aggregate::Memo, id);
        return id;
    });
}

void MemoRepository::setContent(const Memo &memo, const QString &time)
{
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kUpdate);
        q.bind(memo.title).bind(memo.body).bind(time).bind(memo.id).exec();
        if (q.rowsAffected() != 1)
            throw ProjectError(QStringLiteral("no memo with id %1").arg(memo.id));
        changes.modify(Aggregate::Memo, memo.id);
    });
}

void MemoRepository::update(const Memo &memo)
{
    setContent(memo, Database::now());
}

void MemoRepository::revert(const Memo &memo)
{
    setContent(memo, SqlQuery::formatTime(memo.modified));
}

void MemoRepository::remove(qint64 id)
{
    removeMany({id});
}

void MemoRepository::removeMany(const QList<qint64> &ids)
{
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kDelete);
        for (qint64 id : ids) {
            q.bind(id).exec();
            if (q.rowsAffected() != 1)
                throw ProjectError(QStringLiteral("no memo with id %1").arg(id));
            changes.remove(Aggregate::Memo, id);
        }
    });
}

void MemoRepository::restore(const Memo &memo)
{
    restoreMany({memo});
}

void MemoRepository::restoreMany(const QList<Memo> &memos)
{
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kInsertExact);
        for (const Memo &m : memos) {
            q.bind(m.id).bind(m.uuid.isEmpty() ? Database::newUuid() : m.uuid);
            q.bind(Memo::targetName(m.target)).bind(m.targetId).bind(m.title).bind(m.body);
            q.bind(SqlQuery::nullIfZero(m.coderId)).bind(SqlQuery::formatTime(m.created));
            q.bind(SqlQuery::formatTime(m.modified)).exec();
            changes.add(Aggregate::Memo, m.id);
        }
    });
}

void MemoRepository::retarget(const QList<qint64> &memoIds, qint64 targetId)
{
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kRetarget);
        for (qint64 id : memoIds) {
            q.bind(targetId).bind(id).exec();
            changes.modify(Aggregate::Memo, id);
        }
    });
}
