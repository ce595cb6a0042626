#include "commands/EditCategoryCommand.h"

#include "store/ProjectSession.h"

EditCategoryCommand::EditCategoryCommand(ProjectSession &store, const Category &before,
                                         const Category &after, const QString &text,
                                         ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
{
    setText(text);
}

void EditCategoryCommand::redo()
{
    attempt([this] { m_session.codebook().updateCategory(m_after); });
}

void EditCategoryCommand::undo()
{
    attempt([this] { m_session.codebook().updateCategory(m_before); });
}
