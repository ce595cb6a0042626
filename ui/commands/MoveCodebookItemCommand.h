#pragma once

#include "commands/StoreCommand.h"
#include "domain/CodebookLayout.h"

// Reorders a category, or reparents and reorders a code. Undo and later
// redos restore the whole layout saved around the first move, so siblings
// that were renumbered come back exactly.
class MoveCodebookItemCommand final : public StoreCommand
{
public:
    struct Move
    {
        bool category = false; // a category (only row counts) or a code
        qint64 id = 0;
        qint64 categoryId = 0;
        qint64 parentId = 0;
        int row = 0;
    };

    MoveCodebookItemCommand(ProjectSession &store, const Move &move, const QString &text,
                            ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Move m_move;
    bool m_done = false;
    CodebookLayout m_before;
    CodebookLayout m_after;
};
