#pragma once

#include "commands/StoreCommand.h"

// Moves an annotation's boundaries. Consecutive adjustments of the same
// annotation merge, so one undo takes back a run of Shift+arrow presses.
class AdjustSpanCommand final : public StoreCommand
{
public:
    struct Span
    {
        qint64 start = 0;
        qint64 end = 0;
        friend bool operator==(const Span &, const Span &) = default;
    };

    AdjustSpanCommand(ProjectSession &store, qint64 annotationId, Span before, Span after,
                      ErrorHandler onError = {});

    void redo() override;
    void undo() override;
    int id() const override { return 0x5350414e; } // "SPAN"
    bool mergeWith(const QUndoCommand *other) override;

    qint64 annotationId() const { return m_annotationId; }

private:
    qint64 m_annotationId;
    Span m_before;
    Span m_after;
};
