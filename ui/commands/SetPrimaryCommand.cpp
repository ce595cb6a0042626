#include "commands/SetPrimaryCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

SetPrimaryCommand::SetPrimaryCommand(ProjectSession &store, qint64 annotationId, bool primary,
                                     ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_annotationId(annotationId)
    , m_primary(primary)
{
    setText(primary ? QCoreApplication::translate("SetPrimaryCommand", "Mark as Primary")
                    : QCoreApplication::translate("SetPrimaryCommand", "Unmark Primary"));
}

void SetPrimaryCommand::redo()
{
    attempt([this] { m_session.annotations().setPrimary(m_annotationId, m_primary); });
}

void SetPrimaryCommand::undo()
{
    attempt([this] { m_session.annotations().setPrimary(m_annotationId, !m_primary); });
}
