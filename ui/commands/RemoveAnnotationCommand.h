#pragma once

#include "commands/StoreCommand.h"
#include "domain/Annotation.h"
#include "domain/AnnotationRecord.h"

// Deletes an annotation; undo restores it exactly (same id, codes, note and
// claim attributes) in one step.
class RemoveAnnotationCommand final : public StoreCommand
{
public:
    RemoveAnnotationCommand(ProjectSession &store, const Annotation &annotation,
                            ErrorHandler onError = {}, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    qint64 m_id = 0;
    AnnotationRecord m_removed;
};
