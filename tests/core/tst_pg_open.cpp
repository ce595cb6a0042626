// Opening a team project at a postgresql:// URL, and every refusal of one:
// a wrong URL, a server that is not there, a database that is not a
// Framewise project, an empty one without CreateIfMissing, a newer or older
// schema. Each names the problem and writes nothing. Needs the throwaway
// cluster of scripts/with-postgres (FRAMEWISE_TEST_PGHOST); without it the
// cases that need a server fail, naming what is missing.
#include "RawSql.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "domain/TextRewrite.h"
#include "store/PostgresDialect.h"
#include "store/ProjectSession.h"

#include <QMap>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString openError(const QString &location,
                  ProjectSession::OpenMode mode = ProjectSession::OpenMode::OpenExisting)
{
    try {
        ProjectSession::open(location, mode);
    } catch (const ProjectError &e) {
        return e.message();
    }
    return {};
}

int tableCount(const QString &url)
{
    return RawSql::scalar(
               url, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        .toInt();
}
} // namespace

class TestPgOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("FRAMEWISE_TEST_BACKEND", "postgresql"); }
    void wrongUrl_data();
    void wrongUrl();
    void refusedConnection();
    void missingDatabase();
    void wrongPassword();
    void createsAndReopens();
    void emptyDatabaseIsNotCreatedUnlessAsked();
    void refusesForeignDatabase();
    void refusesNewerAndOlderSchema();
    void schemaMatchesSqlite();
    void upgradesVersion11WithRowVersions();
    void upgradesVersion12MovingTheSearchIndex();
};

void TestPgOpen::wrongUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no database") << QStringLiteral("postgresql://localhost")
                                 << QStringLiteral("no database name");
    QTest::newRow("no slashes") << QStringLiteral("postgresql:framewise")
                                << QStringLiteral("“//” is missing");
    QTest::newRow("unknown parameter") << QStringLiteral("postgresql:///framewise?hots=/tmp")
                                       << QStringLiteral("unknown parameter “hots”");
    QTest::newRow("bad port") << QStringLiteral("postgresql:///framewise?port=http")
                              << QStringLiteral("“http” is not a port");
    QTest::newRow("nested path") << QStringLiteral("postgresql://localhost/a/b")
                                 << QStringLiteral("“a/b” is not a database name");
    QTest::newRow("password in URL")
        << QStringLiteral("postgresql://ana:s3cret@localhost/framewise")
        << QStringLiteral("a password does not belong in the URL");
}

void TestPgOpen::wrongUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const QString error = openError(url, ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY2(error.contains(expected), qPrintable(error));
    // A password is never repeated back.
    QVERIFY2(!error.contains(QStringLiteral("s3cret")), qPrintable(error));
}

void TestPgOpen::refusedConnection()
{
    // A socket folder with no server in it.
    QTemporaryDir nobody;
    const QString url = QStringLiteral("postgresql:///framewise?host=%1").arg(nobody.path());
    const QString error = openError(url, ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY2(error.startsWith(url + QStringLiteral(": cannot reach the PostgreSQL server")),
             qPrintable(error));
}

void TestPgOpen::missingDatabase()
{
    const QString host = qEnvironmentVariable("FRAMEWISE_TEST_PGHOST");
    if (host.isEmpty())
        QFAIL("FRAMEWISE_TEST_PGHOST is not set: run the tests through scripts/with-postgres "
              "(scripts/test does)");
    const QString url = QStringLiteral("postgresql:///no_such_framewise_db?host=%1").arg(host);
    const QString error = openError(url, ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY2(error.contains(QStringLiteral("has no database “no_such_framewise_db”")),
             qPrintable(error));
}

void TestPgOpen::wrongPassword()
{
    // scripts/with-postgres asks this one role for a password.
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    RawSql::run(
        url,
        {QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'framewise_password_test') THEN CREATE ROLE framewise_password_test "
                        "LOGIN PASSWORD 'right'; END IF; END $$")});
    const QString asRole = QString(url).replace(
        QStringLiteral("postgresql:///"), QStringLiteral("postgresql://framewise_password_test@/"));
    const QByteArray saved = qgetenv("PGPASSWORD");
    qputenv("PGPASSWORD", "wrong");
    QString error = openError(asRole, ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY2(error.startsWith(asRole
                              + QStringLiteral(": the server refused “framewise_password_test” "
                                               "(authentication failed")),
             qPrintable(error));
    qunsetenv("PGPASSWORD");
    error = openError(asRole, ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY2(error.contains(QStringLiteral("authentication failed")), qPrintable(error));
    // The right one (from libpq's sources, never from us) gets as far as the
    // database, which is still empty: nothing was written before.
    qputenv("PGPASSWORD", "right");
    error = openError(asRole);
    QVERIFY2(error.contains(QStringLiteral("the database is empty")), qPrintable(error));
    if (saved.isNull())
        qunsetenv("PGPASSWORD");
    else
        qputenv("PGPASSWORD", saved);
    QCOMPARE(tableCount(url), 0);
}

void TestPgOpen::createsAndReopens()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    qint64 id = 0;
    {
        auto store = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
        QCOMPARE(store->schemaVersion(), PostgresDialect::currentVersion);
        QCOMPARE(store->database().dialect().name(), QStringLiteral("PostgreSQL"));
        QCOMPARE(store->path(), url);
        Article a;
        a.title = QStringLiteral("Speech");
        a.text = QStringLiteral("Kim spoke.");
        id = store->articles().add(a).id;
    }
    auto store = ProjectSession::open(url);
    QCOMPARE(store->articles().get(id)->text, QStringLiteral("Kim spoke."));
    QCOMPARE(
        RawSql::scalar(url, QStringLiteral("SELECT value FROM meta WHERE key = 'search_language'"))
            .toString(),
        QStringLiteral("simple"));
}

void TestPgOpen::emptyDatabaseIsNotCreatedUnlessAsked()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    const QString error = openError(url);
    QVERIFY2(error.contains(QStringLiteral("the database is empty, not a Framewise project")),
             qPrintable(error));
    QCOMPARE(tableCount(url), 0);
}

void TestPgOpen::refusesForeignDatabase()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    RawSql::run(url,
                {QStringLiteral("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)"),
                 QStringLiteral("INSERT INTO invoices VALUES (1, 9.5)")});
    for (auto mode :
         {ProjectSession::OpenMode::OpenExisting, ProjectSession::OpenMode::CreateIfMissing}) {
        const QString error = openError(url, mode);
        QVERIFY2(
            error.startsWith(url + QStringLiteral(": the database is not a Framewise project")),
            qPrintable(error));
    }
    QCOMPARE(tableCount(url), 1);
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT count(*) FROM invoices")).toInt(), 1);
}

void TestPgOpen::refusesNewerAndOlderSchema()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
    const int tables = tableCount(url);
    const int newer = PostgresDialect::currentVersion + 1;
    RawSql::run(url, {QStringLiteral("UPDATE framewise_schema SET version = %1").arg(newer)});
    QString error = openError(url);
    QVERIFY2(
        error.contains(QStringLiteral("made by a newer Framewise (project version %1").arg(newer)),
        qPrintable(error));
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT version FROM framewise_schema")).toInt(),
             newer);
    QCOMPARE(tableCount(url), tables);

    const int older = PostgresDialect::baselineVersion - 1;
    RawSql::run(url, {QStringLiteral("UPDATE framewise_schema SET version = %1").arg(older)});
    error = openError(url);
    QVERIFY2(error.contains(QStringLiteral("older than any PostgreSQL project")),
             qPrintable(error));
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT version FROM framewise_schema")).toInt(),
             older);
}

// Both dialects build the same tables and views with the same columns (the
// PostgreSQL one adds its version table and its search vectors' table;
// SQLite's FTS5 tables are its own), so every repository statement finds
// on one what it finds on the other.
void TestPgOpen::schemaMatchesSqlite()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("p.framewise"));
    ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);

    QMap<QString, QStringList> sqlite, postgres;
    for (const QVariantList &row :
         RawSql::rows(file,
                      QStringLiteral(
                          "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
                          "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'articles_fts%' "
                          "AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.name")))
        sqlite[row.at(0).toString()] << row.at(1).toString();
    for (const QVariantList &row : RawSql::rows(
             url,
             QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                            "WHERE table_schema = 'public' "
                            "AND table_name NOT IN ('framewise_schema', 'article_search') "
                            "ORDER BY table_name COLLATE \"C\", column_name COLLATE \"C\"")))
        postgres[row.at(0).toString()] << row.at(1).toString();
    QVERIFY(!sqlite.isEmpty());
    QCOMPARE(postgres.keys(), sqlite.keys());
    for (auto it = sqlite.cbegin(); it != sqlite.cend(); ++it)
        QCOMPARE(postgres.value(it.key()), it.value());
}

// Schema 12 on a project saved by the schema-11 build: the PostgreSQL step
// gives every code, category and actor version 1, and edits raise it.
void TestPgOpen::upgradesVersion11WithRowVersions()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    qint64 codeId = 0, actorId = 0;
    {
        auto store = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
        Category category;
        category.name = QStringLiteral("Technique");
        Code code;
        code.categoryId = store->codebook().addCategory(category);
        code.name = QStringLiteral("Loaded language");
        codeId = store->codebook().addCode(code);
        Actor kim;
        kim.name = QStringLiteral("Kim Jong Un");
        kim.aliases = {QStringLiteral("Kim")};
        actorId = store->actors().add(kim);
    }
    // What the schema-11 build left: no version columns, version 11.
    RawSql::run(url, RawSql::postgresBeforeVersion13()
                         << QStringLiteral("ALTER TABLE codes DROP COLUMN version")
                         << QStringLiteral("ALTER TABLE categories DROP COLUMN version")
                         << QStringLiteral("ALTER TABLE actors DROP COLUMN version")
                         << QStringLiteral("UPDATE framewise_schema SET version = 11"));
    const QString versionColumns = QStringLiteral(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND "
        "column_name = 'version' AND table_name IN ('codes', 'categories', 'actors')");
    QCOMPARE(RawSql::scalar(url, versionColumns).toInt(), 0);

    auto store = ProjectSession::open(url);
    QCOMPARE(store->schemaVersion(), PostgresDialect::currentVersion);
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT version FROM framewise_schema")).toInt(),
             PostgresDialect::currentVersion);
    QCOMPARE(RawSql::scalar(url, versionColumns).toInt(), 3);
    Code code = *store->codebook().code(codeId);
    QCOMPARE(code.version, 1);
    QCOMPARE(store->codebook().categories().constFirst().version, 1);
    QCOMPARE(store->actors().get(actorId)->version, 1);
    QCOMPARE(store->actors().get(actorId)->aliases, QStringList {QStringLiteral("Kim")});
    code.colour = QStringLiteral("#123456");
    QCOMPARE(store->codebook().updateCode(code), 2);
    QCOMPARE(store->codebook().code(codeId)->version, 2);
}

// Schema 13 on a project saved by the schema-12 build: the search vectors
// move from a column of articles into article_search, kept in line, and
// search, a text rewrite (its trigger) and indexing new articles use them.
void TestPgOpen::upgradesVersion12MovingTheSearchIndex()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString url = project.location();
    qint64 kursk = 0;
    const QString kurskText = QStringLiteral("Kim praised the Soviet victory at Kursk.");
    {
        auto store = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
        Article a;
        a.title = QStringLiteral("Pyongyang's war");
        a.text = kurskText;
        Article b;
        b.title = QStringLiteral("Seoul");
        b.text = QStringLiteral("Seoul answered with caution.");
        kursk = store->articles().addMany({a, b}).constFirst().id;
        QCOMPARE(store->articles().indexPending(100), 2);
    }
    // What the schema-12 build left: the vectors in articles.search, set by
    // the update trigger, and no article_search.
    RawSql::run(url, RawSql::postgresBeforeVersion13()
                         << QStringLiteral("UPDATE framewise_schema SET version = 12"));
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT count(*) FROM articles "
                                                "WHERE search @@ 'kursk'::tsquery"))
                 .toInt(),
             1);

    auto store = ProjectSession::open(url);
    QCOMPARE(store->schemaVersion(), PostgresDialect::currentVersion);
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT count(*) FROM information_schema.columns "
                                                "WHERE table_name = 'articles' AND "
                                                "column_name = 'search'"))
                 .toInt(),
             0);
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT count(*) FROM article_search")).toInt(), 2);
    // Kept in the table's rows, compressed, not out of line.
    QCOMPARE(RawSql::scalar(url, QStringLiteral("SELECT attstorage FROM pg_attribute WHERE "
                                                "attrelid = 'article_search'::regclass AND "
                                                "attname = 'search'"))
                 .toString(),
             QStringLiteral("m"));
    QList<ArticleSearchHit> hits = store->articles().search(QStringLiteral("kursk"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.constFirst().articleId, kursk);
    QCOMPARE(hits.constFirst().snippet,
             QStringLiteral("Kim praised the Soviet victory at \u0002Kursk\u0003"));
    QCOMPARE(store->articles().search(QStringLiteral("pyongyang")).size(), 1);

    // The text changes (a re-extraction): the trigger indexes the new one.
    store->articles().rewriteText(
        {kursk, QStringLiteral("Kim praised the victory near Vladivostok."), {}, kurskText, {}});
    QCOMPARE(store->articles().search(QStringLiteral("kursk")).size(), 0);
    QCOMPARE(store->articles().search(QStringLiteral("vladivostok")).size(), 1);
    // A new article waits for the indexer, which fills the new table.
    Article c;
    c.title = QStringLiteral("Kursk again");
    c.text = QStringLiteral("The front moved.");
    store->articles().add(c);
    QCOMPARE(store->articles().search(QStringLiteral("kursk")).size(), 0);
    QCOMPARE(store->articles().indexPending(100), 1);
    QCOMPARE(store->articles().search(QStringLiteral("kursk")).size(), 1);
}

QTEST_GUILESS_MAIN(TestPgOpen)
#include "tst_pg_open.moc"
