#pragma once

#include "text/SearchTerms.h"

#include <QStringList>
#include <QVariant>

// What differs between the SQL databases a project can live in, behind one
// small interface: connection settings, transaction and savepoint syntax,
// returning new ids, new UUIDs in SQL, full-text search, and the schema's
// migration steps. Repositories write their plain SQL once and ask the
// dialect for the rest; SqliteDialect is the project file's, and a server
// backend adds a sibling without touching the repositories or their callers.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString name() const = 0;

    // Statements run on every new connection, and on a writable one.
    virtual QStringList connectionSettings() const = 0;
    virtual QStringList writableSettings() const = 0;

    // Starts the outermost transaction of a unit of work.
    virtual QString beginTransaction() const = 0;
    virtual QString commit() const { return QStringLiteral("COMMIT"); }
    virtual QString rollback() const { return QStringLiteral("ROLLBACK"); }
    // Nested units of work are savepoints (standard SQL in both backends).
    virtual QString savepoint(const QString &name) const;
    virtual QString releaseSavepoint(const QString &name) const;
    virtual QString rollbackToSavepoint(const QString &name) const;

    // An INSERT statement that yields the new row's id as its one column:
    // never lastInsertId(), which is lastval() on PostgreSQL.
    virtual QString returningId(const QString &insert) const;
    // An SQL expression giving `?` new ids of `table` as comma-separated
    // text, so rows can be written with their ids without reading them back
    // (and their INSERTs deferred, SqlQuery::execDeferred); empty where ids
    // come only from inserting (SQLite).
    virtual QString newIds(const QString &table) const
    {
        Q_UNUSED(table);
        return {};
    }
    // Put after a table name: makes the planner read that table through the
    // named covering index where it would pick the table itself (SQLite's
    // INDEXED BY; nothing where the planner needs no hint).
    virtual QString indexedBy(const QString &index) const
    {
        Q_UNUSED(index);
        return {};
    }
    // A subquery of the ids in one bound value (idList), for IN (...) over
    // thousands of ids with one statement.
    virtual QString idsIn() const = 0;
    virtual QVariant idList(const QList<qint64> &ids) const = 0;
    // An SQL expression giving a new random UUID as lower-case text
    // (migrations give existing rows one without a round trip per row).
    virtual QString newUuid() const = 0;

    // The schema: the version this build writes, and the statements that
    // take a project from version - 1 to version.
    virtual int schemaVersion() const = 0;
    virtual QStringList migrationTo(int version) const = 0;
    virtual QString readVersion() const = 0;
    virtual QString writeVersion(int version) const = 0;
    // Tables every valid project has, to tell a project from a damaged file.
    virtual QStringList requiredTables() const = 0;
    virtual QString tableExists() const = 0; // binds: the name

    // Full-text search: ids, titles and snippets (matches between U+0002
    // and U+0003) ranked by relevance. Binds: match expression, limit.
    virtual QString searchArticles() const = 0;
    // Turns what a user typed (SearchTerms::parse) into a safe match expression.
    virtual QString matchExpression(const QList<SearchTerms::Term> &terms) const = 0;
    // Articles holding every one of scannedTerms unspaced-script terms (the
    // index cannot find them inside a run), most covered first, optionally
    // narrowed by a match expression. Columns: id, title, text. Binds: each
    // term, [the match expression,] each term again, limit.
    virtual QString scanArticles(int scannedTerms, bool withMatch) const = 0;
    // Articles wait for the index after they are stored: the largest id of
    // the first N waiting (binds: N), then the statements that index the
    // waiting articles up to that id and forget them (binds: the id).
    virtual QString pendingChunkEnd() const = 0;
    virtual QStringList indexPendingUpTo() const = 0;
    // A subquery of the ids of articles the index finds for one bound match
    // expression.
    virtual QString matchingArticleIds() const = 0;

    // The catalogue, for copying a whole project (ProjectCopy); one name per
    // row. The project's own tables (not the internals of a search index);
    // a table's columns in order; its primary key's columns in key order;
    // and its foreign keys as rows of (column, referenced table). All but
    // the first bind the table's name.
    virtual QString listTables() const = 0;
    virtual QString listColumns() const = 0;
    virtual QString listPrimaryKey() const = 0;
    virtual QString listReferences() const = 0;
    // Statements to run once rows came in with their ids given, so that new
    // rows get ids after the largest (SQLite's INTEGER PRIMARY KEY does so
    // by itself; PostgreSQL's identity sequences are moved on).
    virtual QStringList continueIds() const { return {}; }
    // Starts a transaction that only reads and sees the database as it was
    // at one moment, so that reads of several tables agree.
    virtual QString beginSnapshot() const = 0;

    // Expressions the two backends spell differently.
    // The ISO 8601 week ("2025-W19") of a date column holding YYYY-MM-DD...;
    // '' for anything else (a bare year, a month, an impossible date).
    virtual QString isoWeek(const QString &date) const = 0;
    // An aggregate joining the values of expression (any type) as text with
    // the separator, in the order the rows come.
    virtual QString textAggregate(const QString &expression, QChar separator) const = 0;

protected:
    // The ids as one literal, comma-separated between open and close: a JSON
    // array for SQLite, an array literal for PostgreSQL.
    static QString joinedIds(const QList<qint64> &ids, char open, char close);
};
