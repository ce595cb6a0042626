#pragma once

#include "domain/Annotation.h"

#include <QUndoCommand>

#include <functional>

class ProjectStore;

// Codes a span. The first redo creates the annotation; later redos put the
// very same one back (same id, times and codes) so undo/redo is lossless.
// A failing store call is reported through onError and the command made
// obsolete, which drops it from the stack.
class AddAnnotationCommand final : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;

    AddAnnotationCommand(ProjectStore &store, const NewAnnotation &annotation,
                         ErrorHandler onError = {}, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    // The stored annotation; id 0 until the first redo succeeded.
    const Annotation &annotation() const { return m_saved; }

private:
    ProjectStore &m_store;
    NewAnnotation m_request;
    Annotation m_saved;
    ErrorHandler m_onError;
};
