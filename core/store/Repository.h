#pragma once

#include "Database.h"
#include "SqlQuery.h"
#include "UnitOfWork.h"
#include "base/ProjectError.h"

#include <type_traits>

// Base of the repositories: one per aggregate, each holding every SQL
// statement of its tables. Reads run on the session's connection; every
// write runs inside a UnitOfWork (joining the caller's if one is open) and
// records what it touched in that unit's ChangeSet.
class Repository
{
protected:
    explicit Repository(Database &db)
        : m_db(db)
    {
    }

    const QSqlDatabase &sql() const { return m_db.connection(); }
    QString returningId(const QString &insert) const;
    // "(subquery)" of the ids bound as one value: col IN idsIn(), bind idList(ids).
    QString idsIn() const;
    QVariant idList(const QList<qint64> &ids) const;

    // Runs change(ChangeSet &) in a unit of work and commits it; returns
    // what change returns.
    template<typename Change>
    auto write(Change &&change)
    {
        try {
            UnitOfWork unit(m_db, UnitOfWork::Begin::WithFirstStatement);
            if constexpr (std::is_void_v<std::invoke_result_t<Change, ChangeSet &>>) {
                change(unit.changes());
                unit.commit();
            } else {
                auto result = change(unit.changes());
                unit.commit();
                return result;
            }
        } catch (const ProjectError &) {
            // The server went away on the way (the rollback found out):
            // told as plainly as an edit refused before it began.
            if (m_db.isLost() && !m_db.inUnitOfWork())
                throw ProjectError(m_db.lostMessage());
            throw;
        }
    }

    Database &m_db;
};
