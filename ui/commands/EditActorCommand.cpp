#include "commands/EditActorCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>

EditActorCommand::EditActorCommand(ProjectSession &store, const Actor &before, const Actor &after,
                                   ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
    , m_known(before)
{
    setText(before.name != after.name
                ? QCoreApplication::translate("EditActorCommand", "Rename Actor")
                : QCoreApplication::translate("EditActorCommand", "Edit Actor"));
}

void EditActorCommand::redo()
{
    apply(m_after, m_before);
}

void EditActorCommand::undo()
{
    apply(m_before, m_after);
}

void EditActorCommand::apply(Actor &to, Actor &from)
{
    ActorRepository &actors = m_session.actors();
    attempt(
        [&] {
            actors.update(m_known, to);
            m_known = *actors.get(m_known.id);
        },
        [&] {
            // Only the fields this command edits go over the other coder's.
            const auto now = actors.get(m_known.id);
            if (!now)
                throw ConcurrentEditError::actor(m_known, std::nullopt);
            Actor mine = *now;
            if (to.name != from.name)
                mine.name = to.name;
            if (to.kind != from.kind)
                mine.kind = to.kind;
            if (to.description != from.description)
                mine.description = to.description;
            // Aliases as a set: the ones this command adds or removes, the
            // other coder's stay.
            for (const QString &alias : std::as_const(to.aliases)) {
                if (!from.aliases.contains(alias, Qt::CaseInsensitive)
                    && !mine.aliases.contains(alias, Qt::CaseInsensitive))
                    mine.aliases.append(alias);
            }
            mine.aliases.removeIf([&](const QString &alias) {
                return from.aliases.contains(alias, Qt::CaseInsensitive)
                    && !to.aliases.contains(alias, Qt::CaseInsensitive);
            });
            actors.update(*now, mine);
            from = *now;
            to = mine;
            m_known = *actors.get(m_known.id);
        });
}
