#include "ActorTable.h"

#include "base/ProjectError.h"
#include "SqlQuery.h"

namespace {
QList<qint64> ids(const QSqlDatabase &db, const QString &sql, qint64 bound)
{
    SqlQuery q(db, sql);
    q.bind(bound).exec();
    QList<qint64> list;
    while (q.next())
        list.append(q.value(0).toLongLong());
    return list;
}

void setColumn(const QSqlDatabase &db, const QString &sql, qint64 value, const QList<qint64> &rows)
{
    SqlQuery q(db, sql);
    for (qint64 row : rows)
        q.bind(value).bind(row).exec();
}
} // namespace

ActorTable::ActorTable(const QSqlDatabase &db)
    : m_db(db)
{
}

std::optional<Actor> ActorTable::load(qint64 id) const
{
    SqlQuery q(m_db, QStringLiteral("SELECT name, kind, description FROM actors WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next())
        return std::nullopt;
    Actor a;
    a.id = id;
    a.name = q.value(0).toString();
    a.kind = q.value(1).toString();
    a.description = q.value(2).toString();
    SqlQuery aliases(
        m_db, QStringLiteral("SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias"));
    aliases.bind(id).exec();
    while (aliases.next())
        a.aliases.append(aliases.value(0).toString());
    return a;
}

QList<Actor> ActorTable::loadAll() const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT id, name, kind, description FROM actors ORDER BY name"));
    q.exec();
    QList<Actor> list;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        Actor a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.kind = q.value(2).toString();
        a.description = q.value(3).toString();
        index.insert(a.id, list.size());
        list.append(a);
    }
    // All aliases in one query, not one per actor.
    SqlQuery aliases(m_db,
                     QStringLiteral("SELECT actor_id, alias FROM actor_aliases ORDER BY alias"));
    aliases.exec();
    while (aliases.next()) {
        const auto it = index.constFind(aliases.value(0).toLongLong());
        if (it != index.constEnd())
            list[*it].aliases.append(aliases.value(1).toString());
    }
    return list;
}

QString ActorTable::createdAt(qint64 id) const
{
    SqlQuery q(m_db, QStringLiteral("SELECT created_at FROM actors WHERE id = ?"));
    q.bind(id).exec();
    return q.next() ? q.value(0).toString() : QString();
}

qint64 ActorTable::insert(const Actor &actor, const QString &created)
{
    if (actor.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("an actor needs a name"));
    SqlQuery q(
        m_db,
        QStringLiteral(
            "INSERT INTO actors(id, name, kind, description, created_at) VALUES (?,?,?,?,?)"));
    q.bind(SqlQuery::nullIfZero(actor.id)).bind(actor.name.trimmed());
    q.bind(actor.kind.isEmpty() ? QStringLiteral("person") : actor.kind).bind(actor.description);
    q.bind(created).exec();
    const qint64 id = actor.id ? actor.id : q.lastInsertId();
    for (const QString &alias : actor.aliases)
        addAlias(id, alias);
    return id;
}

qint64 ActorTable::insertNew(const Actor &actor, const QString &created)
{
    SqlQuery q(
        m_db,
        QStringLiteral("INSERT INTO actors(name, kind, description, created_at) VALUES (?,?,?,?)"));
    q.bind(actor.name.trimmed())
        .bind(actor.kind.isEmpty() ? QStringLiteral("person") : actor.kind)
        .bind(actor.description)
        .bind(created)
        .exec();
    const qint64 id = q.lastInsertId();
    for (const QString &alias : actor.aliases) {
        SqlQuery(m_db,
                 QStringLiteral("INSERT INTO actor_aliases(actor_id, alias) VALUES (?, ?) "
                                "ON CONFLICT DO NOTHING"))
            .bind(id)
            .bind(alias.trimmed())
            .exec();
    }
    return id;
}

void ActorTable::update(const Actor &actor)
{
    if (actor.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("an actor needs a name"));
    SqlQuery q(
        m_db, QStringLiteral("UPDATE actors SET name = ?, kind = ?, description = ? WHERE id = ?"));
    q.bind(actor.name.trimmed()).bind(actor.kind.isEmpty() ? QStringLiteral("person") : actor.kind);
    q.bind(actor.description).bind(actor.id).exec();
    if (q.rowsAffected() != 1)
        throw ProjectError(QStringLiteral("no actor with id %1").arg(actor.id));
    SqlQuery(m_db, QStringLiteral("DELETE FROM actor_aliases WHERE actor_id = ?"))
        .bind(actor.id)
        .exec();
    for (const QString &alias : actor.aliases)
        addAlias(actor.id, alias);
}

void ActorTable::addAlias(qint64 actorId, const QString &alias)
{
    if (alias.trimmed().isEmpty())
        return;
    SqlQuery(m_db,
             QStringLiteral("INSERT INTO actor_aliases(actor_id, alias) VALUES (?, ?) "
                            "ON CONFLICT DO NOTHING"))
        .bind(actorId)
        .bind(alias.trimmed())
        .exec();
}

void ActorTable::removeAlias(qint64 actorId, const QString &alias)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM actor_aliases WHERE actor_id = ? AND alias = ?"))
        .bind(actorId)
        .bind(alias.trimmed())
        .exec();
}

void ActorTable::remove(qint64 id)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM actors WHERE id = ?")).bind(id).exec();
}

ActorMerge ActorTable::merge(qint64 keptId, qint64 droppedId)
{
    if (keptId == droppedId)
        throw ProjectError(QStringLiteral("an actor cannot be merged into itself"));
    const auto kept = load(keptId);
    const auto dropped = load(droppedId);
    if (!kept || !dropped)
        throw ProjectError(QStringLiteral("no actor with id %1").arg(kept ? droppedId : keptId));

    ActorMerge m;
    m.keptId = keptId;
    m.dropped = *dropped;
    m.droppedCreated = createdAt(droppedId);
    m.mentionIds
        = ids(m_db, QStringLiteral("SELECT id FROM annotations WHERE actor_id = ? ORDER BY id"),
              droppedId);
    m.speakerClaimIds = ids(
        m_db, QStringLiteral("SELECT annotation_id FROM claims WHERE speaker_id = ?"), droppedId);
    m.targetClaimIds = ids(
        m_db, QStringLiteral("SELECT annotation_id FROM claims WHERE target_id = ?"), droppedId);
    // The dropped actor's names live on as aliases of the kept one, so
    // suggestions keep finding "Kim" after a merge.
    QStringList known = kept->aliases;
    known.append(kept->name);
    for (const QString &name : QStringList {dropped->name} + dropped->aliases) {
        if (!known.contains(name, Qt::CaseInsensitive)) {
            known.append(name);
            m.addedAliases.append(name);
        }
    }

    setColumn(m_db, QStringLiteral("UPDATE annotations SET actor_id = ? WHERE id = ?"), keptId,
              m.mentionIds);
    setColumn(m_db, QStringLiteral("UPDATE claims SET speaker_id = ? WHERE annotation_id = ?"),
              keptId, m.speakerClaimIds);
    setColumn(m_db, QStringLiteral("UPDATE claims SET target_id = ? WHERE annotation_id = ?"),
              keptId, m.targetClaimIds);
    remove(droppedId);
    for (const QString &alias : std::as_const(m.addedAliases))
        addAlias(keptId, alias);
    return m;
}

void ActorTable::unmerge(const ActorMerge &m)
{
    for (const QString &alias : m.addedAliases)
        removeAlias(m.keptId, alias);
    insert(m.dropped, m.droppedCreated);
    const qint64 id = m.dropped.id;
    setColumn(m_db, QStringLiteral("UPDATE annotations SET actor_id = ? WHERE id = ?"), id,
              m.mentionIds);
    setColumn(m_db, QStringLiteral("UPDATE claims SET speaker_id = ? WHERE annotation_id = ?"), id,
              m.speakerClaimIds);
    setColumn(m_db, QStringLiteral("UPDATE claims SET target_id = ? WHERE annotation_id = ?"), id,
              m.targetClaimIds);
}

QHash<qint64, int> ActorTable::mentionCounts() const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT actor_id, count(*) FROM annotations WHERE actor_id IS NOT "
                              "NULL GROUP BY actor_id"));
    q.exec();
    QHash<qint64, int> counts;
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return counts;
}
