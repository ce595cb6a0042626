#pragma once

#include "SqlDialect.h"

// The project file's dialect: SQLite with FTS5, WAL, and the schema history
// of every released version (migrations never change once released).
class SqliteDialect final : public SqlDialect
{
public:
    // 'FrWs' in the SQLite header marks a Framewise project.
    static constexpr quint32 applicationId = 0x46725773;
    // The schema version this build writes; migrations lead up to it.
    static constexpr int currentVersion = 13;

    QString name() const override;
    QStringList connectionSettings() const override;
    QStringList writableSettings() const override;
    QString beginTransaction() const override;
    QString newUuid() const override;
    QString indexedBy(const QString &index) const override;
    QString idsIn() const override;
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
    QString isoWeek(const QString &date) const override;
    QString textAggregate(const QString &expression, QChar separator) const override;

    // SQLite only: the mark in the file header, and moving committed pages
    // from the WAL into the main file.
    static QString setApplicationId();
    static QString checkpoint();
};
