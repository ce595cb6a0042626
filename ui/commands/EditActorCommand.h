#pragma once

#include "commands/StoreCommand.h"
#include "domain/Actor.h"

// Renames an actor or changes its kind, description or aliases; `before` is
// the actor as the window showed it (see EditCodeCommand for another
// coder's change since).
class EditActorCommand final : public StoreCommand
{
public:
    EditActorCommand(ProjectSession &store, const Actor &before, const Actor &after,
                     ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    void apply(Actor &to, Actor &from);

    Actor m_before;
    Actor m_after;
    Actor m_known; // as this command last read or left it
};
