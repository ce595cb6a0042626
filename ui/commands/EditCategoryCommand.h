#pragma once

#include "commands/StoreCommand.h"
#include "domain/Category.h"

// Renames or recolours a category; `before` is the category as the window
// showed it (see EditCodeCommand for another coder's change since).
class EditCategoryCommand final : public StoreCommand
{
public:
    EditCategoryCommand(ProjectSession &store, const Category &before, const Category &after,
                        const QString &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    // Sets this command's fields of the row to `to`'s (see EditCodeCommand).
    void apply(Category &to, Category &from);
    Category write(const Category &now, const Category &to, const Category &from);

    Category m_before;
    Category m_after;
    Category m_known; // as this command last read or left it
    bool m_done = false;
};
