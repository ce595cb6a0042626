#include "commands/RemoveAnnotationCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

RemoveAnnotationCommand::RemoveAnnotationCommand(ProjectSession &store, const Annotation &annotation,
                                                 ErrorHandler onError, QUndoCommand *parent)
    : StoreCommand(store, std::move(onError), parent)
    , m_id(annotation.id)
{
    setText(QCoreApplication::translate("RemoveAnnotationCommand", "Delete Annotation"));
}

void RemoveAnnotationCommand::redo()
{
    attempt([this] { m_removed = m_session.annotations().remove(m_id); });
}

void RemoveAnnotationCommand::undo()
{
    attempt([this] { m_session.annotations().restore(m_removed); });
}
