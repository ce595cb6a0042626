#include "DeleteCategoryCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

DeleteCategoryCommand::DeleteCategoryCommand(ProjectStore &store, const Category &category,
                                             ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_category(category)
{
    setText(QCoreApplication::translate("DeleteCategoryCommand", "Delete Category “%1”")
                .arg(category.name));
}

void DeleteCategoryCommand::redo()
{
    attempt([this] { m_store.removeCategory(m_category.id); });
}

void DeleteCategoryCommand::undo()
{
    attempt([this] { m_store.restoreCategory(m_category); });
}
