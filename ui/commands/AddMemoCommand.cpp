#include "AddMemoCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

AddMemoCommand::AddMemoCommand(ProjectStore &store, const Memo &memo, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_memo(memo)
{
    setText(QCoreApplication::translate("AddMemoCommand", "Add Memo"));
}

void AddMemoCommand::redo()
{
    attempt([this] {
        if (m_memo.id == 0)
            m_memo = m_store.memo(m_store.addMemo(m_memo)).value_or(m_memo);
        else
            m_store.restoreMemo(m_memo);
    });
}

void AddMemoCommand::undo()
{
    attempt([this] { m_store.removeMemo(m_memo.id); });
}
