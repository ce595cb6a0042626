#include "commands/MoveCodebookItemCommand.h"

#include "store/ProjectSession.h"

MoveCodebookItemCommand::MoveCodebookItemCommand(ProjectSession &store, const Move &move,
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
            m_session.codebook().restoreLayout(m_after);
            return;
        }
        m_before = m_session.codebook().layout();
        if (m_move.category)
            m_session.codebook().moveCategory(m_move.id, m_move.row);
        else
            m_session.codebook().moveCode(m_move.id, m_move.categoryId, m_move.parentId, m_move.row);
        m_after = m_session.codebook().layout();
        m_done = true;
    });
}

void MoveCodebookItemCommand::undo()
{
    attempt([this] { m_session.codebook().restoreLayout(m_before); });
}
