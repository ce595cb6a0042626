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
    CodebookRepository &codebook = m_session.codebook();
    attempt(
        [&] {
            codebook.updateCategory(m_known, to);
            m_known = *codebook.category(m_known.id);
        },
        [&] {
            // Only the fields this command edits go over the other coder's.
            const auto now = codebook.category(m_known.id);
            if (!now)
                throw ConcurrentEditError::category(m_known, std::nullopt);
            Category mine = *now;
            if (to.name != from.name)
                mine.name = to.name;
            if (to.kind != from.kind)
                mine.kind = to.kind;
            if (to.colour != from.colour)
                mine.colour = to.colour;
            codebook.updateCategory(*now, mine);
            from = *now;
            to = mine;
            m_known = *codebook.category(m_known.id);
        });
}
