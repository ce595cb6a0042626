#pragma once

#include "commands/StoreCommand.h"
#include "domain/Claim.h"

#include <optional>

// Changes a claim's attributes; undo puts back the row as it was, or no row.
class SetClaimCommand final : public StoreCommand
{
public:
    SetClaimCommand(ProjectSession &store, std::optional<Claim> before, const Claim &after,
                    ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    std::optional<Claim> m_before;
    Claim m_after;
};
