#include "commands/AddCategoryCommand.h"

#include "commands/CategoryRemoval.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>

AddCategoryCommand::AddCategoryCommand(ProjectSession &store, const Category &category,
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
            m_category.id = m_session.codebook().addCategory(m_category);
            m_category = m_session.codebook().categoryByName(m_category.name).value_or(m_category);
        } else {
            m_session.codebook().restoreCategory(m_category);
        }
        remember(m_category);
    });
}

void AddCategoryCommand::undo()
{
    // Not if another coder renamed or recoloured it meanwhile, unless asked.
    CodebookRepository &codebook = m_session.codebook();
    attempt(
        [&] {
            m_category = expected(m_category);
            codebook.removeCategory(m_category);
            ++m_category.version; // as the removal left it, to come back so
        },
        [&] { m_category = CategoryRemoval::asItIsNow(codebook, m_category); });
}
