#include "commands/DeleteMemoCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

DeleteMemoCommand::DeleteMemoCommand(ProjectSession &store, const Memo &memo, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_memo(memo)
{
    setText(QCoreApplication::translate("DeleteMemoCommand", "Delete Memo"));
}

void DeleteMemoCommand::redo()
{
    attempt([this] { m_session.memos().remove(m_memo.id); });
}

void DeleteMemoCommand::undo()
{
    attempt([this] { m_session.memos().restore(m_memo); });
}
