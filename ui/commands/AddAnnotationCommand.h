#pragma once

#include "commands/StoreCommand.h"
#include "domain/Annotation.h"
#include "domain/AnnotationRecord.h"

// Codes a span. The first redo creates the annotation; undo keeps what it
// had become by then (claim attributes, note, codes), and later redos put
// that back exactly, same id, in one step.
class AddAnnotationCommand final : public StoreCommand
{
public:
    AddAnnotationCommand(ProjectSession &store, const NewAnnotation &annotation,
                         ErrorHandler onError = {}, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    // The stored annotation; id 0 until the first redo succeeded.
    const Annotation &annotation() const { return m_saved; }

private:
    NewAnnotation m_request;
    Annotation m_saved;
    std::optional<AnnotationRecord> m_undone;
};
