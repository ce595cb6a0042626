#pragma once

#include <QSqlDatabase>

// The SQL that makes a file a project and keeps it one: connection pragmas,
// the schema, its migration steps and the check that nothing is missing.
// For ProjectStore, which opens the connection and owns the transactions.
class ProjectSchema
{
public:
    explicit ProjectSchema(const QSqlDatabase &db);

    // Settings every connection needs; a writable one also switches to WAL
    // and throws if SQLite refuses.
    void configure(bool writable);
    int version() const;
    // Marks an empty file as a project and creates the current schema.
    void create(const QString &time);
    // One migration step: the statements of version, then its mark.
    void upgradeTo(int version);
    // Throws ProjectError unless every table a project needs is there.
    void verify() const;
    // Moves committed pages from the WAL into the main file.
    void checkpoint();

private:
    QSqlDatabase m_db;
};
