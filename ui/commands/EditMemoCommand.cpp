#include "commands/EditMemoCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

EditMemoCommand::EditMemoCommand(ProjectSession &store, const Memo &before, const Memo &after,
                                 ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("EditMemoCommand", "Edit Memo"));
}

void EditMemoCommand::redo()
{
    attempt([this] { m_session.memos().update(m_after); });
}

void EditMemoCommand::undo()
{
    attempt([this] { m_session.memos().revert(m_before); });
}
