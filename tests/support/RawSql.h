#pragma once

#include <QStringList>
#include <QVariant>

// Statements on a plain connection to a project (an SQLite file, or a
// postgresql:// URL from TestProject), as another program would run them:
// builds old versions, reaches around the store.
namespace RawSql {
// Runs each statement; a failure fails the calling test.
void run(const QString &path, const QStringList &statements);
// The first column of the first row of a query.
QVariant scalar(const QString &path, const QString &query);
// Every row of a query; a failure fails the calling test.
QList<QVariantList> rows(const QString &path, const QString &query);
// Runs a statement expected to be refused: the database's message, or
// empty if it ran.
QString failure(const QString &path, const QString &statement);
// What turns a PostgreSQL project of this build back into what the
// schema-12 build left: search vectors in a column of articles, set by the
// update trigger (no version mark: the caller sets the one it wants).
QStringList postgresBeforeVersion13();
} // namespace RawSql
