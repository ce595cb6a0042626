#pragma once

#include "commands/StoreCommand.h"

// Links a mention (annotation) to a canonical actor, or unlinks it (0).
class LinkActorCommand final : public StoreCommand
{
public:
    LinkActorCommand(ProjectSession &store, qint64 annotationId, qint64 before, qint64 after,
                     ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    qint64 m_annotationId;
    qint64 m_before;
    qint64 m_after;
};
