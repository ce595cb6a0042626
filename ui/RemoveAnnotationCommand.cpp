#include "RemoveAnnotationCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

RemoveAnnotationCommand::RemoveAnnotationCommand(ProjectStore &store, const Annotation &annotation,
                                                 ErrorHandler onError, QUndoCommand *parent)
    : StoreCommand(store, std::move(onError), parent)
    , m_saved(annotation)
{
    setText(QCoreApplication::translate("RemoveAnnotationCommand", "Delete Annotation"));
}

void RemoveAnnotationCommand::redo()
{
    attempt([this] {
        m_claim = m_store.claim(m_saved.id);
        m_store.removeAnnotation(m_saved.id);
    });
}

void RemoveAnnotationCommand::undo()
{
    attempt([this] {
        m_store.restoreAnnotation(m_saved);
        if (m_claim)
            m_store.setClaim(*m_claim);
    });
}
