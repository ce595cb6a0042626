#pragma once

#include "domain/Claim.h"

#include <QSqlDatabase>
#include <optional>

// The SQL of claim attributes, for ProjectStore.
class ClaimTable
{
public:
    explicit ClaimTable(const QSqlDatabase &db);

    std::optional<Claim> load(qint64 annotationId) const;
    // Inserts or replaces the row of claim.annotationId.
    void save(const Claim &claim);
    void remove(qint64 annotationId);

private:
    QSqlDatabase m_db;
};
