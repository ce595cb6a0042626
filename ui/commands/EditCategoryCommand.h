#pragma once

#include "commands/StoreCommand.h"
#include "domain/Category.h"

// Renames or recolours a category.
class EditCategoryCommand final : public StoreCommand
{
public:
    EditCategoryCommand(ProjectSession &store, const Category &before, const Category &after,
                        const QString &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Category m_before;
    Category m_after;
};
