#pragma once

#include "commands/StoreCommand.h"
#include "domain/CodeRemoval.h"

// Deletes a code with its sub-codes and the annotations left without a
// code; undo restores all of it with the same ids. The code is as the
// window showed it: if another coder changed it since, it asks first.
class DeleteCodeCommand final : public StoreCommand
{
public:
    DeleteCodeCommand(ProjectSession &store, const Code &code, const QString &text,
                      ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const CodeRemoval &removal() const { return m_removal; }

private:
    Code m_code; // as last read or left (its version)
    CodeRemoval m_removal;
    bool m_done = false;
};
