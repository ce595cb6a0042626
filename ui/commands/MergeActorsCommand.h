#pragma once

#include "commands/StoreCommand.h"
#include "domain/ActorMerge.h"

// Merges one actor into another; undo restores the dropped actor and every
// mention and claim reference that moved. Both actors are as the window
// showed them: if another coder changed either since, it asks first (and
// undo, before taking back from a kept actor changed since the merge).
class MergeActorsCommand final : public StoreCommand
{
public:
    MergeActorsCommand(ProjectSession &store, const Actor &kept, const Actor &dropped,
                       ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Actor current(const Actor &known) const; // ConcurrentEditError if it is gone

    Actor m_kept; // each as last read or left (its version)
    Actor m_dropped;
    ActorMerge m_merge;
    bool m_done = false;
};
