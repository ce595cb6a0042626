#include "commands/AdjustSpanCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

AdjustSpanCommand::AdjustSpanCommand(ProjectSession &store, qint64 annotationId, Span before,
                                     Span after, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_annotationId(annotationId)
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("AdjustSpanCommand", "Adjust Span"));
}

void AdjustSpanCommand::redo()
{
    attempt([this] { m_session.annotations().setSpan(m_annotationId, m_after.start, m_after.end); });
}

void AdjustSpanCommand::undo()
{
    attempt([this] { m_session.annotations().setSpan(m_annotationId, m_before.start, m_before.end); });
}

bool AdjustSpanCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const AdjustSpanCommand *>(other);
    if (next->m_annotationId != m_annotationId || next->isObsolete())
        return false;
    m_after = next->m_after;
    // Back where it started: nothing left to undo.
    setObsolete(m_after == m_before);
    return true;
}
