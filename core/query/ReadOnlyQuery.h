#pragma once

#include "QueryResult.h"

#include <QSqlDatabase>

#include <atomic>
#include <memory>
#include <mutex>

struct sqlite3;
class ReadOnlyAuthorizer;

// Users' own SQL over a project, on a connection of its own that cannot
// write: ReadOnlyAuthorizer allows only reading while SQLite compiles each
// statement, sqlite3_stmt_readonly() must agree, and behind them stand
// SQLITE_DBCONFIG_DEFENSIVE, PRAGMA query_only and a read-only open. Every
// statement of a batch is compiled before any runs, so a batch with one
// writing statement is refused as a whole.
//
// A project that was not open elsewhere is left without -wal and -shm
// files, as it was found.
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
    // Closes the connection and removes the -wal and -shm files it made.
    void release();

    QString m_path;
    bool m_hadWalFiles = false; // -wal or -shm beside the project when we opened it
    QString m_connectionName;
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    std::unique_ptr<ReadOnlyAuthorizer> m_authorizer;
    std::mutex m_handleMutex; // cancel() against the destructor
    std::atomic<bool> m_cancelled{false};
};
