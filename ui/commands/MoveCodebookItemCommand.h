#pragma once

#include "commands/StoreCommand.h"
#include "domain/CodebookLayout.h"

// Reorders a category, or reparents and reorders a code. Undo and later
// redos restore the layout saved around the first move, so siblings that
// were renumbered come back exactly, unless another coder moved one of
// them, or changed the item, since: then it asks before overwriting.
class MoveCodebookItemCommand final : public StoreCommand
{
public:
    // The code as the window showed it, to row among the children of
    // parentId (0: the top of categoryId).
    MoveCodebookItemCommand(ProjectSession &store, const Code &code, qint64 categoryId,
                            qint64 parentId, int row, const QString &text,
                            ErrorHandler onError = {});
    // The category as the window showed it, to row among the categories.
    MoveCodebookItemCommand(ProjectSession &store, const Category &category, int row,
                            const QString &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    void moveItem();
    void claimItem(bool asLeft);
    void readItem(); // as it is now; ConcurrentEditError if it is gone

    bool m_isCategory = false;
    Code m_code; // the item as last read or left (its version)
    Category m_category;
    qint64 m_categoryId = 0;
    qint64 m_parentId = 0;
    int m_row = 0;
    bool m_done = false;
    CodebookLayout m_before;
    CodebookLayout m_after;
};
