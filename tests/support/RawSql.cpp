#include "RawSql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

namespace {
const QString kConnection = QStringLiteral("raw");
}

void RawSql::run(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kConnection);
        db.setDatabaseName(path);
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
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kConnection);
        db.setDatabaseName(path);
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
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kConnection);
    db.setDatabaseName(path);
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
