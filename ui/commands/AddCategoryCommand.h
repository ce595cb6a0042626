#pragma once

#include "commands/StoreCommand.h"
#include "domain/Category.h"

// Adds a category; later redos put back the same one (same id).
class AddCategoryCommand final : public StoreCommand
{
public:
    AddCategoryCommand(ProjectSession &store, const Category &category, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    qint64 categoryId() const { return m_category.id; }

private:
    Category m_category;
};
