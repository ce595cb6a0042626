#pragma once

#include "commands/StoreCommand.h"
#include "domain/CodeMerge.h"

// Merges one code into another: its annotations, sub-codes and memos move
// to the target and it goes. Undo restores it with the same id and links.
class MergeCodesCommand final : public StoreCommand
{
public:
    MergeCodesCommand(ProjectSession &store, qint64 sourceId, qint64 targetId, const QString &text,
                      ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const CodeMerge &merge() const { return m_merge; }

private:
    qint64 m_sourceId = 0;
    qint64 m_targetId = 0;
    CodeMerge m_merge;
};
