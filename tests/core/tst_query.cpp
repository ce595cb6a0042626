// The read-only query: the SQL console's engine and `framewise query`.
// Every kind of write, however spelled, is refused with a message that
// names it and leaves the project file byte for byte as it was, SQLite's
// process-wide heap limits as they were and no -wal/-shm files behind;
// harmless queries of every kind work; output formats; a long recursive CTE
// can be cancelled.
#include "CliRunner.h"
#include "query/QueryResultWriter.h"
#include "query/QueryRunner.h"
#include "query/ReadOnlyQuery.h"
#include "query/StatementGuard.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"
#include "store/SqliteDialect.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <thread>

namespace {
const char *const kEndless =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

bool hasWalFiles(const QString &project)
{
    return QFile::exists(project + QStringLiteral("-wal")) || QFile::exists(project + QStringLiteral("-shm"));
}
} // namespace

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
    void harmlessQueriesWork_data();
    void harmlessQueriesWork();
    void leavesNoWalFilesBehind();
    void cliLeavesNoWalFilesBehind();
    void keepsWalFilesOfAProjectOpenElsewhere();
    void formats();
    void cliFormats();
    void cancelsLongQueryFromAnotherThread();
    void runnerCancels();

private:
    QByteArray fileHash() const;
    CliRunner::Run cli(const QStringList &args) const;
    // A copy of the project with no -wal/-shm beside it, for tests that open it elsewhere.
    QString freshCopy(const QString &name) const;
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
    // The refusal must name what was refused: `mention` (any case).
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("mention");
    const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
    const QString other = m_dir.filePath(QStringLiteral("new.db"));
    const auto row = [](const char *tag, const QString &sql, const char *mention) {
        QTest::newRow(tag) << sql << QString::fromUtf8(mention);
    };
    // Data
    row("insert", QStringLiteral("INSERT INTO coders(name, created_at) VALUES ('x', 'now')"), "coders");
    row("replace", QStringLiteral("REPLACE INTO coders(id, name, created_at) VALUES (1, 'x', 'now')"), "coders");
    row("update", QStringLiteral("UPDATE articles SET title = 'changed'"), "articles");
    row("delete", QStringLiteral("DELETE FROM annotations"), "annotations");
    row("lower case", QStringLiteral("delete from articles"), "articles");
    row("mixed case, quoted", QStringLiteral("DeLeTe FrOm \"articles\" WHERE 1"), "articles");
    row("comment first", QStringLiteral("/* x */ DELETE FROM articles"), "articles");
    row("line comment first", QStringLiteral("-- only reading\nDELETE FROM articles"), "articles");
    row("cte delete", QStringLiteral("WITH doomed AS (SELECT id FROM annotations) "
                                     "DELETE FROM annotations WHERE id IN doomed"), "annotations");
    row("cte insert", QStringLiteral("WITH x AS (SELECT 1) INSERT INTO coders(name, created_at) "
                                     "SELECT 'x', 'now' FROM x"), "coders");
    row("update returning", QStringLiteral("UPDATE codes SET name = 'x' RETURNING id"), "codes");
    row("fts5 rebuild", QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"), "articles_fts");
    row("schema table", QStringLiteral("INSERT INTO sqlite_master VALUES ('table', 'x', 'x', 0, '')"), "sqlite_master");
    row("explain delete", QStringLiteral("EXPLAIN DELETE FROM articles"), "articles");
    row("unknown table", QStringLiteral("SELECT 1; INSERT INTO nosuch VALUES (1)"), "INSERT");
    // Several statements
    row("smuggled after select", QStringLiteral("SELECT 1; DELETE FROM annotations"), "annotations");
    row("smuggled without space", QStringLiteral("SELECT 1;DROP TABLE articles;"), "articles");
    row("smuggled after comment", QStringLiteral("SELECT 1 -- ; harmless\n; UPDATE codes SET name = 'x'"), "codes");
    row("write in transaction", QStringLiteral("BEGIN; DELETE FROM articles; COMMIT"), "BEGIN");
    row("savepoint", QStringLiteral("SAVEPOINT s1"), "savepoint");
    // Structure
    row("drop", QStringLiteral("DROP TABLE annotations"), "annotations");
    row("drop view", QStringLiteral("DROP VIEW segments"), "segments");
    row("create", QStringLiteral("CREATE TABLE evil(x)"), "evil");
    row("create index", QStringLiteral("CREATE INDEX evil ON articles(title)"), "evil");
    row("create trigger", QStringLiteral("CREATE TRIGGER evil AFTER INSERT ON articles BEGIN SELECT 1; END"), "evil");
    row("create virtual", QStringLiteral("CREATE VIRTUAL TABLE evil USING fts5(x)"), "evil");
    row("create temp", QStringLiteral("CREATE TEMP TABLE t(x)"), "temporary");
    row("create temp quoted", QStringLiteral("create temporary table \"t\" AS SELECT 1"), "temporary");
    row("create temp view", QStringLiteral("CREATE TEMP VIEW v AS SELECT 1"), "temporary");
    row("alter", QStringLiteral("ALTER TABLE articles ADD COLUMN evil TEXT"), "articles");
    row("reindex", QStringLiteral("REINDEX"), "REINDEX");
    row("analyze", QStringLiteral("ANALYZE"), "ANALYZE");
    row("vacuum", QStringLiteral("VACUUM"), "VACUUM");
    row("vacuum into", QStringLiteral("VACUUM INTO '%1'").arg(copy), "VACUUM");
    row("vacuum into, commented", QStringLiteral("/* backup */ vacuum main into '%1'").arg(copy), "VACUUM");
    // Other files
    row("attach", QStringLiteral("ATTACH DATABASE ':memory:' AS other"), "ATTACH");
    row("attach file", QStringLiteral("attach '%1' as other").arg(other), "ATTACH");
    row("detach", QStringLiteral("DETACH DATABASE main"), "DETACH");
    row("load_extension", QStringLiteral("SELECT load_extension('%1')").arg(m_dir.filePath(QStringLiteral("evil.so"))), "load_extension");
    row("load_extension, mixed case", QStringLiteral("select LOAD_Extension('evil')"), "load_extension");
    row("fts3_tokenizer", QStringLiteral("SELECT fts3_tokenizer('simple')"), "fts3_tokenizer");
    // Settings of the connection or the process
    row("pragma write", QStringLiteral("PRAGMA user_version = 99"), "user_version");
    row("pragma call form", QStringLiteral("PRAGMA main.user_version(99)"), "user_version");
    row("pragma journal", QStringLiteral("PRAGMA journal_mode = DELETE"), "journal_mode");
    row("pragma journal, lower case", QStringLiteral("pragma journal_mode=delete"), "journal_mode");
    row("pragma journal, read", QStringLiteral("PRAGMA journal_mode"), "journal_mode");
    row("pragma query_only off", QStringLiteral("PRAGMA query_only = 0"), "query_only");
    row("pragma query_only quoted", QStringLiteral("PRAGMA \"query_only\" = 0"), "query_only");
    row("pragma query_only commented", QStringLiteral("/* x */ PrAgMa/**/'Query_Only'=false"), "query_only");
    row("pragma query_only after select", QStringLiteral("SELECT 1; PRAGMA query_only = OFF; DELETE FROM articles"), "query_only");
    row("pragma hard_heap_limit quoted", QStringLiteral("pragma 'hard_heap_limit'=20000"), "hard_heap_limit");
    row("pragma hard_heap_limit", QStringLiteral("PRAGMA hard_heap_limit = 20000"), "hard_heap_limit");
    row("pragma soft_heap_limit", QStringLiteral("PRAGMA soft_heap_limit = 20000"), "soft_heap_limit");
    row("pragma table, while running", QStringLiteral("SELECT * FROM pragma_journal_mode"), "journal_mode");
    row("pragma writable_schema", QStringLiteral("PRAGMA writable_schema=1"), "writable_schema");
    row("pragma writable_schema read", QStringLiteral("PRAGMA writable_schema"), "writable_schema");
    row("pragma foreign_keys", QStringLiteral("PRAGMA foreign_keys = OFF"), "foreign_keys");
    row("pragma mmap_size", QStringLiteral("PRAGMA mmap_size = 1000000"), "mmap_size");
    row("pragma threads", QStringLiteral("PRAGMA threads = 4"), "threads");
    row("pragma checkpoint", QStringLiteral("PRAGMA wal_checkpoint"), "wal_checkpoint");
    row("pragma checkpoint truncate", QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), "wal_checkpoint");
    row("pragma optimize", QStringLiteral("PRAGMA optimize"), "optimize");
    row("pragma incremental_vacuum", QStringLiteral("PRAGMA incremental_vacuum"), "incremental_vacuum");
    row("pragma shrink_memory", QStringLiteral("PRAGMA shrink_memory"), "shrink_memory");
}

void TestQuery::refusesWrites()
{
    QFETCH(QString, sql);
    QFETCH(QString, mention);
    const QByteArray before = fileHash();
    QVERIFY(!before.isEmpty());
    QVERIFY(!hasWalFiles(m_project));
    const sqlite3_int64 hardLimit = sqlite3_hard_heap_limit64(-1);
    const sqlite3_int64 softLimit = sqlite3_soft_heap_limit64(-1);
    {
        ReadOnlyQuery query(m_project);
        const QueryResult r = query.run(sql);
        QVERIFY2(r.status == QueryResult::Status::Refused,
                 qPrintable(QStringLiteral("not refused (status %1): %2").arg(int(r.status)).arg(r.message)));
        QVERIFY2(r.message.contains(mention, Qt::CaseInsensitive), qPrintable(r.message));
        QVERIFY2(!r.message.contains(QStringLiteral("not authorized")), qPrintable(r.message));
        if (!sql.contains(QLatin1Char(';')))
            QVERIFY2(!r.message.contains(QStringLiteral("batch")), qPrintable(r.message));
        else if (sql.startsWith(QLatin1String("SELECT 1;")))
            QVERIFY2(r.message.contains(QStringLiteral("Nothing in this batch ran.")), qPrintable(r.message));
        // The connection is still usable, still read-only and sees the same data.
        const QueryResult after = query.run(QStringLiteral("SELECT count(*) FROM annotations"));
        QVERIFY2(after.ok(), qPrintable(after.message));
        QCOMPARE(after.rows.constFirst().constFirst().toInt(), 1);
        const QueryResult queryOnly = query.run(QStringLiteral("PRAGMA query_only"));
        QVERIFY2(queryOnly.ok(), qPrintable(queryOnly.message));
        QCOMPARE(queryOnly.rows.constFirst().constFirst().toInt(), 1);
    }
    QCOMPARE(fileHash(), before);
    QCOMPARE(sqlite3_hard_heap_limit64(-1), hardLimit);
    QCOMPARE(sqlite3_soft_heap_limit64(-1), softLimit);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("copy.db"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("new.db"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("evil"))));
    QVERIFY2(!hasWalFiles(m_project), "the query left -wal/-shm files beside the project");
}

CliRunner::Run TestQuery::cli(const QStringList &args) const
{
    return CliRunner(QStringLiteral(FRAMEWISE_BINARY), m_dir.path())
        .run(QStringList {QStringLiteral("query")} + args);
}

void TestQuery::cliRefusesWrites()
{
    QFETCH(QString, sql);
    QFETCH(QString, mention);
    const QByteArray before = fileHash();
    // `--` ends the options, as SQL may begin with a comment ("-- …").
    const CliRunner::Run p = cli({QStringLiteral("--"), m_project, sql});
    QCOMPARE(p.exitCode, 1);
    QVERIFY(p.out.isEmpty());
    const QString err = QString::fromUtf8(p.err);
    QVERIFY2(err.contains(m_project) && err.contains(mention, Qt::CaseInsensitive), qPrintable(err));
    QCOMPARE(fileHash(), before);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("copy.db"))));
    QVERIFY2(!hasWalFiles(m_project), "framewise query left -wal/-shm files beside the project");
}

void TestQuery::harmlessQueriesWork_data()
{
    // `first`: the first cell of the last statement's first row; null: any rows.
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("first");
    const auto row = [](const char *tag, const char *sql, const char *first) {
        QTest::newRow(tag) << QString::fromUtf8(sql) << (first ? QString::fromUtf8(first) : QString());
    };
    row("join", "SELECT a.title, c.name FROM annotations an JOIN articles a ON a.id = an.article_id "
                "JOIN annotation_codes ac ON ac.annotation_id = an.id JOIN codes c ON c.id = ac.code_id",
        "Kim on Ukraine");
    row("view", "SELECT code || '/' || coder FROM segments", "Claim/ana");
    row("cte", "WITH t AS (SELECT title FROM articles) SELECT upper(title) FROM t", "KIM ON UKRAINE");
    row("recursive cte", "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) "
                         "SELECT sum(x) FROM n", "55");
    row("window", "SELECT group_concat(r, ',') FROM (SELECT row_number() OVER (ORDER BY x DESC) AS r "
                  "FROM (SELECT column1 AS x FROM (VALUES (5), (7), (9))))", "1,2,3");
    row("window lag", "SELECT lag(column1, 1, 0) OVER (ORDER BY column1) FROM (VALUES (5), (7)) ORDER BY 1 DESC", "5");
    row("json_each", "SELECT group_concat(value, '|') FROM json_each('[\"a\",\"b\"]')", "a|b");
    row("json", "SELECT json_object('title', title) ->> '$.title' FROM articles", "Kim on Ukraine");
    row("snippet", "SELECT snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts "
                   "WHERE articles_fts MATCH 'readiness NEAR(win, 10)' ORDER BY rank",
        "He declared [readiness]. “We will [win],” he said.");
    row("highlight", "SELECT highlight(articles_fts, 0, '<', '>') FROM articles_fts WHERE articles_fts MATCH 'kim'",
        "<Kim> on Ukraine");
    row("bm25", "SELECT bm25(articles_fts) < 0 FROM articles_fts('ukraine')", "1");
    row("string functions", "SELECT substr(text, 24, 14) FROM articles WHERE title LIKE 'kim%' AND instr(text, 'win') > 0",
        "“We will win,”");
    row("date functions", "SELECT date(published, '+1 day') || ' ' || strftime('%Y', published) FROM articles",
        "2025-05-10 2025");
    row("math functions", "SELECT CAST(sqrt(16) + abs(-1) AS INTEGER)", "5");
    row("case and coalesce", "SELECT CASE WHEN coalesce(NULL, 2) = 2 THEN iif(1, 'yes', 'no') END", "yes");
    row("values", "VALUES (1), (2)", "1");
    row("two selects", "SELECT 1; SELECT 2", "2");
    row("explain query plan", "EXPLAIN QUERY PLAN SELECT * FROM segments", nullptr);
    row("pragma table_info", "PRAGMA table_info(articles)", "0");
    row("pragma table_info quoted", "PRAGMA \"table_info\"('articles')", "0");
    row("pragma table", "SELECT name FROM pragma_table_info('articles') WHERE name = 'title'", "title");
    row("pragma index_list", "PRAGMA main.index_list(annotations)", nullptr);
    row("pragma foreign_key_list", "PRAGMA foreign_key_list(annotations)", nullptr);
    row("pragma user_version", "PRAGMA user_version", QByteArray::number(SqliteDialect::currentVersion).constData());
    row("pragma schema_version", "SELECT schema_version > 0 FROM pragma_schema_version", "1");
    row("pragma compile_options", "PRAGMA compile_options", nullptr);
    row("pragma query_only", "PRAGMA query_only", "1");
}

void TestQuery::harmlessQueriesWork()
{
    QFETCH(QString, sql);
    QFETCH(QString, first);
    const QByteArray before = fileHash();
    {
        ReadOnlyQuery query(m_project);
        const QueryResult r = query.run(sql);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(!r.rows.isEmpty());
        if (!first.isNull())
            QCOMPARE(r.rows.constFirst().constFirst().toString(), first);
    }
    QCOMPARE(fileHash(), before);
    QVERIFY2(!hasWalFiles(m_project), "the query left -wal/-shm files beside the project");
}

QString TestQuery::freshCopy(const QString &name) const
{
    const QString copy = m_dir.filePath(name);
    QFile::remove(copy);
    if (hasWalFiles(m_project) || !QFile::copy(m_project, copy))
        qFatal("cannot copy %s", qPrintable(m_project));
    return copy;
}

void TestQuery::leavesNoWalFilesBehind()
{
    // A project in WAL mode: a read-only connection creates -wal and -shm.
    const QString project = freshCopy(QStringLiteral("wal.framewise"));
    QVERIFY(!hasWalFiles(project));
    {
        ReadOnlyQuery query(project);
        QVERIFY(query.run(QStringLiteral("SELECT count(*) FROM articles")).ok());
        QVERIFY(!query.run(QStringLiteral("DELETE FROM articles")).ok());
    }
    QVERIFY2(!hasWalFiles(project), "ReadOnlyQuery left -wal/-shm files beside the project");
    // The console's runner, closed as the console closes.
    {
        QueryRunner runner(project);
        QSignalSpy finished(&runner, &QueryRunner::finished);
        runner.run(QStringLiteral("SELECT count(*) FROM articles"));
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.constFirst().constFirst().value<QueryResult>().ok());
    }
    QVERIFY2(!hasWalFiles(project), "the console's runner left -wal/-shm files beside the project");
}

void TestQuery::cliLeavesNoWalFilesBehind()
{
    const QString project = freshCopy(QStringLiteral("cli-wal.framewise"));
    const QByteArray before = [&] {
        QFile f(project);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(!before.isEmpty());
    const CliRunner::Run ok = cli({project, QStringLiteral("SELECT title FROM articles")});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out, QByteArray("title\nKim on Ukraine\n"));
    QVERIFY2(!hasWalFiles(project), "framewise query left -wal/-shm files beside the project");
    const CliRunner::Run failed = cli({project, QStringLiteral("SELECT * FROM nosuch")});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(!hasWalFiles(project), "a failed framewise query left -wal/-shm files beside the project");
    QFile f(project);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestQuery::keepsWalFilesOfAProjectOpenElsewhere()
{
    // The files belong to the project's other connection too: taking them
    // away would lose its commits. Whoever closes last removes them.
    const QString project = freshCopy(QStringLiteral("shared.framewise"));
    auto store = ProjectSession::open(project);
    QVERIFY(hasWalFiles(project));
    {
        ReadOnlyQuery query(project);
        QVERIFY(query.run(QStringLiteral("SELECT 1")).ok());
    }
    QVERIFY(hasWalFiles(project));
    QCOMPARE(cli({project, QStringLiteral("SELECT count(*) FROM articles")}).exitCode, 0);
    QVERIFY(hasWalFiles(project));
    store.reset();
    QVERIFY2(!hasWalFiles(project), "the store, closing last, should have removed -wal/-shm");

    // The query opens first, when there are no files yet, and closes while
    // the store, opened after it, still uses them.
    auto query = std::make_unique<ReadOnlyQuery>(project);
    QVERIFY(query->run(QStringLiteral("SELECT count(*) FROM articles")).ok());
    store = ProjectSession::open(project);
    query.reset();
    QVERIFY2(hasWalFiles(project), "the query removed the -wal/-shm of a project open elsewhere");
    Article a;
    a.title = QStringLiteral("Written while the console was open");
    a.text = QStringLiteral("Committed to the WAL, not yet checkpointed.");
    const qint64 id = store->articles().add(a).id;
    QVERIFY(QFileInfo(project + QStringLiteral("-wal")).size() > 0);
    {
        ReadOnlyQuery reader(project);
        const QueryResult r = reader.run(QStringLiteral("SELECT title FROM articles WHERE id = %1").arg(id));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.rows.constFirst().constFirst().toString(), a.title);
    }
    QCOMPARE(store->articles().get(id)->title, a.title);
    store.reset();
    QVERIFY2(!hasWalFiles(project), "the store, closing last, should have removed -wal/-shm");
    {
        ReadOnlyQuery after(project);
        const QueryResult r = after.run(QStringLiteral("SELECT count(*) FROM articles"));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.rows.constFirst().constFirst().toInt(), 2);
    }
    QVERIFY(!hasWalFiles(project));
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
