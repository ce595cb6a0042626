#pragma once

#include "commands/VersionedEditCommand.h"
#include "domain/Actor.h"

// Renames an actor or changes its kind, description or aliases; `before` is
// the actor as the window showed it (see VersionedEditCommand).
class EditActorCommand final : public VersionedEditCommand<Actor>
{
public:
    EditActorCommand(ProjectSession &store, const Actor &before, const Actor &after,
                     ErrorHandler onError = {});

private:
    std::optional<Actor> read(qint64 id) const override;
    ConcurrentEditError conflict(const Actor &seen, const std::optional<Actor> &now) const override;
    Actor merged(const Actor &now, const Actor &to, const Actor &from) const override;
    void update(const Actor &now, const Actor &mine) override;
};
