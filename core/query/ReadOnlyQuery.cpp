#include "ReadOnlyQuery.h"

#include "ReadOnlyAuthorizer.h"
#include "StatementGuard.h"
#include "base/ProjectError.h"
#include "store/ProjectFileInspector.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReadOnlyQuery", text);
}

struct StatementDeleter
{
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

QVariant columnValue(sqlite3_stmt *stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(stmt, column));
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, column));
        return QVariant(QByteArray(data, sqlite3_column_bytes(stmt, column)));
    }
    case SQLITE_NULL:
        return QVariant();
    default: {
        const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(stmt, column));
        return QVariant(QString::fromUtf16(text, sqlite3_column_bytes16(stmt, column) / 2));
    }
    }
}

bool hasWalFiles(const QString &path)
{
    return QFile::exists(path + QLatin1String("-wal")) || QFile::exists(path + QLatin1String("-shm"));
}

// A read-only connection to a project in WAL mode creates its -wal and
// -shm files but may not remove them on close (only a connection that can
// write may checkpoint), and they would stay, empty, beside the project as
// if it were open or had crashed. A connection that could write, and only
// reads, removes them when it closes last: SQLite does that under an
// exclusive lock on the project, so files another connection (in this
// process or another) still uses are left alone.
void removeWalFiles(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
        sqlite3_exec(db, "PRAGMA query_only = 1; SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

} // namespace

ReadOnlyQuery::ReadOnlyQuery(const QString &projectPath)
{
    const auto inspection = ProjectFileInspector::inspect(projectPath);
    if (inspection.verdict != ProjectFileInspector::Verdict::Project)
        throw ProjectError(inspection.message);

    m_path = projectPath;
    m_hadWalFiles = hasWalFiles(projectPath);
    static std::atomic<int> counter{0};
    m_connectionName = QStringLiteral("framewise-readonly-%1").arg(++counter);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(projectPath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    const QString name = QDir::toNativeSeparators(projectPath);
    // The destructor does not run for a constructor that throws.
    const auto fail = [this, &name](const QString &problem) {
        release();
        throw ProjectError(QStringLiteral("%1: %2").arg(name, problem));
    };
    if (!m_db.open())
        fail(QStringLiteral("cannot open (%1)").arg(m_db.lastError().text()));
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !*static_cast<sqlite3 *const *>(handle.data()))
        fail(QStringLiteral("the SQLite driver gives no handle"));
    m_handle = *static_cast<sqlite3 *const *>(handle.data());
    // Defence in depth behind the authorizer: no schema tricks
    // (writable_schema, shadow tables), no data changes at all.
    int defensive = 0;
    if (sqlite3_db_config(m_handle, SQLITE_DBCONFIG_DEFENSIVE, 1, &defensive) != SQLITE_OK || !defensive
        || sqlite3_exec(m_handle, "PRAGMA query_only = 1", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(QStringLiteral("cannot make the connection read-only (%1)")
                 .arg(QString::fromUtf8(sqlite3_errmsg(m_handle))));
    m_authorizer = std::make_unique<ReadOnlyAuthorizer>(m_handle);
    sqlite3_progress_handler(m_handle, 1000, &ReadOnlyQuery::progress, this);
}

ReadOnlyQuery::~ReadOnlyQuery()
{
    release();
}

void ReadOnlyQuery::release()
{
    m_authorizer.reset();
    {
        std::lock_guard lock(m_handleMutex);
        if (m_handle)
            sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
        m_handle = nullptr;
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!m_hadWalFiles && hasWalFiles(m_path))
        removeWalFiles(m_path);
}

int ReadOnlyQuery::progress(void *self)
{
    return static_cast<ReadOnlyQuery *>(self)->m_cancelled.load() ? 1 : 0;
}

void ReadOnlyQuery::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(m_handleMutex);
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

QueryResult ReadOnlyQuery::run(const QString &sql, qint64 maxRows)
{
    QElapsedTimer timer;
    timer.start();
    m_cancelled = false;
    QueryResult result;
    const auto finish = [&](QueryResult::Status status, const QString &message) {
        result.status = status;
        result.message = message;
        result.elapsedMs = timer.elapsed();
        return result;
    };

    // SQLite's own parser splits the batch and the authorizer sees each
    // statement as SQLite compiles it, so a write hidden after a semicolon,
    // behind a comment, a quoted name or a CTE is seen as SQLite sees it.
    const QByteArray utf8 = sql.toUtf8();
    const char *at = utf8.constData();
    const char *end = at + utf8.size();
    std::vector<Statement> statements;
    // `others`: the batch has statements besides the refused one.
    const auto refuse = [&](QString refusal, bool others) {
        if (others)
            refusal += QLatin1Char(' ') + tr("Nothing in this batch ran.");
        return finish(QueryResult::Status::Refused, refusal);
    };
    while (at < end) {
        sqlite3_stmt *raw = nullptr;
        const char *tail = nullptr;
        m_authorizer->reset();
        const int rc = sqlite3_prepare_v2(m_handle, at, int(end - at), &raw, &tail);
        Statement stmt(raw);
        if (rc != SQLITE_OK) {
            // A write that does not even compile is still reported as a write.
            const QString guard = StatementGuard::refusal(QString::fromUtf8(at, int(end - at)));
            if (!m_authorizer->refusal().isEmpty())
                return refuse(m_authorizer->isVague() && !guard.isEmpty() ? guard : m_authorizer->refusal(),
                              !statements.empty());
            if (!guard.isEmpty())
                return refuse(guard, !statements.empty());
            return finish(QueryResult::Status::Failed, QString::fromUtf8(sqlite3_errmsg(m_handle)));
        }
        const char *statementStart = at;
        at = tail;
        if (!stmt)
            continue; // white space or a comment
        // VACUUM asks no authorizer; SQLite still knows that it writes.
        if (!sqlite3_stmt_readonly(stmt.get())) {
            QString refusal = StatementGuard::refusal(QString::fromUtf8(statementStart, int(tail - statementStart)));
            if (refusal.isEmpty())
                refusal = tr("This statement would change the project; the console is read-only and "
                             "changed nothing.");
            const bool more = std::any_of(at, end, [](char c) { return c != ';' && !std::isspace(uchar(c)); });
            return refuse(refusal, !statements.empty() || more);
        }
        statements.push_back(std::move(stmt));
    }
    if (statements.empty())
        return finish(QueryResult::Status::Failed, tr("There is no statement to run."));

    for (const Statement &stmt : statements) {
        const int columns = sqlite3_column_count(stmt.get());
        if (columns > 0) {
            result.columns.clear();
            result.rows.clear();
            result.truncated = false;
            for (int c = 0; c < columns; ++c)
                result.columns.append(QString::fromUtf8(sqlite3_column_name(stmt.get(), c)));
        }
        int rc;
        m_authorizer->reset();
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            if (maxRows >= 0 && result.rows.size() >= maxRows) {
                result.truncated = true;
                break;
            }
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c)
                row.append(columnValue(stmt.get(), c));
            result.rows.append(std::move(row));
        }
        if (rc == SQLITE_INTERRUPT || m_cancelled)
            return finish(QueryResult::Status::Cancelled, tr("The query was cancelled."));
        // Statements compiled while running (a pragma table such as
        // pragma_query_only(0) runs its PRAGMA so) meet the authorizer too.
        if (rc != SQLITE_ROW && rc != SQLITE_DONE && !m_authorizer->refusal().isEmpty())
            return finish(QueryResult::Status::Refused, m_authorizer->refusal());
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return finish(QueryResult::Status::Failed, QString::fromUtf8(sqlite3_errmsg(m_handle)));
    }
    return finish(QueryResult::Status::Ok, QString());
}
