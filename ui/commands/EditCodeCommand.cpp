#include "commands/EditCodeCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

EditCodeCommand::EditCodeCommand(ProjectSession &store, const Code &before, const Code &after,
                                 const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
    , m_known(before)
{
    setText(text);
}

void EditCodeCommand::redo()
{
    apply(m_after, m_before);
}

void EditCodeCommand::undo()
{
    apply(m_before, m_after);
}

void EditCodeCommand::apply(Code &to, Code &from)
{
    auto &store = m_session.codebook();
    attempt(
        [&] {
            // The first time, as the window showed it; later, as this
            // session's commands last left it.
            const Code seen = m_done ? expected(m_known) : m_known;
            const auto now = store.code(seen.id);
            if (!now || now->version != seen.version)
                throw ConcurrentEditError::code(seen, now);
            write(*now, to, from);
        },
        [&] {
            // Mine again: this command's fields over their version, which
            // the way back then restores.
            const auto now = store.code(m_known.id);
            if (!now)
                throw ConcurrentEditError::code(m_known, std::nullopt);
            const Code mine = write(*now, to, from);
            from = *now;
            to = mine;
        });
}

Code EditCodeCommand::write(const Code &now, const Code &to, const Code &from)
{
    // Only the fields this command edits (where to and from differ).
    Code mine = now;
    if (to.name != from.name)
        mine.name = to.name;
    if (to.description != from.description)
        mine.description = to.description;
    if (to.colour != from.colour)
        mine.colour = to.colour;
    if (to.shortcut != from.shortcut)
        mine.shortcut = to.shortcut;
    auto &store = m_session.codebook();
    store.updateCode(now, mine);
    m_known = *store.code(now.id);
    m_done = true;
    remember(m_known);
    return mine;
}
