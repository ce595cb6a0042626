#pragma once

#include <QSqlDatabase>

// One write transaction; rolls back unless commit() was reached, so a throw
// anywhere inside leaves the project as it was.
class SqlTransaction
{
public:
    explicit SqlTransaction(const QSqlDatabase &db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    void commit();

private:
    QSqlDatabase m_db;
    bool m_done = false;
};
