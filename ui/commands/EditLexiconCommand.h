#pragma once

#include "commands/StoreCommand.h"

#include <QHash>
#include <QStringList>

// Replaces the word lists of some cues (per language) in one unit of work;
// undo puts the earlier lists back, also in one.
class EditLexiconCommand final : public StoreCommand
{
public:
    // Keys are "language/cue"; values the whole new list of terms.
    EditLexiconCommand(ProjectSession &store, QHash<QString, QStringList> lists, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    // Writes lists and returns what they replaced.
    QHash<QString, QStringList> put(const QHash<QString, QStringList> &lists);

    QHash<QString, QStringList> m_after;
    QHash<QString, QStringList> m_before;
};
