#pragma once

#include "Repository.h"
#include "domain/Actor.h"
#include "domain/ActorMerge.h"

#include <QHash>
#include <optional>

// Canonical actors with their aliases, and the references to them:
// mentions (annotations linked to an actor) and claims' speakers and targets.
// Edits given an actor as the caller read it (its version) refuse with
// ConcurrentEditError, writing nothing, when another coder's commit changed
// or deleted it since (see CodebookRepository); the overloads taking ids
// edit it as it is now.
class ActorRepository : public Repository
{
public:
    explicit ActorRepository(Database &db);

    std::optional<Actor> get(qint64 id) const;
    // Every actor with its aliases, ordered by name.
    QList<Actor> all() const;
    // Actors whose name or an alias equals the text (case-insensitive),
    // then those whose name starts with it as a word ("Kim" -> "Kim Jong Un").
    QList<Actor> matching(const QString &text) const;
    // Annotations linked to each actor, across the project.
    QHash<qint64, int> mentionCounts() const;

    // A new actor and its aliases (trimmed, blanks skipped); returns its id.
    qint64 add(const Actor &actor);
    // Name, kind, description, and the aliases of `before` (as read)
    // replaced by those of `after`; returns the version it leaves.
    int update(const Actor &before, const Actor &after);
    int update(const Actor &actor) { return update(actor, actor); }
    void addAlias(qint64 actorId, const QString &alias);
    void removeAlias(qint64 actorId, const QString &alias);
    void remove(qint64 id);
    void remove(const Actor &seen);
    // Raises the version as an edit does, if it is still the one seen.
    int claim(const Actor &seen);
    // Puts back an actor exactly as it was (same id and UUID), for undo/redo.
    void restore(const Actor &actor);
    // Mentions and claim speakers/targets move to the kept actor, the
    // dropped one's names become its aliases.
    ActorMerge merge(qint64 keptId, qint64 droppedId);
    ActorMerge merge(const Actor &kept, const Actor &dropped);
    // Refuses (ConcurrentEditError) when the kept actor changed since.
    int undoMerge(const ActorMerge &merge);

private:
    qint64 insert(const Actor &actor, const QString &created, ChangeSet &changes);
    void insertAlias(qint64 actorId, const QString &alias);
    QString createdAt(qint64 id) const;
    void repoint(const QString &sql, qint64 actorId, const QList<qint64> &rows, ChangeSet &changes);
};
