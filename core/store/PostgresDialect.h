#pragma once

#include "SqlDialect.h"
#include "SqliteDialect.h"

// The team backend's dialect: PostgreSQL 17, reached through Qt's QPSQL
// driver. No PostgreSQL project predates schema version 10, so its history
// starts there (baseline). Both dialects share one version number: a later
// version that changes tables adds its step here as well as in SqliteDialect
// (tst_pg_open compares the two schemas' tables and columns); one that only
// tunes SQLite (an index) is an empty step here. Full-text search is a
// tsvector column (of article_search) with a GIN index, in the text search
// configuration the project's meta table names.
class PostgresDialect final : public SqlDialect
{
public:
    // The first schema version a PostgreSQL project has; migrationTo() of it
    // creates everything SQLite's versions 1 to 10 created.
    static constexpr int baselineVersion = 10;
    static constexpr int currentVersion = SqliteDialect::currentVersion;

    QString name() const override;
    QStringList connectionSettings() const override;
    QStringList writableSettings() const override;
    QString beginTransaction() const override;
    QString newUuid() const override;
    QString idsIn() const override;
    QString newIds(const QString &table) const override;
    QVariant idList(const QList<qint64> &ids) const override;

    int schemaVersion() const override;
    QStringList migrationTo(int version) const override;
    QString readVersion() const override;
    QString writeVersion(int version) const override;
    QStringList requiredTables() const override;
    QString tableExists() const override;

    QString searchArticles() const override;
    QString matchExpression(const QList<SearchTerms::Term> &terms) const override;
    QString scanArticles(int scannedTerms, bool withMatch) const override;
    QString pendingChunkEnd() const override;
    QStringList indexPendingUpTo() const override;
    QString matchingArticleIds() const override;
    QString listTables() const override;
    QString listColumns() const override;
    QString listPrimaryKey() const override;
    QString listReferences() const override;
    QString beginSnapshot() const override;
    QStringList continueIds() const override;
    QString isoWeek(const QString &date) const override;
    QString textAggregate(const QString &expression, QChar separator) const override;

    // PostgreSQL only: whether this database holds our version table, and
    // how many tables of anyone's it has (to tell empty from foreign).
    static QString versionTableExists();
    static QString userTableCount();
};
