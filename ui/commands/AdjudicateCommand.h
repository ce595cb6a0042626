#pragma once

#include "commands/StoreCommand.h"
#include "reliability/Adjudication.h"

#include <optional>

// Resolves one disagreement by accepting one coder's version or several
// merged, as the consensus coder (Adjudication::resolve): one unit of work,
// undone in one. Undo takes the consensus annotations and the decision back
// and puts back an earlier decision it replaced; redo puts back the very
// same annotations and decision.
class AdjudicateCommand final : public StoreCommand
{
public:
    AdjudicateCommand(ProjectSession &store, const Adjudication::Place &place,
                      const QList<qint64> &coderIds, const QString &consensusName,
                      const QString &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    // Empty until the first redo succeeded.
    const std::optional<Adjudication::Resolution> &resolution() const { return m_done; }

private:
    Adjudication::Place m_place;
    QList<qint64> m_coderIds;
    QString m_consensus;
    std::optional<Adjudication::Resolution> m_done;
    QList<AnnotationRecord> m_undoneAdded;
};
