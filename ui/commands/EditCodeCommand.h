#pragma once

#include "commands/StoreCommand.h"
#include "domain/Code.h"

// Renames a code or changes its colour, description or shortcut.
class EditCodeCommand final : public StoreCommand
{
public:
    EditCodeCommand(ProjectSession &store, const Code &before, const Code &after, const QString &text,
                    ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    Code m_before;
    Code m_after;
};
