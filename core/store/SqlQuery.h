#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

// A prepared statement that never fails silently: every failure throws a
// ProjectError carrying the driver's message and the statement.
class SqlQuery
{
public:
    SqlQuery(const QSqlDatabase &db, const QString &sql);

    SqlQuery &bind(const QVariant &value);
    SqlQuery &exec();
    // A write whose result nobody reads: on PostgreSQL held and sent with
    // the connection's next round trip (DeferredStatements), elsewhere run
    // now. rowsAffected() and returnedId() tell nothing after it.
    SqlQuery &execDeferred();
    // A read that need not see the writes held on the connection, nor
    // happen inside the unit's transaction if that has not begun: runs
    // now, ahead of them (on PostgreSQL the held BEGIN then still goes with
    // the unit's rows). Elsewhere exec().
    SqlQuery &execAhead();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    // The id an INSERT … RETURNING id (SqlDialect::returningId) yielded.
    qint64 returnedId();
    int rowsAffected() const { return m_query.numRowsAffected(); }
    // Runs a statement with no bound values.
    static void run(const QSqlDatabase &db, const QString &sql);
    // Statements joined by "; " in one round trip, each checked (run()
    // would tell only how the first one went).
    static void runAll(const QSqlDatabase &db, const QString &sql);
    // Runs a single-value query and returns its first column.
    static QVariant scalar(const QSqlDatabase &db, const QString &sql);

    // Times are stored as UTC ISO 8601 with milliseconds.
    static QString formatTime(const QDateTime &time);
    static QDateTime parseTime(const QVariant &value);
    // 0 means "no reference": stored as NULL.
    static QVariant nullIfZero(qint64 id);

private:
    // PostgreSQL: the statement with the values bound so far written in.
    QString withBoundValues();

    QSqlQuery m_query;
    QString m_sql;
    int m_bound = 0;
};
