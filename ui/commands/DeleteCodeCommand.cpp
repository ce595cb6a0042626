#include "commands/DeleteCodeCommand.h"

#include "store/ProjectSession.h"

DeleteCodeCommand::DeleteCodeCommand(ProjectSession &store, qint64 codeId, const QString &text,
                                     ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_codeId(codeId)
{
    setText(text);
}

void DeleteCodeCommand::redo()
{
    attempt([this] { m_removal = m_session.codebook().removeCode(m_codeId); });
}

void DeleteCodeCommand::undo()
{
    attempt([this] { m_session.codebook().restoreCode(m_removal); });
}
