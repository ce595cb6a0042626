#pragma once

#include "commands/StoreCommand.h"
#include "domain/Memo.h"

// Changes a memo's title and body.
class EditMemoCommand final : public StoreCommand
{
public:
    EditMemoCommand(ProjectSession &store, const Memo &before, const Memo &after,
                    ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Memo m_before;
    Memo m_after;
};
