#pragma once

#include "commands/StoreCommand.h"
#include "domain/Category.h"

// Deletes an empty category; undo puts it back with the same id.
class DeleteCategoryCommand final : public StoreCommand
{
public:
    DeleteCategoryCommand(ProjectSession &store, const Category &category, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Category m_category;
    bool m_done = false;
};
