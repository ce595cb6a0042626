#include "RemoveAnnotationCommand.h"

#include "store/ProjectError.h"
#include "store/ProjectStore.h"

#include <QCoreApplication>

RemoveAnnotationCommand::RemoveAnnotationCommand(ProjectStore &store, const Annotation &annotation,
                                                 ErrorHandler onError, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_saved(annotation)
    , m_onError(std::move(onError))
{
    setText(QCoreApplication::translate("RemoveAnnotationCommand", "Delete Annotation"));
}

void RemoveAnnotationCommand::redo()
{
    try {
        m_claim = m_store.claim(m_saved.id);
        m_store.removeAnnotation(m_saved.id);
    } catch (const ProjectError &e) {
        setObsolete(true);
        if (m_onError)
            m_onError(e.message());
    }
}

void RemoveAnnotationCommand::undo()
{
    try {
        m_store.restoreAnnotation(m_saved);
        if (m_claim)
            m_store.setClaim(*m_claim);
    } catch (const ProjectError &e) {
        setObsolete(true);
        if (m_onError)
            m_onError(e.message());
    }
}
