#include "EditCategoryCommand.h"

#include "store/ProjectStore.h"

EditCategoryCommand::EditCategoryCommand(ProjectStore &store, const Category &before,
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
    attempt([this] { m_store.updateCategory(m_after); });
}

void EditCategoryCommand::undo()
{
    attempt([this] { m_store.updateCategory(m_before); });
}
