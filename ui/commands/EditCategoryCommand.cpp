#include "commands/EditCategoryCommand.h"

#include "store/ProjectSession.h"

EditCategoryCommand::EditCategoryCommand(ProjectSession &store, const Category &before,
                                         const Category &after, const QString &text,
                                         ErrorHandler onError)
    : VersionedEditCommand(store, before, after, std::move(onError))
{
    setText(text);
}

std::optional<Category> EditCategoryCommand::read(qint64 id) const
{
    return m_session.codebook().category(id);
}

ConcurrentEditError EditCategoryCommand::conflict(const Category &seen,
                                                  const std::optional<Category> &now) const
{
    return ConcurrentEditError::category(seen, now);
}

Category EditCategoryCommand::merged(const Category &now, const Category &to,
                                     const Category &from) const
{
    Category mine = now;
    if (to.name != from.name)
        mine.name = to.name;
    if (to.kind != from.kind)
        mine.kind = to.kind;
    if (to.colour != from.colour)
        mine.colour = to.colour;
    return mine;
}

void EditCategoryCommand::update(const Category &now, const Category &mine)
{
    m_session.codebook().updateCategory(now, mine);
}
