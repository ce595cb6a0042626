#pragma once

#include "commands/StoreCommand.h"
#include "domain/ArticleDeletion.h"

// An import that has happened, on the undo stack: undo removes the articles
// it added (with anything coded on them since), redo brings them back.
// The import itself ran before the command was pushed, so the first redo
// does nothing.
class ImportArticlesCommand final : public StoreCommand
{
public:
    ImportArticlesCommand(ProjectSession &store, const QList<qint64> &addedIds,
                          ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    QList<qint64> m_ids;
    ArticleDeletion m_removed;
    bool m_done = false;
};
