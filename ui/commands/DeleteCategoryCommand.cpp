#include "commands/DeleteCategoryCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

DeleteCategoryCommand::DeleteCategoryCommand(ProjectSession &store, const Category &category,
                                             ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_category(category)
{
    setText(QCoreApplication::translate("DeleteCategoryCommand", "Delete Category “%1”")
                .arg(category.name));
}

void DeleteCategoryCommand::redo()
{
    attempt([this] { m_session.codebook().removeCategory(m_category.id); });
}

void DeleteCategoryCommand::undo()
{
    attempt([this] { m_session.codebook().restoreCategory(m_category); });
}
