#include "ActorRepository.h"

#include "ConcurrentEditError.h"
#include "base/ProjectError.h"

namespace {
using Aggregate = ChangeSet::Aggregate;

// Every statement of the aggregate (actors, actor_aliases, and references).
const QString kSelect
    = QStringLiteral("SELECT id, uuid, name, kind, description, version FROM actors ");
const QString kAliases
    = QStringLiteral("SELECT actor_id, alias FROM actor_aliases ORDER BY alias");
const QString kAliasesOf
    = QStringLiteral("SELECT actor_id, alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias");
const QString kCreated = QStringLiteral("SELECT created_at FROM actors WHERE id = ?");
const QString kInsert = QStringLiteral(
    "INSERT INTO actors(uuid, name, kind, description, created_at) VALUES (?,?,?,?,?)");
const QString kInsertExact
    = QStringLiteral("INSERT INTO actors(id, uuid, name, kind, description, created_at, version) "
                     "VALUES (?,?,?,?,?,?,?)");
// An edit names the version its caller read; another coder's commit since
// then has raised it, and the edit matches no row (ConcurrentEditError).
const QString kUpdate
    = QStringLiteral("UPDATE actors SET name = ?, kind = ?, description = ?, version = version + 1 "
                     "WHERE id = ? AND version = ?");
const QString kClaim
    = QStringLiteral("UPDATE actors SET version = version + 1 WHERE id = ? AND version = ?");
const QString kBump = QStringLiteral("UPDATE actors SET version = version + 1 WHERE id = ?");
const QString kInsertAlias = QStringLiteral(
    "INSERT INTO actor_aliases(actor_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING");
const QString kDeleteAlias
    = QStringLiteral("DELETE FROM actor_aliases WHERE actor_id = ? AND alias = ?");
const QString kDeleteAliases = QStringLiteral("DELETE FROM actor_aliases WHERE actor_id = ?");
const QString kDelete = QStringLiteral("DELETE FROM actors WHERE id = ?");
const QString kMentions
    = QStringLiteral("SELECT id FROM annotations WHERE actor_id = ? ORDER BY id");
const QString kSpeakerOf = QStringLiteral("SELECT annotation_id FROM claims WHERE speaker_id = ?");
const QString kTargetOf = QStringLiteral("SELECT annotation_id FROM claims WHERE target_id = ?");
const QString kSetMention = QStringLiteral("UPDATE annotations SET actor_id = ? WHERE id = ?");
const QString kSetSpeaker = QStringLiteral("UPDATE claims SET speaker_id = ? WHERE annotation_id = ?");
const QString kSetTarget = QStringLiteral("UPDATE claims SET target_id = ? WHERE annotation_id = ?");
const QString kMentionCounts = QStringLiteral(
    "SELECT actor_id, count(*) FROM annotations WHERE actor_id IS NOT NULL GROUP BY actor_id");
// Who refers to an actor: removing it unlinks them (ON DELETE SET NULL).
const QString kReferrers = QStringLiteral(
    "SELECT id FROM annotations WHERE actor_id = ? UNION "
    "SELECT annotation_id FROM claims WHERE speaker_id = ? OR target_id = ?");

QList<qint64> ids(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    SqlQuery q(db, sql);
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
    QList<qint64> list;
    while (q.next())
        list.append(q.value(0).toLongLong());
    return list;
}

QList<Actor> readActors(SqlQuery &q)
{
    QList<Actor> list;
    while (q.next()) {
        Actor a;
        a.id = q.value(0).toLongLong();
        a.uuid = q.value(1).toString();
        a.name = q.value(2).toString();
        a.kind = q.value(3).toString();
        a.description = q.value(4).toString();
        a.version = q.value(5).toInt();
        list.append(a);
    }
    return list;
}
} // namespace

ActorRepository::ActorRepository(Database &db)
    : Repository(db)
{
}

std::optional<Actor> ActorRepository::get(qint64 id) const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("WHERE id = ?"));
    q.bind(id).exec();
    QList<Actor> found = readActors(q);
    if (found.isEmpty())
        return std::nullopt;
    SqlQuery aliases(sql(), kAliasesOf);
    aliases.bind(id).exec();
    while (aliases.next())
        found.first().aliases.append(aliases.value(1).toString());
    return found.constFirst();
}

QList<Actor> ActorRepository::all() const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("ORDER BY name"));
    q.exec();
    QList<Actor> list = readActors(q);
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < list.size(); ++i)
        index.insert(list[i].id, i);
    // All aliases in one query, not one per actor.
    SqlQuery aliases(sql(), kAliases);
    aliases.exec();
    while (aliases.next()) {
        const auto it = index.constFind(aliases.value(0).toLongLong());
        if (it != index.constEnd())
            list[*it].aliases.append(aliases.value(1).toString());
    }
    return list;
}

QList<Actor> ActorRepository::matching(const QString &text) const
{
    const QString wanted = text.simplified();
    if (wanted.isEmpty())
        return {};
    QList<Actor> exact, partial;
    for (const Actor &a : all()) {
        if (a.name.compare(wanted, Qt::CaseInsensitive) == 0 || a.aliases.contains(wanted, Qt::CaseInsensitive))
            exact.append(a);
        else if (a.name.startsWith(wanted + QLatin1Char(' '), Qt::CaseInsensitive))
            partial.append(a);
    }
    return exact + partial;
}

QHash<qint64, int> ActorRepository::mentionCounts() const
{
    SqlQuery q(sql(), kMentionCounts);
    q.exec();
    QHash<qint64, int> counts;
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return counts;
}

QString ActorRepository::createdAt(qint64 id) const
{
    SqlQuery q(sql(), kCreated);
    q.bind(id).exec();
    return q.next() ? q.value(0).toString() : QString();
}

void ActorRepository::insertAlias(qint64 actorId, const QString &alias)
{
    if (!alias.trimmed().isEmpty())
        SqlQuery(sql(), kInsertAlias).bind(actorId).bind(alias.trimmed()).exec();
}

qint64 ActorRepository::insert(const Actor &actor, const QString &created, ChangeSet &changes)
{
    if (actor.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("an actor needs a name"));
    const QString kind = actor.kind.isEmpty() ? QStringLiteral("person") : actor.kind;
    const QString uuid = actor.uuid.isEmpty() ? Database::newUuid() : actor.uuid;
    qint64 id = actor.id;
    if (id) {
        SqlQuery q(sql(), kInsertExact);
        q.bind(id).bind(uuid).bind(actor.name.trimmed()).bind(kind).bind(actor.description);
        q.bind(created).bind(std::max(actor.version, 1)).exec();
    } else {
        SqlQuery q(sql(), returningId(kInsert));
        q.bind(uuid).bind(actor.name.trimmed()).bind(kind).bind(actor.description).bind(created);
        q.exec();
        id = q.returnedId();
    }
    for (const QString &alias : actor.aliases)
        insertAlias(id, alias);
    changes.add(Aggregate::Actor, id);
    return id;
}

qint64 ActorRepository::add(const Actor &actor)
{
    Actor fresh = actor;
    fresh.id = 0;
    return write([&](ChangeSet &changes) { return insert(fresh, Database::now(), changes); });
}

void ActorRepository::restore(const Actor &actor)
{
    if (!actor.id)
        throw ProjectError(QStringLiteral("only a stored actor can be restored"));
    write([&](ChangeSet &changes) { insert(actor, Database::now(), changes); });
}

int ActorRepository::update(const Actor &before, const Actor &actor)
{
    if (actor.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("an actor needs a name"));
    return write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kUpdate);
        q.bind(actor.name.trimmed()).bind(actor.kind.isEmpty() ? QStringLiteral("person") : actor.kind);
        q.bind(actor.description).bind(before.id).bind(before.version).exec();
        if (q.rowsAffected() != 1)
            throw ConcurrentEditError::actor(before, get(before.id));
        SqlQuery(sql(), kDeleteAliases).bind(before.id).exec();
        for (const QString &alias : actor.aliases)
            insertAlias(before.id, alias);
        changes.modify(Aggregate::Actor, before.id);
        return before.version + 1;
    });
}

int ActorRepository::claim(const Actor &seen)
{
    return write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kClaim);
        q.bind(seen.id).bind(seen.version).exec();
        if (q.rowsAffected() != 1)
            throw ConcurrentEditError::actor(seen, get(seen.id));
        changes.modify(Aggregate::Actor, seen.id);
        return seen.version + 1;
    });
}

void ActorRepository::addAlias(qint64 actorId, const QString &alias)
{
    write([&](ChangeSet &changes) {
        insertAlias(actorId, alias);
        SqlQuery(sql(), kBump).bind(actorId).exec();
        changes.modify(Aggregate::Actor, actorId);
    });
}

void ActorRepository::removeAlias(qint64 actorId, const QString &alias)
{
    write([&](ChangeSet &changes) {
        SqlQuery(sql(), kDeleteAlias).bind(actorId).bind(alias.trimmed()).exec();
        SqlQuery(sql(), kBump).bind(actorId).exec();
        changes.modify(Aggregate::Actor, actorId);
    });
}

void ActorRepository::remove(const Actor &seen)
{
    write([&](ChangeSet &) {
        claim(seen);
        remove(seen.id);
    });
}

void ActorRepository::remove(qint64 id)
{
    write([&](ChangeSet &changes) {
        changes.modifyAll(Aggregate::Annotation, ids(sql(), kReferrers, {id, id, id}));
        SqlQuery(sql(), kDelete).bind(id).exec();
        changes.remove(Aggregate::Actor, id);
    });
}

void ActorRepository::repoint(const QString &statement, qint64 actorId, const QList<qint64> &rows,
                              ChangeSet &changes)
{
    SqlQuery q(sql(), statement);
    for (qint64 row : rows) {
        q.bind(actorId).bind(row).exec();
        changes.modify(Aggregate::Annotation, row);
    }
}

ActorMerge ActorRepository::merge(qint64 keptId, qint64 droppedId)
{
    if (keptId == droppedId)
        throw ProjectError(QStringLiteral("an actor cannot be merged into itself"));
    const auto kept = get(keptId);
    const auto dropped = get(droppedId);
    if (!kept || !dropped)
        throw ProjectError(QStringLiteral("no actor with id %1").arg(kept ? droppedId : keptId));
    return merge(*kept, *dropped);
}

ActorMerge ActorRepository::merge(const Actor &seenKept, const Actor &seenDropped)
{
    const qint64 keptId = seenKept.id;
    const qint64 droppedId = seenDropped.id;
    if (keptId == droppedId)
        throw ProjectError(QStringLiteral("an actor cannot be merged into itself"));
    return write([&](ChangeSet &changes) {
        // Both as the caller saw them: the dropped one goes, the kept one
        // takes its names and references.
        claim(seenKept);
        claim(seenDropped);
        const auto kept = get(keptId);
        const auto dropped = get(droppedId);
        ActorMerge m;
        m.keptId = keptId;
        m.dropped = *dropped;
        m.droppedCreated = createdAt(droppedId);
        m.mentionIds = ids(sql(), kMentions, {droppedId});
        m.speakerClaimIds = ids(sql(), kSpeakerOf, {droppedId});
        m.targetClaimIds = ids(sql(), kTargetOf, {droppedId});
        // The dropped actor's names live on as aliases of the kept one, so
        // suggestions keep finding "Kim" after a merge.
        QStringList known = kept->aliases;
        known.append(kept->name);
        for (const QString &name : QStringList{dropped->name} + dropped->aliases) {
            if (!known.contains(name, Qt::CaseInsensitive)) {
                known.append(name);
                m.addedAliases.append(name);
            }
        }
        repoint(kSetMention, keptId, m.mentionIds, changes);
        repoint(kSetSpeaker, keptId, m.speakerClaimIds, changes);
        repoint(kSetTarget, keptId, m.targetClaimIds, changes);
        SqlQuery(sql(), kDelete).bind(droppedId).exec();
        changes.remove(Aggregate::Actor, droppedId);
        for (const QString &alias : std::as_const(m.addedAliases))
            insertAlias(keptId, alias);
        m.kept = *get(keptId);
        changes.modify(Aggregate::Actor, keptId);
        changes.touchActorUsage(keptId);
        return m;
    });
}

int ActorRepository::undoMerge(const ActorMerge &m)
{
    return write([&](ChangeSet &changes) {
        // The kept actor gives back what it took: it must be as the merge left it.
        const int version = claim(m.kept);
        for (const QString &alias : m.addedAliases)
            SqlQuery(sql(), kDeleteAlias).bind(m.keptId).bind(alias).exec();
        changes.modify(Aggregate::Actor, m.keptId);
        changes.touchActorUsage(m.keptId);
        insert(m.dropped, m.droppedCreated, changes);
        const qint64 id = m.dropped.id;
        repoint(kSetMention, id, m.mentionIds, changes);
        repoint(kSetSpeaker, id, m.speakerClaimIds, changes);
        repoint(kSetTarget, id, m.targetClaimIds, changes);
        return version;
    });
}
