#pragma once

#include <QStringList>

// Everything SQLite-specific about the project file lives here: pragmas,
// the schema and its migrations, full-text search. A PostgreSQL backend for
// teams gets a sibling of this class; the store's plain SQL stays shared.
class SqliteDialect
{
public:
    // 'FrWs' in the SQLite header marks a Framewise project.
    static constexpr quint32 applicationId = 0x46725773;
    // The schema version this build writes; migrations lead up to it.
    static constexpr int schemaVersion = 6;

    // Statements that upgrade a project from version - 1 to version.
    static QStringList migrationTo(int version);
    // Run on every connection.
    static QStringList connectionPragmas();
    static QString setVersion(int version);
    static QString setApplicationId();
    static QString beginWrite();
    // Moves committed pages from the WAL into the main file.
    static QString checkpoint();
    // Tables every valid project has, to tell a project from a damaged file.
    static QStringList requiredTables();

    // Full-text search: ids, titles and snippets ranked by relevance.
    // Binds: match expression, limit.
    static QString searchArticles();
    // Indexes the pending articles with ids up to a bound, then forgets them.
    // Binds: the bound (the largest id of the chunk).
    static QStringList indexPendingUpTo();
    // The largest id among the first N pending articles. Binds: N.
    static QString pendingChunkEnd();
    // Turns what a user types into a safe FTS5 match expression.
    static QString matchExpression(const QString &userQuery);
};
