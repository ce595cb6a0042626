#pragma once

#include "commands/StoreCommand.h"

#include <QPointer>

class QWidget;

// What a command asks when its edit met another coder's commit: the
// store's message (what changed, by its name) with Apply Mine Again (left
// out when the row is gone) and Reload. Reload announces the row as changed
// outside, so every view reads it again and shows their version.
class ConflictPrompt
{
public:
    ConflictPrompt(ProjectSession &store, QWidget *parent);

    StoreCommand::ConflictChoice operator()(const ConcurrentEditError &conflict) const;

private:
    ProjectSession *m_store;
    QPointer<QWidget> m_parent;
};
