#pragma once

#include "commands/StoreCommand.h"
#include "domain/Memo.h"

// Adds a memo; later redos put back the same memo (same id and times).
class AddMemoCommand final : public StoreCommand
{
public:
    AddMemoCommand(ProjectSession &store, const Memo &memo, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    qint64 memoId() const { return m_memo.id; }

private:
    Memo m_memo;
};
