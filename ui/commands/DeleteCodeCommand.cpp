#include "DeleteCodeCommand.h"

#include "store/ProjectStore.h"

DeleteCodeCommand::DeleteCodeCommand(ProjectStore &store, qint64 codeId, const QString &text,
                                     ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_codeId(codeId)
{
    setText(text);
}

void DeleteCodeCommand::redo()
{
    attempt([this] { m_removal = m_store.removeCode(m_codeId); });
}

void DeleteCodeCommand::undo()
{
    attempt([this] { m_store.restoreCode(m_removal); });
}
