#pragma once

#include <QString>
#include <functional>

// The ? placeholders of a statement, found outside quotes, quoted
// identifiers and -- comments.
class SqlPlaceholders
{
public:
    // `sql` with placeholder number i (from 0) replaced by value(i); throws
    // a ProjectError naming the statement unless there are exactly `count`.
    static QString replace(const QString &sql, int count, const std::function<QString(int)> &value);
    // `sql` with PostgreSQL's $1, $2, … for its placeholders.
    static QString numbered(const QString &sql);
};
