#pragma once

#include "commands/StoreCommand.h"
#include "domain/Actor.h"

// Renames an actor or changes its kind, description or aliases.
class EditActorCommand final : public StoreCommand
{
public:
    EditActorCommand(ProjectSession &store, const Actor &before, const Actor &after,
                     ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Actor m_before;
    Actor m_after;
};
