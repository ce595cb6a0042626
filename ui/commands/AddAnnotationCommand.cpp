#include "commands/AddAnnotationCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

AddAnnotationCommand::AddAnnotationCommand(ProjectSession &store, const NewAnnotation &annotation,
                                           ErrorHandler onError, QUndoCommand *parent)
    : StoreCommand(store, std::move(onError), parent)
    , m_request(annotation)
{
    setText(QCoreApplication::translate("AddAnnotationCommand", "Add Annotation"));
}

void AddAnnotationCommand::redo()
{
    attempt([this] {
        if (m_undone)
            m_session.annotations().restore(*m_undone);
        else
            m_saved = m_session.annotations().add(m_request);
    });
}

void AddAnnotationCommand::undo()
{
    attempt([this] { m_undone = m_session.annotations().remove(m_saved.id); });
}
