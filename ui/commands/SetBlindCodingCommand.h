#pragma once

#include "commands/StoreCommand.h"

// Turns the project's blind coding on or off (a setting stored in the
// project, so every copy of it codes blind too).
class SetBlindCodingCommand final : public StoreCommand
{
public:
    SetBlindCodingCommand(ProjectSession &store, bool on, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    bool m_on;
};
