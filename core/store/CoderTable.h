#pragma once

#include "domain/Coder.h"

#include <QSqlDatabase>

// The SQL of coders, for ProjectStore, which owns the transactions and
// knows who the current coder is.
class CoderTable
{
public:
    explicit CoderTable(const QSqlDatabase &db);

    // Every coder, ordered by name.
    QList<Coder> list() const;
    // The id of the coder with that name, created (at time) if missing.
    qint64 ensure(const QString &name, const QString &time);

private:
    QSqlDatabase m_db;
};
