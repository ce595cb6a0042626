// The read-only query: the SQL console's engine and `framewise query`.
// Every kind of write is refused and leaves the project file byte for byte
// as it was; output formats; a long recursive CTE can be cancelled.
#include "CliRunner.h"
#include "query/QueryResultWriter.h"
#include "query/QueryRunner.h"
#include "query/ReadOnlyQuery.h"
#include "query/StatementGuard.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

namespace {
const char *const kEndless =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
}

class TestQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsTheDocumentedViews();
    void refusesWrites_data();
    void refusesWrites();
    void cliRefusesWrites_data() { refusesWrites_data(); }
    void cliRefusesWrites();
    void readingPragmasAreAllowed();
    void formats();
    void cliFormats();
    void cancelsLongQueryFromAnotherThread();
    void runnerCancels();

private:
    QByteArray fileHash() const;
    CliRunner::Run cli(const QStringList &args) const;
    QTemporaryDir m_dir;
    QString m_project;
};

void TestQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(QStringLiteral("q.framewise"));
    auto store = ProjectSession::open(m_project, ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Kim on Ukraine");
    a.outlet = QStringLiteral("Example News");
    a.published = QStringLiteral("2025-05-09");
    a.text = QStringLiteral("He declared readiness. “We will win,” he said.");
    const qint64 article = store->articles().add(a).id;
    NewAnnotation n;
    n.articleId = article;
    n.start = 23;
    n.end = 37;
    n.codeIds = {store->codebook().ensureCode(QStringLiteral("Claim")).id};
    n.coderName = QStringLiteral("ana");
    store->annotations().add(n);
    SearchIndexer::catchUp(*store);
    // Closed: everything is in the main file, whose bytes the tests watch.
}

QByteArray TestQuery::fileHash() const
{
    QFile f(m_project);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void TestQuery::readsTheDocumentedViews()
{
    ReadOnlyQuery query(m_project);
    const QueryResult r = query.run(QStringLiteral(
        "SELECT article_title, outlet, published, code, category, coder, start, \"end\", quote "
        "FROM segments"));
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.columns.size(), 9);
    QCOMPARE(r.rows.size(), 1);
    const QVariantList row = r.rows.constFirst();
    QCOMPARE(row.at(0).toString(), QStringLiteral("Kim on Ukraine"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("Claim"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("ana"));
    QCOMPARE(row.at(6).toLongLong(), 23);
    QCOMPARE(row.at(8).toString(), QStringLiteral("“We will win,”"));
    // The full-text index, as docs/queries.md shows it.
    const QueryResult fts = query.run(QStringLiteral(
        "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12) AS context "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH 'readiness NEAR(win, 10)' ORDER BY rank LIMIT 20"));
    QVERIFY2(fts.ok(), qPrintable(fts.message));
    QCOMPARE(fts.rows.size(), 1);
    QCOMPARE(fts.rows.constFirst().at(2).toString(), QStringLiteral("He declared [readiness]. “We will [win],” he said."));
    for (const char *table : {"articles", "codes", "categories", "actors", "claims", "coders", "fts_pending"}) {
        const QueryResult t = query.run(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        QVERIFY2(t.ok(), table);
    }
}

void TestQuery::refusesWrites_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("insert") << QStringLiteral("INSERT INTO coders(name, created_at) VALUES ('x', 'now')");
    QTest::newRow("replace") << QStringLiteral("REPLACE INTO coders(id, name, created_at) VALUES (1, 'x', 'now')");
    QTest::newRow("update") << QStringLiteral("UPDATE articles SET title = 'changed'");
    QTest::newRow("delete") << QStringLiteral("DELETE FROM annotations");
    QTest::newRow("drop") << QStringLiteral("DROP TABLE annotations");
    QTest::newRow("drop view") << QStringLiteral("DROP VIEW segments");
    QTest::newRow("create") << QStringLiteral("CREATE TABLE evil(x)");
    QTest::newRow("create temp") << QStringLiteral("CREATE TEMP TABLE t(x)");
    QTest::newRow("alter") << QStringLiteral("ALTER TABLE articles ADD COLUMN evil TEXT");
    QTest::newRow("attach") << QStringLiteral("ATTACH DATABASE ':memory:' AS other");
    QTest::newRow("attach file") << QStringLiteral("ATTACH '%1' AS other").arg(m_dir.filePath(QStringLiteral("new.db")));
    QTest::newRow("detach") << QStringLiteral("DETACH DATABASE main");
    QTest::newRow("pragma write") << QStringLiteral("PRAGMA user_version = 99");
    QTest::newRow("pragma call form") << QStringLiteral("PRAGMA main.user_version(99)");
    QTest::newRow("pragma journal") << QStringLiteral("PRAGMA journal_mode = DELETE");
    QTest::newRow("pragma query_only off") << QStringLiteral("PRAGMA query_only = 0");
    QTest::newRow("pragma checkpoint") << QStringLiteral("PRAGMA wal_checkpoint");
    QTest::newRow("vacuum") << QStringLiteral("VACUUM");
    QTest::newRow("vacuum into") << QStringLiteral("VACUUM INTO '%1'").arg(m_dir.filePath(QStringLiteral("copy.db")));
    QTest::newRow("reindex") << QStringLiteral("REINDEX");
    QTest::newRow("smuggled after select") << QStringLiteral("SELECT 1; DELETE FROM annotations");
    QTest::newRow("smuggled without space") << QStringLiteral("SELECT 1;DROP TABLE articles;");
    QTest::newRow("smuggled after comment") << QStringLiteral("SELECT 1 -- ; harmless\n; UPDATE codes SET name = 'x'");
    QTest::newRow("write in transaction") << QStringLiteral("BEGIN; DELETE FROM articles; COMMIT");
    QTest::newRow("cte delete") << QStringLiteral("WITH doomed AS (SELECT id FROM annotations) "
                                                  "DELETE FROM annotations WHERE id IN doomed");
    QTest::newRow("comment first") << QStringLiteral("/* read */ DELETE FROM articles");
    QTest::newRow("lower case") << QStringLiteral("delete from articles");
    QTest::newRow("unknown table") << QStringLiteral("SELECT 1; INSERT INTO nosuch VALUES (1)");
}

void TestQuery::refusesWrites()
{
    QFETCH(QString, sql);
    const QByteArray before = fileHash();
    QVERIFY(!before.isEmpty());
    {
        ReadOnlyQuery query(m_project);
        const QueryResult r = query.run(sql);
        QCOMPARE(r.status, QueryResult::Status::Refused);
        QVERIFY(!r.message.isEmpty());
        // The connection is still usable and still sees the same data.
        const QueryResult after = query.run(QStringLiteral("SELECT count(*) FROM annotations"));
        QVERIFY(after.ok());
        QCOMPARE(after.rows.constFirst().constFirst().toInt(), 1);
    }
    QCOMPARE(fileHash(), before);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("copy.db"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("new.db"))));
}

CliRunner::Run TestQuery::cli(const QStringList &args) const
{
    return CliRunner(QStringLiteral(FRAMEWISE_BINARY), m_dir.path())
        .run(QStringList {QStringLiteral("query")} + args);
}

void TestQuery::cliRefusesWrites()
{
    QFETCH(QString, sql);
    const QByteArray before = fileHash();
    const CliRunner::Run p = cli({m_project, sql});
    QCOMPARE(p.exitCode, 1);
    QVERIFY(p.out.isEmpty());
    QVERIFY(!p.err.trimmed().isEmpty());
    QCOMPARE(fileHash(), before);
}

void TestQuery::readingPragmasAreAllowed()
{
    ReadOnlyQuery query(m_project);
    for (const char *sql : {"PRAGMA user_version", "PRAGMA table_info(articles)", "PRAGMA main.index_list(annotations)",
                            "EXPLAIN QUERY PLAN SELECT * FROM segments", "VALUES (1), (2)"}) {
        const QueryResult r = query.run(QString::fromLatin1(sql));
        QVERIFY2(r.ok(), sql);
        QVERIFY2(!r.rows.isEmpty(), sql);
    }
    QCOMPARE(StatementGuard::refusal(QStringLiteral("EXPLAIN DELETE FROM articles")).isEmpty(), false);
}

void TestQuery::formats()
{
    QueryResult r;
    r.columns = {QStringLiteral("n"), QStringLiteral("text"), QStringLiteral("none"), QStringLiteral("x")};
    r.rows = {{QVariant(qint64(42)), QStringLiteral("a,b \"q\"\ttab\nline"), QVariant(), QVariant(2.5)}};
    QCOMPARE(QueryResultWriter::toTsv(r), QByteArray("n\ttext\tnone\tx\n42\ta,b \"q\"\\ttab\\nline\t\t2.5\n"));
    QCOMPARE(QueryResultWriter::toCsv(r), QByteArray("n,text,none,x\n42,\"a,b \"\"q\"\"\ttab\nline\",,2.5\n"));
    const QJsonObject json = QJsonDocument::fromJson(QueryResultWriter::toJson(r)).object();
    QCOMPARE(json.value(QLatin1String("columns")).toArray().size(), 4);
    const QJsonArray row = json.value(QLatin1String("rows")).toArray().at(0).toArray();
    QCOMPARE(row.at(0).toInteger(), 42);
    QCOMPARE(row.at(1).toString(), QStringLiteral("a,b \"q\"\ttab\nline"));
    QVERIFY(row.at(2).isNull());
    QCOMPARE(row.at(3).toDouble(), 2.5);
}

void TestQuery::cliFormats()
{
    const QString sql = QStringLiteral("SELECT code, start, \"end\", quote FROM segments");
    const CliRunner::Run tsv = cli({m_project, sql});
    QCOMPARE(tsv.exitCode, 0);
    QCOMPARE(QString::fromUtf8(tsv.out),
             QStringLiteral("code\tstart\tend\tquote\nClaim\t23\t37\t“We will win,”\n"));
    const CliRunner::Run csv = cli({m_project, sql, QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(QString::fromUtf8(csv.out),
             QStringLiteral("code,start,end,quote\nClaim,23,37,\"“We will win,”\"\n"));
    const CliRunner::Run json = cli({m_project, sql, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(root.value(QLatin1String("rows")).toArray().at(0).toArray().at(1).toInt(), 23);
    const CliRunner::Run bad = cli({m_project, sql, QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(bad.exitCode, 2);
    const CliRunner::Run error = cli({m_project, QStringLiteral("SELECT * FROM nosuch")});
    QCOMPARE(error.exitCode, 1);
    QVERIFY(error.err.contains("nosuch"));
}

void TestQuery::cancelsLongQueryFromAnotherThread()
{
    ReadOnlyQuery query(m_project);
    std::thread canceller([&query] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        query.cancel();
    });
    QElapsedTimer timer;
    timer.start();
    const QueryResult r = query.run(QString::fromLatin1(kEndless));
    canceller.join();
    QCOMPARE(r.status, QueryResult::Status::Cancelled);
    QVERIFY2(timer.elapsed() < 5000, "cancel took too long");
    // The connection runs the next query normally.
    QVERIFY(query.run(QStringLiteral("SELECT 1")).ok());
}

void TestQuery::runnerCancels()
{
    QueryRunner runner(m_project);
    QSignalSpy finished(&runner, &QueryRunner::finished);
    runner.run(QString::fromLatin1(kEndless));
    QVERIFY(runner.isRunning());
    QTest::qWait(300);
    QVERIFY(finished.isEmpty());
    runner.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constFirst().constFirst().value<QueryResult>().status, QueryResult::Status::Cancelled);
    QVERIFY(!runner.isRunning());
    runner.run(QStringLiteral("SELECT count(*) FROM articles"));
    QVERIFY(finished.wait(5000));
    const QueryResult r = finished.last().constFirst().value<QueryResult>();
    QVERIFY(r.ok());
    QCOMPARE(r.rows.constFirst().constFirst().toInt(), 1);
}

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
