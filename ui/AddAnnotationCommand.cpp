#include "AddAnnotationCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

AddAnnotationCommand::AddAnnotationCommand(ProjectStore &store, const NewAnnotation &annotation,
                                           ErrorHandler onError, QUndoCommand *parent)
    : StoreCommand(store, std::move(onError), parent)
    , m_request(annotation)
{
    setText(QCoreApplication::translate("AddAnnotationCommand", "Add Annotation"));
}

void AddAnnotationCommand::redo()
{
    attempt([this] {
        if (m_saved.id == 0)
            m_saved = m_store.addAnnotation(m_request);
        else
            m_store.restoreAnnotation(m_saved);
    });
}

void AddAnnotationCommand::undo()
{
    attempt([this] { m_store.removeAnnotation(m_saved.id); });
}
