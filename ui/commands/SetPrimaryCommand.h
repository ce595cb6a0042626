#pragma once

#include "commands/StoreCommand.h"

// Marks an annotation as primary (e.g. the article's primary frame) or not.
class SetPrimaryCommand final : public StoreCommand
{
public:
    SetPrimaryCommand(ProjectSession &store, qint64 annotationId, bool primary,
                      ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    qint64 m_annotationId;
    bool m_primary;
};
