#include "DeleteMemoCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

DeleteMemoCommand::DeleteMemoCommand(ProjectStore &store, const Memo &memo, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_memo(memo)
{
    setText(QCoreApplication::translate("DeleteMemoCommand", "Delete Memo"));
}

void DeleteMemoCommand::redo()
{
    attempt([this] { m_store.removeMemo(m_memo.id); });
}

void DeleteMemoCommand::undo()
{
    attempt([this] { m_store.restoreMemo(m_memo); });
}
