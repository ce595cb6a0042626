#pragma once

#include "QueryResult.h"

#include <QSqlDatabase>

#include <atomic>
#include <mutex>

struct sqlite3;

// Users' own SQL over a project, on a connection of its own that cannot
// write: opened read-only, with PRAGMA query_only, every statement checked
// by StatementGuard and sqlite3_stmt_readonly() before any of them runs.
// A batch with one writing statement is refused as a whole.
//
// Create, run and destroy it in one thread (QSqlDatabase's rule); cancel()
// may be called from any other thread while run() is busy.
class ReadOnlyQuery
{
public:
    // Throws ProjectError if the file is not a Framewise project or cannot
    // be opened.
    explicit ReadOnlyQuery(const QString &projectPath);
    ~ReadOnlyQuery();
    ReadOnlyQuery(const ReadOnlyQuery &) = delete;
    ReadOnlyQuery &operator=(const ReadOnlyQuery &) = delete;

    // Runs the statements in order and returns the rows of the last one
    // that has columns; maxRows < 0 means all rows.
    QueryResult run(const QString &sql, qint64 maxRows = -1);
    // Stops the running query soon (SQLite checks between steps).
    void cancel();

private:
    static int progress(void *self);

    QString m_connectionName;
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    std::mutex m_handleMutex; // cancel() against the destructor
    std::atomic<bool> m_cancelled{false};
};
