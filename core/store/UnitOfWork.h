#pragma once

#include "ChangeSet.h"

class Database;

// One user action against the store: all of it or nothing. The outermost
// unit is a transaction; a unit opened inside another is a savepoint, so a
// failing inner step undoes only its own part and the outer one decides.
// Rolls back unless commit() is reached; never commits on unwind. What the
// repositories record in changes() is announced once, after the outermost
// commit.
class UnitOfWork
{
public:
    enum class Begin
    {
        Now,
        // A team project's transaction begins with the unit's first
        // statement that must follow it, or with its COMMIT
        // (DeferredStatements): a round trip fewer. Repository::write, the
        // one user whose refusal tells a lost server plainly either way.
        WithFirstStatement
    };
    explicit UnitOfWork(Database &db, Begin begin = Begin::Now);
    ~UnitOfWork();
    UnitOfWork(const UnitOfWork &) = delete;
    UnitOfWork &operator=(const UnitOfWork &) = delete;

    void commit();
    ChangeSet &changes();

private:
    Database &m_db;
    bool m_open = true;
};
