#pragma once

#include "commands/StoreCommand.h"
#include "domain/Code.h"
#include "domain/CodeRemoval.h"

// Adds a code at row among its siblings. Later redos put back the very same code (same id), so
// commands above it on the stack still find it.
class AddCodeCommand final : public StoreCommand
{
public:
    AddCodeCommand(ProjectSession &store, const Code &code, int row, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    qint64 codeId() const { return m_id; } // 0 until the first redo succeeded

private:
    Code m_code; // as given, then as stored (its version)
    int m_row = 0;
    qint64 m_id = 0;
    CodeRemoval m_removal;
};
