#pragma once

#include <QList>
#include <QMetaType>
#include <QStringList>
#include <QVariant>

// What a read-only query gave: the rows of its last statement, or why
// there are none.
struct QueryResult
{
    enum class Status {
        Ok,
        Refused,   // the SQL would change the project; nothing ran
        Failed,    // SQLite reported an error (syntax, no such table ...)
        Cancelled, // stopped on request
    };

    Status status = Status::Ok;
    QString message; // for a user: the refusal or the error
    QStringList columns;
    QList<QVariantList> rows; // NULL is an invalid QVariant
    bool truncated = false;   // more rows than the limit; only the first kept
    qint64 elapsedMs = 0;

    bool ok() const { return status == Status::Ok; }
};

Q_DECLARE_METATYPE(QueryResult)
