#include "commands/EditActorCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

EditActorCommand::EditActorCommand(ProjectSession &store, const Actor &before, const Actor &after,
                                   ErrorHandler onError)
    : VersionedEditCommand(store, before, after, std::move(onError))
{
    setText(before.name != after.name
                ? QCoreApplication::translate("EditActorCommand", "Rename Actor")
                : QCoreApplication::translate("EditActorCommand", "Edit Actor"));
}

std::optional<Actor> EditActorCommand::read(qint64 id) const
{
    return m_session.actors().get(id);
}

ConcurrentEditError EditActorCommand::conflict(const Actor &seen,
                                               const std::optional<Actor> &now) const
{
    return ConcurrentEditError::actor(seen, now);
}

Actor EditActorCommand::merged(const Actor &now, const Actor &to, const Actor &from) const
{
    Actor mine = now;
    if (to.name != from.name)
        mine.name = to.name;
    if (to.kind != from.kind)
        mine.kind = to.kind;
    if (to.description != from.description)
        mine.description = to.description;
    // Aliases as a set: the ones this command adds or removes; others' stay.
    for (const QString &alias : std::as_const(to.aliases)) {
        if (!from.aliases.contains(alias, Qt::CaseInsensitive)
            && !mine.aliases.contains(alias, Qt::CaseInsensitive))
            mine.aliases.append(alias);
    }
    mine.aliases.removeIf([&](const QString &alias) {
        return from.aliases.contains(alias, Qt::CaseInsensitive)
            && !to.aliases.contains(alias, Qt::CaseInsensitive);
    });
    return mine;
}

void EditActorCommand::update(const Actor &now, const Actor &mine)
{
    m_session.actors().update(now, mine);
}
