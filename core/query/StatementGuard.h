#pragma once

#include <QString>

// The first line of defence of the read-only query: looks at the leading
// keywords of one SQL statement and refuses every kind that writes or
// reconfigures the connection, with a message that names it. Behind it
// stand sqlite3_stmt_readonly(), PRAGMA query_only and a read-only open.
class StatementGuard
{
public:
    // Empty if the statement may run, else why not.
    static QString refusal(const QString &statement);
    // The statement's first keyword, upper-case ("" if none).
    static QString leadingKeyword(const QString &statement);
};
