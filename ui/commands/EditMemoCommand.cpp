#include "EditMemoCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

EditMemoCommand::EditMemoCommand(ProjectStore &store, const Memo &before, const Memo &after,
                                 ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("EditMemoCommand", "Edit Memo"));
}

void EditMemoCommand::redo()
{
    attempt([this] { m_store.updateMemo(m_after); });
}

void EditMemoCommand::undo()
{
    attempt([this] { m_store.revertMemo(m_before); });
}
