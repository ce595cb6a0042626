#include "commands/EditCategoryCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

EditCategoryCommand::EditCategoryCommand(ProjectSession &store, const Category &before,
                                         const Category &after, const QString &text,
                                         ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
    , m_known(before)
{
    setText(text);
}

void EditCategoryCommand::redo()
{
    apply(m_after, m_before);
}

void EditCategoryCommand::undo()
{
    apply(m_before, m_after);
}

void EditCategoryCommand::apply(Category &to, Category &from)
{
    auto &store = m_session.codebook();
    attempt(
        [&] {
            // The first time, as the window showed it; later, as this
            // session's commands last left it.
            const Category seen = m_done ? expected(m_known) : m_known;
            const auto now = store.category(seen.id);
            if (!now || now->version != seen.version)
                throw ConcurrentEditError::category(seen, now);
            write(*now, to, from);
        },
        [&] {
            // Mine again: this command's fields over their version, which
            // the way back then restores.
            const auto now = store.category(m_known.id);
            if (!now)
                throw ConcurrentEditError::category(m_known, std::nullopt);
            const Category mine = write(*now, to, from);
            from = *now;
            to = mine;
        });
}

Category EditCategoryCommand::write(const Category &now, const Category &to, const Category &from)
{
    // Only the fields this command edits (where to and from differ).
    Category mine = now;
    if (to.name != from.name)
        mine.name = to.name;
    if (to.kind != from.kind)
        mine.kind = to.kind;
    if (to.colour != from.colour)
        mine.colour = to.colour;
    auto &store = m_session.codebook();
    store.updateCategory(now, mine);
    m_known = *store.category(now.id);
    m_done = true;
    remember(m_known);
    return mine;
}
