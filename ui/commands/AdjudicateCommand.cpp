#include "commands/AdjudicateCommand.h"

#include "store/ProjectSession.h"

AdjudicateCommand::AdjudicateCommand(ProjectSession &store, const Adjudication::Place &place,
                                     const QList<qint64> &coderIds, const QString &consensusName,
                                     const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_place(place)
    , m_coderIds(coderIds)
    , m_consensus(consensusName)
{
    setText(text);
}

void AdjudicateCommand::redo()
{
    attempt([this] {
        if (!m_done) {
            m_done = Adjudication(m_session, m_consensus).resolve(m_place, m_coderIds);
            return;
        }
        Adjudication::Resolution &r = *m_done;
        if (r.replaced)
            m_session.adjudications().remove(r.replaced->id);
        QList<qint64> earlier;
        for (const AnnotationRecord &a : std::as_const(r.removed))
            earlier.append(a.annotation.id);
        r.removed = m_session.annotations().removeMany(earlier);
        m_session.annotations().restoreMany(m_undoneAdded);
        m_session.adjudications().restore(r.decision);
    });
}

void AdjudicateCommand::undo()
{
    if (!m_done)
        return;
    attempt([this] {
        const Adjudication::Resolution &r = *m_done;
        // The decision first: an earlier one it replaced may have its id.
        m_session.adjudications().remove(r.decision.id);
        m_undoneAdded = m_session.annotations().removeMany(r.added);
        if (r.replaced)
            m_session.adjudications().restore(*r.replaced);
        m_session.annotations().restoreMany(r.removed);
    });
}
