#pragma once

#include "commands/StoreCommand.h"
#include "domain/Annotation.h"
#include "domain/Claim.h"

#include <optional>

// Deletes an annotation; undo restores it exactly (same id and codes).
class RemoveAnnotationCommand final : public StoreCommand
{
public:
    RemoveAnnotationCommand(ProjectStore &store, const Annotation &annotation,
                            ErrorHandler onError = {}, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Annotation m_saved;
    std::optional<Claim> m_claim; // claim attributes go with the annotation
};
