#include "ServerStatements.h"

#include "SqlPlaceholders.h"

#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlQuery>
#include <unordered_map>

namespace {
// Beyond this many a connection's statements run unprepared: statements
// built with a varying number of values (IN lists) would otherwise fill
// the server's memory.
constexpr int kMostPerConnection = 500;

struct Statement
{
    int uses = 0;
    QString name; // empty: not prepared (yet, or never)
    bool refused = false;
};

struct Connection
{
    QHash<QString, Statement> statements;
    int prepared = 0;
};

// Keyed by the connection's driver, which lives as long as the connection;
// a connection is used by one thread at a time, so only the map is locked.
QMutex g_mutex;
// (A std::unordered_map: its elements stay where they are as it grows.)
std::unordered_map<const QSqlDriver *, Connection> g_connections;

bool preparable(const QString &sql)
{
    // PREPARE takes only these; anything else would be refused anyway.
    const QStringView head = QStringView(sql).trimmed();
    for (const char *verb : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES"})
        if (head.startsWith(QLatin1String(verb), Qt::CaseInsensitive))
            return true;
    return false;
}

// PREPARE failing inside a transaction would abort the transaction: there
// it runs inside a savepoint. Outside one SAVEPOINT itself is refused, and
// a failed PREPARE harms nothing.
bool prepare(QSqlQuery &query, const QString &name, const QString &sql)
{
    const bool inTransaction = query.exec(QStringLiteral("SAVEPOINT framewise_prepare"));
    const bool ok
        = query.exec(QStringLiteral("PREPARE %1 AS %2").arg(name, SqlPlaceholders::numbered(sql)));
    if (inTransaction) {
        if (!ok)
            query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT framewise_prepare"));
        query.exec(QStringLiteral("RELEASE SAVEPOINT framewise_prepare"));
    }
    return ok;
}

Connection &connectionOf(const QSqlDriver *driver)
{
    QMutexLocker lock(&g_mutex);
    const auto [it, added] = g_connections.try_emplace(driver);
    if (added) {
        // A later connection may get the same address.
        QObject::connect(driver, &QObject::destroyed,
                         [driver] { ServerStatements::forget(driver); });
    }
    return it->second;
}
} // namespace

QString ServerStatements::nameFor(QSqlQuery &query, const QString &sql)
{
    const QSqlDriver *driver = query.driver();
    if (!driver || !preparable(sql))
        return {};
    Connection &connection = connectionOf(driver);
    Statement &statement = connection.statements[sql];
    if (!statement.name.isEmpty() || statement.refused)
        return statement.name;
    if (++statement.uses < 2)
        return {};
    if (connection.prepared >= kMostPerConnection) {
        statement.refused = true;
        return {};
    }
    const QString name = QStringLiteral("framewise_%1").arg(++connection.prepared);
    if (prepare(query, name, sql))
        statement.name = name;
    else
        statement.refused = true;
    return statement.name;
}

void ServerStatements::forget(const QSqlDriver *connection)
{
    QMutexLocker lock(&g_mutex);
    g_connections.erase(connection);
}
