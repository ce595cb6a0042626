#include "ReadOnlyQuery.h"

#include "StatementGuard.h"
#include "base/ProjectError.h"
#include "store/ProjectFileInspector.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

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

} // namespace

ReadOnlyQuery::ReadOnlyQuery(const QString &projectPath)
{
    const auto inspection = ProjectFileInspector::inspect(projectPath);
    if (inspection.verdict != ProjectFileInspector::Verdict::Project)
        throw ProjectError(inspection.message);

    static std::atomic<int> counter{0};
    m_connectionName = QStringLiteral("framewise-readonly-%1").arg(++counter);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(projectPath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    const QString name = QDir::toNativeSeparators(projectPath);
    if (!m_db.open())
        throw ProjectError(QStringLiteral("%1: cannot open (%2)").arg(name, m_db.lastError().text()));
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !*static_cast<sqlite3 *const *>(handle.data()))
        throw ProjectError(QStringLiteral("%1: the SQLite driver gives no handle").arg(name));
    m_handle = *static_cast<sqlite3 *const *>(handle.data());
    if (sqlite3_exec(m_handle, "PRAGMA query_only = 1", nullptr, nullptr, nullptr) != SQLITE_OK)
        throw ProjectError(QStringLiteral("%1: %2").arg(name, QString::fromUtf8(sqlite3_errmsg(m_handle))));
    sqlite3_progress_handler(m_handle, 1000, &ReadOnlyQuery::progress, this);
}

ReadOnlyQuery::~ReadOnlyQuery()
{
    {
        std::lock_guard lock(m_handleMutex);
        if (m_handle)
            sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
        m_handle = nullptr;
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
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

    // SQLite's own parser splits the batch, so a write hidden after a
    // semicolon, in a comment trick or a string is seen as SQLite sees it.
    const QByteArray utf8 = sql.toUtf8();
    const char *at = utf8.constData();
    const char *end = at + utf8.size();
    std::vector<Statement> statements;
    while (at < end) {
        sqlite3_stmt *raw = nullptr;
        const char *tail = nullptr;
        const int rc = sqlite3_prepare_v2(m_handle, at, int(end - at), &raw, &tail);
        Statement stmt(raw);
        if (rc != SQLITE_OK) {
            // A write that does not even compile is still reported as a write.
            const QString refusal = StatementGuard::refusal(QString::fromUtf8(at, int(end - at)));
            if (!refusal.isEmpty())
                return finish(QueryResult::Status::Refused, refusal);
            return finish(QueryResult::Status::Failed, QString::fromUtf8(sqlite3_errmsg(m_handle)));
        }
        at = tail;
        if (!stmt)
            continue; // white space or a comment
        const QString text = QString::fromUtf8(sqlite3_sql(stmt.get()));
        QString refusal = StatementGuard::refusal(text);
        if (refusal.isEmpty() && !sqlite3_stmt_readonly(stmt.get()))
            refusal = tr("This statement would change the project; the console is read-only and "
                         "changed nothing.");
        if (!refusal.isEmpty()) {
            if (statements.size() > 0 || at < end)
                refusal += QLatin1Char(' ') + tr("Nothing in this batch ran.");
            return finish(QueryResult::Status::Refused, refusal);
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
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return finish(QueryResult::Status::Failed, QString::fromUtf8(sqlite3_errmsg(m_handle)));
    }
    return finish(QueryResult::Status::Ok, QString());
}
