#pragma once

#include "text/SearchTerms.h"

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
    // Search with terms of unspaced scripts (see SearchTerms::isUnspaced),
    // which the index cannot find inside a run: the articles holding every
    // such term, most occurrences first, optionally narrowed by an FTS5
    // match for the other terms. Columns: id, title, text. Binds: each
    // scanned term, [the match expression,] each scanned term again, limit.
    static QString scanArticles(int scannedTerms, bool withMatch);
    // Turns the words a user typed (SearchTerms::parse) into a safe FTS5
    // match expression.
    static QString matchExpression(const QList<SearchTerms::Term> &terms);
};
