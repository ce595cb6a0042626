#pragma once

#include "commands/StoreCommand.h"
#include "domain/Actor.h"

// Creates a canonical actor; later redos put back the same one (same id).
class CreateActorCommand final : public StoreCommand
{
public:
    CreateActorCommand(ProjectSession &store, const Actor &actor, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    qint64 actorId() const { return m_actor.id; } // 0 until the first redo succeeded

private:
    Actor m_actor;
};
