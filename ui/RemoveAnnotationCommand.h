#pragma once

#include "domain/Annotation.h"
#include "domain/Claim.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

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
    std::optional<Claim> m_claim; // claim attributes go with the annotation
    ErrorHandler m_onError;
};
