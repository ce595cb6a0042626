#include "commands/AddMemoCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

AddMemoCommand::AddMemoCommand(ProjectSession &store, const Memo &memo, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_memo(memo)
{
    setText(QCoreApplication::translate("AddMemoCommand", "Add Memo"));
}

void AddMemoCommand::redo()
{
    attempt([this] {
        if (m_memo.id == 0)
            m_memo = m_session.memos().get(m_session.memos().add(m_memo)).value_or(m_memo);
        else
            m_session.memos().restore(m_memo);
    });
}

void AddMemoCommand::undo()
{
    attempt([this] { m_session.memos().remove(m_memo.id); });
}
