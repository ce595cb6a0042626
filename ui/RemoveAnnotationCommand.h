#pragma once

#include "domain/Annotation.h"

#include <QUndoCommand>

#include <functional>

class ProjectStore;

// Deletes an annotation; undo restores it exactly (same id and codes).
// Failures go to onError and make the command obsolete.
class RemoveAnnotationCommand final : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;

    RemoveAnnotationCommand(ProjectStore &store, const Annotation &annotation,
                            ErrorHandler onError = {}, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    ProjectStore &m_store;
    Annotation m_saved;
    ErrorHandler m_onError;
};
