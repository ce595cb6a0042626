#include "commands/SetNoteCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

SetNoteCommand::SetNoteCommand(ProjectSession &store, qint64 annotationId, QString before,
                               QString after, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_annotationId(annotationId)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(m_after.isEmpty() ? QCoreApplication::translate("SetNoteCommand", "Clear Note")
                              : QCoreApplication::translate("SetNoteCommand", "Edit Note"));
}

void SetNoteCommand::redo()
{
    attempt([this] { m_session.annotations().setNote(m_annotationId, m_after); });
}

void SetNoteCommand::undo()
{
    attempt([this] { m_session.annotations().setNote(m_annotationId, m_before); });
}
