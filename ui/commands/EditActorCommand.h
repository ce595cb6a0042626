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
    // Sets this command's fields of the row to `to`'s (see EditCodeCommand).
    void apply(Actor &to, Actor &from);
    Actor write(const Actor &now, const Actor &to, const Actor &from);

    Actor m_before;
    Actor m_after;
    Actor m_known; // as this command last read or left it
    bool m_done = false;
};
