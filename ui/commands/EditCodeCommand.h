#pragma once

#include "commands/StoreCommand.h"
#include "domain/Code.h"

// Renames a code or changes its colour, description or shortcut. `before`
// is the code as the window showed it: if another coder changed it since,
// the edit (and later its undo or redo) asks before it overwrites anything.
class EditCodeCommand final : public StoreCommand
{
public:
    EditCodeCommand(ProjectSession &store, const Code &before, const Code &after, const QString &text,
                    ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    // Sets this command's fields of the row to `to`'s. Applied again over
    // another coder's change, `from` becomes their version, for the way back.
    void apply(Code &to, Code &from);
    Code write(const Code &now, const Code &to, const Code &from);

    Code m_before;
    Code m_after;
    Code m_known; // the row as this command last read or left it (its version)
    bool m_done = false;
};
