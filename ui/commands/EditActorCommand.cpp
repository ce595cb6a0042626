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
    auto &store = m_session.actors();
    attempt(
        [&] {
            // The first time, as the window showed it; later, as this
            // session's commands last left it.
            const Actor seen = m_done ? expected(m_known) : m_known;
            const auto now = store.get(seen.id);
            if (!now || now->version != seen.version)
                throw ConcurrentEditError::actor(seen, now);
            write(*now, to, from);
        },
        [&] {
            // Mine again: this command's fields over their version, which
            // the way back then restores.
            const auto now = store.get(m_known.id);
            if (!now)
                throw ConcurrentEditError::actor(m_known, std::nullopt);
            const Actor mine = write(*now, to, from);
            from = *now;
            to = mine;
        });
}

Actor EditActorCommand::write(const Actor &now, const Actor &to, const Actor &from)
{
    // Only the fields this command edits (where to and from differ).
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
    auto &store = m_session.actors();
    store.update(now, mine);
    m_known = *store.get(now.id);
    m_done = true;
    remember(m_known);
    return mine;
}
