#pragma once

#include "commands/StoreCommand.h"
#include "domain/CodeRemoval.h"

// Deletes a code with its sub-codes and the annotations left without a
// code; undo restores all of it with the same ids.
class DeleteCodeCommand final : public StoreCommand
{
public:
    DeleteCodeCommand(ProjectSession &store, qint64 codeId, const QString &text,
                      ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const CodeRemoval &removal() const { return m_removal; }

private:
    qint64 m_codeId = 0;
    CodeRemoval m_removal;
};
