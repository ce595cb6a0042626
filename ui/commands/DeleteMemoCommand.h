#pragma once

#include "commands/StoreCommand.h"
#include "domain/Memo.h"

// Deletes a memo; undo puts it back exactly (same id and times).
class DeleteMemoCommand final : public StoreCommand
{
public:
    DeleteMemoCommand(ProjectSession &store, const Memo &memo, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Memo m_memo;
};
