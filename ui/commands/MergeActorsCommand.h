#pragma once

#include "commands/StoreCommand.h"
#include "domain/ActorMerge.h"

// Merges one actor into another; undo restores the dropped actor and every
// mention and claim reference that moved.
class MergeActorsCommand final : public StoreCommand
{
public:
    MergeActorsCommand(ProjectSession &store, qint64 keptId, qint64 droppedId,
                       ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    qint64 m_keptId;
    qint64 m_droppedId;
    ActorMerge m_merge;
};
