#pragma once

#include "Repository.h"
#include "domain/AdjudicationDecision.h"

#include <optional>

// Adjudication decisions, one row of the project's meta table each
// ("adjudication/ID", a JSON object), so that they need no schema change.
// Articles, codes and coders are stored by UUID, which never changes; a
// decision whose article or consensus coder is gone is not read back.
class AdjudicationRepository : public Repository
{
public:
    explicit AdjudicationRepository(Database &db);

    // Every decision of a consensus coder, oldest first.
    QList<AdjudicationDecision> forCoder(qint64 consensusCoderId) const;
    std::optional<AdjudicationDecision> get(qint64 id) const;

    // Stores a new decision (its id and, if unset, its time are filled in).
    AdjudicationDecision add(const AdjudicationDecision &decision);
    // Deletes a decision and returns what it was.
    AdjudicationDecision remove(qint64 id);
    // Puts a removed decision back with its id.
    void restore(const AdjudicationDecision &decision);

private:
    QList<AdjudicationDecision> load(const QString &where, const QVariantList &binds) const;
    QString uuidOf(const QString &table, qint64 id) const;
    qint64 idOf(const QString &table, const QString &uuid) const;
    void insert(const AdjudicationDecision &decision);
};
