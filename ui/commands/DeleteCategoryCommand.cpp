#include "commands/DeleteCategoryCommand.h"

#include "commands/CategoryRemoval.h"
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
    // m_category is the category as the window showed it.
    CodebookRepository &codebook = m_session.codebook();
    attempt(
        [&] {
            // The first time as the window showed it; later as this session left it.
            const Category seen = m_done ? expected(m_category) : m_category;
            codebook.removeCategory(seen);
            m_category = seen;
            ++m_category.version; // as the removal left it, to come back so
            m_done = true;
        },
        [&] {
            m_category = CategoryRemoval::asItIsNow(codebook, m_category);
            m_done = true;
        });
}

void DeleteCategoryCommand::undo()
{
    attempt([this] {
        m_session.codebook().restoreCategory(m_category);
        remember(m_category);
    });
}
