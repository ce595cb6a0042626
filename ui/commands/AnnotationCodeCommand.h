#pragma once

#include "commands/StoreCommand.h"

// Adds a code to an existing annotation, or takes one away.
class AnnotationCodeCommand final : public StoreCommand
{
public:
    enum class Change
    {
        Add,
        Remove
    };

    AnnotationCodeCommand(ProjectSession &store, qint64 annotationId, qint64 codeId, Change change,
                          ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    void apply(bool add);

    qint64 m_annotationId;
    qint64 m_codeId;
    Change m_change;
};
