#pragma once

#include <QString>

class QSqlDriver;

// Statements a unit of work on PostgreSQL sends later than it makes them,
// when nothing reads their results (SqlQuery::execDeferred, and the BEGIN
// of a repository's own unit): held on the connection, then sent in order
// in one round trip before the next statement on it runs, or with the
// change notifications and the COMMIT. Adding an annotation so takes two
// round trips instead of five (one once its lookup is kept, see
// AnnotationLookups), and the rows its count triggers lock stay
// locked for the final round trip only, not while the coder's next
// statements travel (in the team bench other coders' commits waited on
// those rows; see README). A held statement that fails fails the round
// trip it went with, so its unit of work rolls back whole as before.
class DeferredStatements
{
public:
    static void hold(const QSqlDriver *connection, const QString &statement);
    // What is held, in order, as one simple query (empty if nothing); the
    // connection holds nothing afterwards.
    static QString take(const QSqlDriver *connection);
};
