#pragma once

#include "domain/Actor.h"
#include "domain/ActorMerge.h"

#include <QHash>
#include <QSqlDatabase>
#include <optional>

// The SQL of canonical actors, their aliases and the references to them
// (mentions in annotations, speakers and targets of claims), for
// ProjectStore, which owns the transactions.
class ActorTable
{
public:
    explicit ActorTable(const QSqlDatabase &db);

    std::optional<Actor> load(qint64 id) const;
    // Every actor with its aliases, ordered by name.
    QList<Actor> loadAll() const;
    // A new actor and its aliases as given (trimmed); returns its id.
    // Unlike insert(), a blank alias is not skipped: this is what
    // ProjectStore::addActor has always stored.
    qint64 insertNew(const Actor &actor, const QString &created);
    // Inserts with actor.id when it is set (undo / redo), else a new id.
    qint64 insert(const Actor &actor, const QString &created);
    // Writes name, kind, description and replaces the aliases.
    void update(const Actor &actor);
    void addAlias(qint64 actorId, const QString &alias);
    void removeAlias(qint64 actorId, const QString &alias);
    void remove(qint64 id);
    ActorMerge merge(qint64 keptId, qint64 droppedId);
    void unmerge(const ActorMerge &merge);
    // Annotations linked to each actor, across the project.
    QHash<qint64, int> mentionCounts() const;

private:
    QString createdAt(qint64 id) const;

    QSqlDatabase m_db;
};
