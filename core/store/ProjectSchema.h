#pragma once

#include <QSqlDatabase>

class SqlDialect;

// The SQL that makes a database a project and keeps it one: settings, the
// schema, its migration steps and the check that nothing is missing. For
// Database, which opens the connection and owns the transactions.
class ProjectSchema
{
public:
    ProjectSchema(const QSqlDatabase &db, const SqlDialect &dialect);

    // Settings every connection needs; a writable one also gets the
    // dialect's journal settings (and throws if SQLite refuses WAL).
    void configure(bool writable);
    int version() const;
    // Creates the current schema in an empty database.
    void create(const QString &time);
    // One migration step: the statements of version, then its mark.
    void upgradeTo(int version);
    // Throws ProjectError unless every table a project needs is there.
    void verify() const;

private:
    QSqlDatabase m_db;
    const SqlDialect &m_dialect;
};
