#include "MoveCodebookItemCommand.h"

#include "store/ProjectStore.h"

MoveCodebookItemCommand::MoveCodebookItemCommand(ProjectStore &store, const Move &move,
                                                 const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_move(move)
{
    setText(text);
}

void MoveCodebookItemCommand::redo()
{
    attempt([this] {
        if (m_done) {
            m_store.restoreCodebookLayout(m_after);
            return;
        }
        m_before = m_store.codebookLayout();
        if (m_move.category)
            m_store.moveCategory(m_move.id, m_move.row);
        else
            m_store.moveCode(m_move.id, m_move.categoryId, m_move.parentId, m_move.row);
        m_after = m_store.codebookLayout();
        m_done = true;
    });
}

void MoveCodebookItemCommand::undo()
{
    attempt([this] { m_store.restoreCodebookLayout(m_before); });
}
