#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

// Where a store test keeps its projects: .framewise files in a temp folder,
// or, when FRAMEWISE_TEST_BACKEND=postgresql (the NAME_pg variants in CTest,
// run by scripts/with-postgres), fresh databases on the throwaway cluster
// whose socket folder FRAMEWISE_TEST_PGHOST names. Databases are dropped
// when the TestProject goes away.
class TestProject
{
public:
    TestProject();
    ~TestProject();
    TestProject(const TestProject &) = delete;
    TestProject &operator=(const TestProject &) = delete;

    // True when the tests run against PostgreSQL.
    static bool onPostgres();
    // What keeps the backend from being used (empty if nothing): the _pg
    // tests fail with it, never skip.
    QString problem() const { return m_problem; }

    // A location for a new project, the same one for the same name: a file
    // path, or the postgresql:// URL of an empty database.
    QString location(const QString &name = QStringLiteral("project.framewise"));
    // A copy of the (closed) project at `from`, as location(name) gives it:
    // the file copied, or a database made from it as a template.
    QString copyOf(const QString &from, const QString &name);
    // True when nothing was written at a location: no file (nor its -wal
    // or -shm), or a database without a table.
    static bool nothingAt(const QString &location);

private:
    QString make(const QString &name, const QString &templateDb);

    QTemporaryDir m_dir;
    QString m_problem;
    QString m_host;
    QString m_admin; // connection name
    QHash<QString, QString> m_locations;
    QHash<QString, QString> m_databaseOf; // URL -> database name
    QStringList m_databases;
};

// Ends the calling test function with a failure naming what is missing
// when the requested backend cannot be used.
#define REQUIRE_BACKEND(project)                                                                   \
    do {                                                                                           \
        if (!(project).problem().isEmpty())                                                        \
            QFAIL(qPrintable((project).problem()));                                                \
    } while (false)
