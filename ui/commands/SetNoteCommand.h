#pragma once

#include "commands/StoreCommand.h"

// Writes an annotation's note; undo puts the earlier note back.
class SetNoteCommand final : public StoreCommand
{
public:
    SetNoteCommand(ProjectSession &store, qint64 annotationId, QString before, QString after,
                   ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    qint64 m_annotationId;
    QString m_before;
    QString m_after;
};
