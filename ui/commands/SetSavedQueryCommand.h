#pragma once

#include "commands/StoreCommand.h"

#include <QString>
#include <optional>

// Saves a retrieval query under a name (adding it or replacing the text
// saved there) or, with no text, deletes the saved query of that name;
// undo puts back what was saved before.
class SetSavedQueryCommand final : public StoreCommand
{
public:
    SetSavedQueryCommand(ProjectSession &store, const QString &name,
                         const std::optional<QString> &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    void apply(const std::optional<QString> &text);

    QString m_name;
    std::optional<QString> m_text;
    std::optional<QString> m_before;
};
