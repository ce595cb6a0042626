#include "AddAnnotationCommand.h"

#include "store/ProjectError.h"
#include "store/ProjectStore.h"

#include <QCoreApplication>

AddAnnotationCommand::AddAnnotationCommand(ProjectStore &store, const NewAnnotation &annotation,
                                           ErrorHandler onError, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_request(annotation)
    , m_onError(std::move(onError))
{
    setText(QCoreApplication::translate("AddAnnotationCommand", "Add Annotation"));
}

void AddAnnotationCommand::redo()
{
    try {
        if (m_saved.id == 0)
            m_saved = m_store.addAnnotation(m_request);
        else
            m_store.restoreAnnotation(m_saved);
    } catch (const ProjectError &e) {
        setObsolete(true);
        if (m_onError)
            m_onError(e.message());
    }
}

void AddAnnotationCommand::undo()
{
    try {
        m_store.removeAnnotation(m_saved.id);
    } catch (const ProjectError &e) {
        setObsolete(true);
        if (m_onError)
            m_onError(e.message());
    }
}
