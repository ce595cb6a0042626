#pragma once

#include "commands/VersionedEditCommand.h"
#include "domain/Category.h"

// Renames or recolours a category, or changes its kind; `before` is the
// category as the window showed it (see VersionedEditCommand).
class EditCategoryCommand final : public VersionedEditCommand<Category>
{
public:
    EditCategoryCommand(ProjectSession &store, const Category &before, const Category &after,
                        const QString &text, ErrorHandler onError = {});

private:
    std::optional<Category> read(qint64 id) const override;
    ConcurrentEditError conflict(const Category &seen,
                                 const std::optional<Category> &now) const override;
    Category merged(const Category &now, const Category &to, const Category &from) const override;
    void update(const Category &now, const Category &mine) override;
};
