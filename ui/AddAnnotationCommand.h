#pragma once

#include "commands/StoreCommand.h"
#include "domain/Annotation.h"

// Codes a span. The first redo creates the annotation; later redos put the
// very same one back (same id, times and codes) so undo/redo is lossless.
class AddAnnotationCommand final : public StoreCommand
{
public:
    AddAnnotationCommand(ProjectStore &store, const NewAnnotation &annotation,
                         ErrorHandler onError = {}, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    // The stored annotation; id 0 until the first redo succeeded.
    const Annotation &annotation() const { return m_saved; }

private:
    NewAnnotation m_request;
    Annotation m_saved;
};
