#pragma once

#include "commands/VersionedEditCommand.h"
#include "domain/Code.h"

// Renames a code or changes its colour, description or shortcut; `before`
// is the code as the window showed it (VersionedEditCommand tells what
// happens if another coder changed it since).
class EditCodeCommand final : public VersionedEditCommand<Code>
{
public:
    EditCodeCommand(ProjectSession &store, const Code &before, const Code &after,
                    const QString &text, ErrorHandler onError = {});

private:
    std::optional<Code> read(qint64 id) const override;
    ConcurrentEditError conflict(const Code &seen, const std::optional<Code> &now) const override;
    Code merged(const Code &now, const Code &to, const Code &from) const override;
    void update(const Code &now, const Code &mine) override;
};
