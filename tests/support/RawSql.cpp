#include "RawSql.h"

#include "store/PostgresDialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

namespace {
const QString kConnection = QStringLiteral("raw");

// A project file, or a team project's postgresql:///db?host=... URL
// (TestProject's kind).
QSqlDatabase connectTo(const QString &path)
{
    if (!path.startsWith(QLatin1String("postgresql:"))) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kConnection);
        db.setDatabaseName(path);
        return db;
    }
    const QUrl url(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kConnection);
    db.setDatabaseName(url.path().mid(1));
    const QUrlQuery query(url);
    db.setHostName(query.hasQueryItem(QStringLiteral("host"))
                       ? query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded)
                       : url.host());
    if (!url.userName().isEmpty())
        db.setUserName(url.userName());
    return db;
}
} // namespace

void RawSql::run(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = connectTo(path);
        QVERIFY(db.open());
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + QStringLiteral(": ") + sql));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(kConnection);
}

QVariant RawSql::scalar(const QString &path, const QString &query)
{
    QVariant value;
    {
        QSqlDatabase db = connectTo(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(query) && q.next())
                value = q.value(0);
            else
                qWarning("%s: %s", qPrintable(query), qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(kConnection);
    return value;
}

namespace {
void selectInto(const QString &path, const QString &query, QList<QVariantList> &rows)
{
    QSqlDatabase db = connectTo(path);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY2(q.exec(query), qPrintable(q.lastError().text() + QStringLiteral(": ") + query));
    while (q.next()) {
        QVariantList row;
        for (int c = 0; c < q.record().count(); ++c)
            row.append(q.value(c));
        rows.append(row);
    }
}
} // namespace

QList<QVariantList> RawSql::rows(const QString &path, const QString &query)
{
    QList<QVariantList> result;
    selectInto(path, query, result);
    QSqlDatabase::removeDatabase(kConnection);
    return result;
}

QString RawSql::failure(const QString &path, const QString &statement)
{
    QString error;
    {
        QSqlDatabase db = connectTo(path);
        if (!db.open()) {
            error = QStringLiteral("cannot open: ") + db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(statement))
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(kConnection);
    return error;
}

QStringList RawSql::postgresBeforeVersion13()
{
    // The index and the update trigger as the baseline made them.
    QStringList baseline;
    for (const QString &statement : PostgresDialect().migrationTo(PostgresDialect::baselineVersion)) {
        if (statement.startsWith(QLatin1String("CREATE INDEX articles_search ")))
            baseline << statement;
        else if (statement.startsWith(QLatin1String("CREATE FUNCTION articles_fts_update()")))
            baseline << QStringLiteral("CREATE OR REPLACE FUNCTION")
                    + statement.sliced(QLatin1String("CREATE FUNCTION").size());
    }
    [&] { QCOMPARE(baseline.size(), 2); }();
    return QStringList {QStringLiteral("ALTER TABLE articles ADD COLUMN search tsvector"),
                        QStringLiteral("UPDATE articles a SET search = s.search FROM "
                                       "article_search s WHERE s.article_id = a.id"),
                        QStringLiteral("DROP TABLE article_search")}
        + baseline;
}
