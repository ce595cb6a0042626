#include "TestProject.h"

#include "RawSql.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <atomic>

namespace {
std::atomic<int> g_serial {0};
} // namespace

bool TestProject::onPostgres()
{
    return qEnvironmentVariable("FRAMEWISE_TEST_BACKEND")
               .compare(QLatin1String("postgresql"), Qt::CaseInsensitive)
        == 0;
}

TestProject::TestProject()
{
    if (!onPostgres())
        return;
    m_host = qEnvironmentVariable("FRAMEWISE_TEST_PGHOST");
    if (m_host.isEmpty()) {
        m_problem = QStringLiteral("FRAMEWISE_TEST_BACKEND=postgresql but FRAMEWISE_TEST_PGHOST "
                                   "is not set: run the tests through scripts/with-postgres "
                                   "(scripts/test does), which starts a PostgreSQL cluster "
                                   "(Debian package postgresql-17) and sets it");
        return;
    }
    m_admin = QStringLiteral("framewise-test-admin-%1").arg(++g_serial);
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_admin);
    if (!admin.isValid()) {
        m_problem = QStringLiteral("Qt's PostgreSQL driver QPSQL is missing (Debian package "
                                   "libqt6sql6-psql)");
        return;
    }
    admin.setHostName(m_host);
    admin.setDatabaseName(QStringLiteral("postgres"));
    if (!admin.open())
        m_problem = QStringLiteral("cannot connect to the test cluster at %1: %2")
                        .arg(m_host, admin.lastError().text());
}

TestProject::~TestProject()
{
    if (m_admin.isEmpty())
        return;
    {
        QSqlDatabase admin = QSqlDatabase::database(m_admin, false);
        for (const QString &name : std::as_const(m_databases))
            QSqlQuery(admin).exec(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
        admin.close();
    }
    QSqlDatabase::removeDatabase(m_admin);
}

QString TestProject::location(const QString &name)
{
    return make(name, {});
}

QString TestProject::copyOf(const QString &from, const QString &name)
{
    if (!onPostgres()) {
        const QString path = location(name);
        if (!QFile::copy(from, path))
            qWarning("cannot copy %s to %s", qPrintable(from), qPrintable(path));
        return path;
    }
    return make(name, m_databaseOf.value(from));
}

QString TestProject::make(const QString &name, const QString &templateDb)
{
    if (const auto found = m_locations.constFind(name); found != m_locations.cend())
        return *found;
    QString where;
    if (!onPostgres()) {
        where = m_dir.filePath(name);
    } else if (m_problem.isEmpty()) {
        // Unique across the processes CTest runs side by side.
        QString tag = name.toLower();
        tag.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
        const QString db = QStringLiteral("fw_%1_%2_%3")
                               .arg(QCoreApplication::applicationPid())
                               .arg(++g_serial)
                               .arg(tag.left(30));
        QSqlQuery create(QSqlDatabase::database(m_admin, false));
        const QString sql = templateDb.isEmpty()
            ? QStringLiteral("CREATE DATABASE %1").arg(db)
            : QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(db, templateDb);
        if (!create.exec(sql)) {
            m_problem = QStringLiteral("cannot create database %1 in the test cluster: %2")
                            .arg(db, create.lastError().text());
            qWarning("%s", qPrintable(m_problem));
        } else {
            m_databases << db;
            where = QStringLiteral("postgresql:///%1?host=%2")
                        .arg(db, QString::fromLatin1(QUrl::toPercentEncoding(m_host, "/")));
            m_databaseOf.insert(where, db);
        }
    }
    m_locations.insert(name, where);
    return where;
}

bool TestProject::nothingAt(const QString &location)
{
    if (location.startsWith(QLatin1String("postgresql:")))
        return RawSql::scalar(location, QStringLiteral("SELECT count(*) FROM pg_tables WHERE "
                                                       "schemaname = 'public'"))
                   .toInt()
            == 0;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        if (QFile::exists(location + QLatin1String(suffix)))
            return false;
    }
    return true;
}
