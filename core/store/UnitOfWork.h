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
    explicit UnitOfWork(Database &db);
    ~UnitOfWork();
    UnitOfWork(const UnitOfWork &) = delete;
    UnitOfWork &operator=(const UnitOfWork &) = delete;

    void commit();
    ChangeSet &changes();

private:
    Database &m_db;
    bool m_open = true;
};
