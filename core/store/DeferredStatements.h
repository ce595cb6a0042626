#pragma once

#include <QString>

class QSqlDriver;

// Writes a unit of work on PostgreSQL sends later than it makes them, when
// nothing reads their results (SqlQuery::execDeferred): held on the
// connection, then sent in order in one round trip before the next
// statement on it runs, or with the change notifications and the COMMIT.
// Adding an annotation so takes three round trips instead of five, and
// the rows its count triggers lock stay locked for the final round trip
// only, not while the coder's next statements travel (in the team bench
// other coders' commits waited on those rows; see README). A held write
// that fails makes the statement it went with fail, so its unit of work
// rolls back whole as before.
class DeferredStatements
{
public:
    static void hold(const QSqlDriver *connection, const QString &statement);
    // What is held, in order, as one simple query (empty if nothing); the
    // connection holds nothing afterwards.
    static QString take(const QSqlDriver *connection);
};
