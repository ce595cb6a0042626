#pragma once

#include <QString>

class QSqlDriver;
class QSqlQuery;

// The statements a PostgreSQL connection has prepared on its server. A
// statement that runs a second time on a connection is prepared there
// (PREPARE) and from then on runs by name (EXECUTE) with its values written
// in: still one round trip, but the server parses and plans it once
// instead of every time (before, parsing and planning took a third of the
// server's time when coders committed annotations).
class ServerStatements
{
public:
    // The name `sql` runs under on `query`'s connection, preparing it now
    // if it has run there before; empty when it runs as it is (first use,
    // a statement PostgreSQL cannot prepare, or the connection's share of
    // the server's memory is spent). `sql` has ? placeholders.
    static QString nameFor(QSqlQuery &query, const QString &sql);
    // The connection was opened again: its server forgot what it prepared.
    static void forget(const QSqlDriver *connection);
};
