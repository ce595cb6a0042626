#pragma once

#include "commands/StoreCommand.h"
#include "domain/CodeMerge.h"

// Merges one code into another: its annotations, sub-codes and memos move
// to the target and it goes. Undo restores it with the same id and links.
// Both codes are as the window showed them: if another coder changed either
// since, it asks before merging (and undo, before taking back from a target
// changed since the merge).
class MergeCodesCommand final : public StoreCommand
{
public:
    MergeCodesCommand(ProjectSession &store, const Code &source, const Code &target,
                      const QString &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const CodeMerge &merge() const { return m_merge; }

private:
    Code current(const Code &known) const; // ConcurrentEditError if it is gone

    Code m_source; // each as last read or left (its version)
    Code m_target;
    CodeMerge m_merge;
    bool m_done = false;
};
