#include "AddCategoryCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

AddCategoryCommand::AddCategoryCommand(ProjectStore &store, const Category &category,
                                       ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_category(category)
{
    setText(
        QCoreApplication::translate("AddCategoryCommand", "Add Category “%1”").arg(category.name));
}

void AddCategoryCommand::redo()
{
    attempt([this] {
        if (m_category.id == 0) {
            m_category.id = m_store.addCategory(m_category);
            m_category = m_store.categoryByName(m_category.name).value_or(m_category);
        } else {
            m_store.restoreCategory(m_category);
        }
    });
}

void AddCategoryCommand::undo()
{
    attempt([this] { m_store.removeCategory(m_category.id); });
}
