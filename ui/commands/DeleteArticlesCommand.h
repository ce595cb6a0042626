#pragma once

#include "commands/StoreCommand.h"
#include "domain/ArticleDeletion.h"

// Deletes articles with their annotations, claims, memos and pages; undo
// puts every piece back as it was (same ids).
class DeleteArticlesCommand final : public StoreCommand
{
public:
    DeleteArticlesCommand(ProjectSession &store, const QList<qint64> &articleIds,
                          ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    QList<qint64> m_ids;
    ArticleDeletion m_deleted;
};
