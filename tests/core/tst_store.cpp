// The project store: creation, reopening, migration, and every refusal of
// a file that is not a project, with the file's bytes checked unchanged.
#include "RawSql.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "store/ProjectFileInspector.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"
#include "store/SqliteDialect.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

// What only an SQLite project file has (its header, older file versions,
// refusals of files): the _pg run says so and moves on; tst_pg_open covers
// PostgreSQL's refusals.
#define SQLITE_FILE_ONLY()                                                                         \
    do {                                                                                           \
        if (TestProject::onPostgres())                                                             \
            QSKIP("the SQLite project file's format; not a PostgreSQL case");                      \
    } while (false)

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// What an old project needs before its first annotation: article 1, coder 1
// and code 1 (in category 1).
QStringList articleCoderAndCodeRows()
{
    return {QStringLiteral("INSERT INTO articles(title, outlet, text, content_hash, imported_at) VALUES "
                           "('Old', 'KCNA', 'Kim praised Moscow', 'h1', '2026-01-01T00:00:00.000Z')"),
            QStringLiteral("INSERT INTO coders(name, created_at) VALUES ('ana', '2026-01-01T00:00:00.000Z')"),
            QStringLiteral("INSERT INTO categories(name, kind) VALUES ('Actor', 'actor')"),
            QStringLiteral("INSERT INTO codes(category_id, name, colour) VALUES (1, 'Person', '#2e9d5b')")};
}

Article sampleArticle(const QString &text = QStringLiteral("Kim Jong Un spoke.\nHe warned Seoul."))
{
    Article a;
    a.title = QStringLiteral("Speech");
    a.outlet = QStringLiteral("Example News");
    a.text = text;
    a.origin = QStringLiteral("test");
    return a;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { REQUIRE_BACKEND(m_project); }
    void createsMarkedWalProject();
    void reopensWithData();
    void migratesFromVersion1();
    void migratesFromVersion2();
    void migratesFromVersion3();
    void migratesFromVersion5();
    void articleSourcesAndFeeds();
    void documentLevelAndPrimaryCodes();
    void refusesNonProjects_data();
    void refusesNonProjects();
    void refusesDamagedProject();
    void missingFileIsNotCreatedUnlessAsked();
    void articleTextIsImmutable();
    void detectsDuplicates();
    void annotationQuoteUsesCodePoints();
    void annotationRefusalsChangeNothing();
    void annotationsComeInReadingOrder();
    void removeAndRestoreKeepId();
    void libraryCountsFollowAnnotations();
    void searchCoversIndexedArticles();
    void codebookAndCoders();
    void actorsAndMemos();

private:
    TestProject m_project;
    QString path(const QString &name) { return m_project.location(name); }
};

void TestStore::createsMarkedWalProject()
{
    SQLITE_FILE_ONLY();
    const QString file = path(QStringLiteral("new.framewise"));
    {
        auto store = ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
        QCOMPARE(store->schemaVersion(), SqliteDialect::currentVersion);
        QVERIFY(!store->isReadOnly());
    }
    const QByteArray bytes = fileBytes(file);
    QVERIFY(bytes.startsWith("SQLite format 3"));
    QCOMPARE(qFromBigEndian<quint32>(bytes.constData() + 68), SqliteDialect::applicationId);
    QCOMPARE(int(qFromBigEndian<quint32>(bytes.constData() + 60)), SqliteDialect::currentVersion);
    // Bytes 18 and 19 are 2 in a WAL-mode database.
    QCOMPARE(int(bytes.at(18)), 2);
    QCOMPARE(int(bytes.at(19)), 2);
    QCOMPARE(ProjectFileInspector::inspect(file).verdict, ProjectFileInspector::Verdict::Project);
}

void TestStore::reopensWithData()
{
    const QString file = path(QStringLiteral("reopen.framewise"));
    qint64 articleId = 0;
    {
        auto store = ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
        articleId = store->articles().add(sampleArticle()).id;
        const Code code = store->codebook().ensureCode(QStringLiteral("Claim"));
        store->annotations().add({articleId, 0, 12, {code.id}, QStringLiteral("ana"), QStringLiteral("n")});
    }
    auto store = ProjectSession::open(file);
    QCOMPARE(store->articles().count(), 1);
    const auto a = store->articles().get(articleId);
    QVERIFY(a);
    QCOMPARE(a->text, sampleArticle().text);
    QCOMPARE(a->outlet, QStringLiteral("Example News"));
    const auto annotations = store->annotations().forArticle(articleId);
    QCOMPARE(annotations.size(), 1);
    QCOMPARE(annotations[0].quote, QStringLiteral("Kim Jong Un "));
    QCOMPARE(annotations[0].coderName, QStringLiteral("ana"));
    QCOMPARE(store->articles().summaries().constFirst().annotationCount, 1);
}

void TestStore::migratesFromVersion1()
{
    SQLITE_FILE_ONLY();
    // A project exactly as version 1 wrote it: its frozen schema and data.
    const QString file = path(QStringLiteral("v1.framewise"));
    QStringList v1 = SqliteDialect().migrationTo(1);
    v1 << SqliteDialect::setApplicationId() << SqliteDialect().writeVersion(1)
       << QStringLiteral("INSERT INTO articles(title, text, content_hash, imported_at) VALUES "
                         "('Old', 'Pyongyang praised Moscow', 'h1', '2026-01-01T00:00:00Z')");
    RawSql::run(file, v1);
    QCOMPARE(ProjectFileInspector::inspect(file).schemaVersion, 1);

    {
        auto store = ProjectSession::open(file);
        QCOMPARE(store->schemaVersion(), SqliteDialect::currentVersion);
        // Version 2 built the full-text index from the articles already there.
        const auto hits = store->articles().search(QStringLiteral("pyongyang"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].title, QStringLiteral("Old"));
    }
    QCOMPARE(ProjectFileInspector::inspect(file).schemaVersion, SqliteDialect::currentVersion);
}

void TestStore::migratesFromVersion2()
{
    SQLITE_FILE_ONLY();
    // A version 2 project with a coded segment.
    const QString file = path(QStringLiteral("v2.framewise"));
    QStringList v2 = SqliteDialect().migrationTo(1) + SqliteDialect().migrationTo(2);
    v2 << SqliteDialect::setApplicationId() << SqliteDialect().writeVersion(2)
       << articleCoderAndCodeRows()
       << QStringLiteral("INSERT INTO annotations(article_id, coder_id, start, \"end\", quote, created_at, "
                         "modified_at) VALUES (1, 1, 0, 3, 'Kim', '2026-01-01T00:00:00.000Z', "
                         "'2026-01-01T00:00:00.000Z')")
       << QStringLiteral("INSERT INTO annotation_codes VALUES (1, 1)");
    RawSql::run(file, v2);
    {
        auto store = ProjectSession::open(file);
        QCOMPARE(store->schemaVersion(), SqliteDialect::currentVersion);
        const auto a = store->annotations().get(1);
        QVERIFY(a);
        QVERIFY(!a->document);
        QVERIFY(!a->primary);
        QCOMPARE(a->codeIds, QList<qint64>{1});
        QCOMPARE(a->created, QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC));
    }
    // The segments view joins what a user's query needs.
    const QList<QVariantList> segments = RawSql::rows(
        file, QStringLiteral("SELECT article_title, outlet, code, category, coder, start, \"end\", quote FROM segments"));
    QVERIFY(!segments.isEmpty());
    const QVariantList &row = segments.constFirst();
    QCOMPARE(row.value(0).toString(), QStringLiteral("Old"));
    QCOMPARE(row.value(1).toString(), QStringLiteral("KCNA"));
    QCOMPARE(row.value(2).toString(), QStringLiteral("Person"));
    QCOMPARE(row.value(3).toString(), QStringLiteral("Actor"));
    QCOMPARE(row.value(4).toString(), QStringLiteral("ana"));
    QCOMPARE(row.value(7).toString(), QStringLiteral("Kim"));
}

void TestStore::migratesFromVersion3()
{
    SQLITE_FILE_ONLY();
    // A version 3 project with an article and a coded segment.
    const QString file = path(QStringLiteral("v3.framewise"));
    QStringList v3 = SqliteDialect().migrationTo(1) + SqliteDialect().migrationTo(2)
        + SqliteDialect().migrationTo(3);
    v3 << SqliteDialect::setApplicationId() << SqliteDialect().writeVersion(3)
       << articleCoderAndCodeRows()
       << QStringLiteral("INSERT INTO annotations(article_id, coder_id, start, \"end\", quote, created_at, "
                         "modified_at, scope, is_primary) VALUES (1, 1, 0, 3, 'Kim', "
                         "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'span', 1)")
       << QStringLiteral("INSERT INTO annotation_codes VALUES (1, 1)");
    RawSql::run(file, v3);
    QCOMPARE(ProjectFileInspector::inspect(file).schemaVersion, 3);
    auto store = ProjectSession::open(file);
    QCOMPARE(store->schemaVersion(), SqliteDialect::currentVersion);
    // Everything of version 3 is still there, unchanged.
    const auto article = store->articles().get(1);
    QVERIFY(article);
    QCOMPARE(article->text, QStringLiteral("Kim praised Moscow"));
    const auto a = store->annotations().get(1);
    QVERIFY(a);
    QVERIFY(a->primary);
    QCOMPARE(a->quote, QStringLiteral("Kim"));
    // The new tables are empty and usable.
    QVERIFY(!store->articles().source(1));
    QVERIFY(store->feeds().all().isEmpty());
    QVERIFY(store->feeds().folders().isEmpty());
    Feed feed;
    feed.url = QStringLiteral("https://example.org/feed.xml");
    QVERIFY(store->feeds().add(feed) > 0);
}

void TestStore::migratesFromVersion5()
{
    SQLITE_FILE_ONLY();
    // A version 5 project whose annotations name actors: two mentions of
    // Kim, one of Seoul, one naming nobody.
    const QString file = path(QStringLiteral("v5.framewise"));
    QStringList v5;
    for (int v = 1; v <= 5; ++v)
        v5 += SqliteDialect().migrationTo(v);
    const QString annotation = QStringLiteral(
        "INSERT INTO annotations(article_id, coder_id, start, \"end\", quote, actor_id, created_at, "
        "modified_at) VALUES (1, 1, %1, %2, '%3', %4, '2026-01-01T00:00:00.000Z', "
        "'2026-01-01T00:00:00.000Z')");
    v5 << SqliteDialect::setApplicationId() << SqliteDialect().writeVersion(5)
       << QStringLiteral("INSERT INTO articles(title, text, content_hash, imported_at) VALUES "
                         "('Old', 'Kim warned Seoul. Kim left.', 'h1', '2026-01-01T00:00:00.000Z')")
       << QStringLiteral("INSERT INTO coders(name, created_at) VALUES ('ana', '2026-01-01T00:00:00.000Z')")
       << QStringLiteral("INSERT INTO actors(name, created_at) VALUES ('Kim Jong Un', '2026-01-01T00:00:00.000Z'), "
                         "('Seoul', '2026-01-01T00:00:00.000Z')")
       << annotation.arg(0).arg(3).arg(QStringLiteral("Kim")).arg(1)
       << annotation.arg(11).arg(16).arg(QStringLiteral("Seoul")).arg(2)
       << annotation.arg(18).arg(21).arg(QStringLiteral("Kim")).arg(1)
       << annotation.arg(4).arg(10).arg(QStringLiteral("warned")).arg(QStringLiteral("NULL"));
    RawSql::run(file, v5);
    QCOMPARE(ProjectFileInspector::inspect(file).schemaVersion, 5);
    {
        auto store = ProjectSession::open(file);
        QCOMPARE(store->schemaVersion(), SqliteDialect::currentVersion);
        // Everything of version 5 is still there.
        QCOMPARE(store->articles().get(1)->text, QStringLiteral("Kim warned Seoul. Kim left."));
        QCOMPARE(store->annotations().count(), 4);
        QCOMPARE(store->actors().all().size(), 2);
        QCOMPARE(store->annotations().get(2)->quote, QStringLiteral("Seoul"));
        QCOMPARE(store->annotations().get(2)->actorId, qint64(2));
        QCOMPARE(store->annotations().get(4)->actorId, qint64(0));
        // Mention counts read the new index; the annotation naming nobody
        // counts for no one.
        const QHash<qint64, int> counts = store->actors().mentionCounts();
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts.value(1), 2);
        QCOMPARE(counts.value(2), 1);
    }
    QCOMPARE(ProjectFileInspector::inspect(file).schemaVersion, SqliteDialect::currentVersion);
    QCOMPARE(RawSql::scalar(file, QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = 'index' "
                                                 "AND name = 'annotations_by_actor'"))
                 .toString(),
             QStringLiteral("CREATE INDEX annotations_by_actor ON annotations(actor_id)"));
    // The planner reads it, not the table, for the query of
    // ActorTable::mentionCounts().
    QStringList plan;
    for (const QVariantList &row : RawSql::rows(file, QStringLiteral("EXPLAIN QUERY PLAN SELECT actor_id, count(*) "
                                                                     "FROM annotations WHERE actor_id IS NOT NULL "
                                                                     "GROUP BY actor_id")))
        plan << row.value(3).toString();
    QVERIFY2(plan.join(QLatin1Char(' ')).contains(QLatin1String("INDEX annotations_by_actor")),
             qPrintable(plan.join(QLatin1String(" | "))));
}

void TestStore::articleSourcesAndFeeds()
{
    auto store = ProjectSession::open(path(QStringLiteral("sources.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    ArticleSource source;
    source.url = QStringLiteral("https://example.org/a");
    source.contentType = QStringLiteral("text/html; charset=utf-8");
    source.html = QByteArray("<html><body><p>Kim spoke.</p></body></html>").repeated(50);
    const auto added = store->articles().addMany({sampleArticle(QStringLiteral("Kim spoke."))}, {source});
    const qint64 id = added.constFirst().id;
    const auto stored = store->articles().source(id);
    QVERIFY(stored);
    QCOMPARE(stored->html, source.html);
    QCOMPARE(stored->url, source.url);
    QCOMPARE(stored->contentType, source.contentType);
    // The same text again is a duplicate; its page does not replace the first.
    ArticleSource other = source;
    other.url = QStringLiteral("https://example.org/b");
    const auto dup = store->articles().addMany({sampleArticle(QStringLiteral("Kim spoke."))}, {other});
    QCOMPARE(dup.constFirst().status, ArticleRepository::AddResult::Status::Duplicate);
    QCOMPARE(store->articles().source(id)->url, source.url);

    // A feed item linked to an article; the feed's removal keeps the article.
    Feed feed;
    feed.url = QStringLiteral("https://example.org/feed.xml");
    feed.id = store->feeds().add(feed);
    FeedItem item;
    item.guid = QStringLiteral("1");
    item.title = QStringLiteral("Kim spoke");
    feed.lastFetched = QDateTime::currentDateTimeUtc();
    QCOMPARE(store->feeds().recordRefresh(feed, {item, item}), 1);
    const qint64 itemId = store->feeds().items(feed.id).constFirst().id;
    store->feeds().linkItem(itemId, id);
    QCOMPARE(store->feeds().item(itemId)->articleId, id);
    store->feeds().remove(feed.id);
    QVERIFY(!store->feeds().item(itemId));
    QCOMPARE(store->articles().count(), 1);
}

void TestStore::documentLevelAndPrimaryCodes()
{
    auto store = ProjectSession::open(path(QStringLiteral("doc.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    const qint64 id = store->articles().add(sampleArticle(QStringLiteral("Kim 😀 spoke"))).id;
    const Code frame = store->codebook().ensureCode(QStringLiteral("Security"));
    NewAnnotation n;
    n.articleId = id;
    n.codeIds = {frame.id};
    n.document = true;
    n.primary = true;
    const Annotation a = store->annotations().add(n);
    QVERIFY(a.document);
    QVERIFY(a.primary);
    QCOMPARE(a.start, 0);
    QCOMPARE(a.end, 11); // code points: the emoji counts once
    QVERIFY(a.quote.isEmpty());
    store->annotations().restore(store->annotations().remove(a.id));
    QVERIFY(store->annotations().get(a.id)->document);
    QVERIFY(store->annotations().get(a.id)->primary);
}

void TestStore::refusesNonProjects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << QByteArray("Kim Jong Un has offered his most explicit justification\n")
                               << QStringLiteral("not an SQLite database");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("binary") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452")
                            << QStringLiteral("not an SQLite database");
    QTest::newRow("short sqlite header") << QByteArray("SQLite format 3\0\x10\x00", 19)
                                         << QStringLiteral("truncated");
}

void TestStore::refusesNonProjects()
{
    SQLITE_FILE_ONLY();
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString file = path(QStringLiteral("bad-%1.framewise").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    writeFile(file, bytes);
    try {
        ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
        QFAIL("opened a file that is not a project");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QFileInfo(file).fileName()), qPrintable(e.message()));
    }
    QCOMPARE(fileBytes(file), bytes);
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
}

void TestStore::refusesDamagedProject()
{
    SQLITE_FILE_ONLY();
    // Another application's database.
    const QString foreign = path(QStringLiteral("other-app.db"));
    RawSql::run(foreign, {QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)"),
                     QStringLiteral("INSERT INTO notes(body) VALUES ('hello')")});
    const QByteArray foreignBytes = fileBytes(foreign);
    QVERIFY_THROWS_EXCEPTION(ProjectError, ProjectSession::open(foreign));
    try {
        ProjectSession::open(foreign);
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("another application")), qPrintable(e.message()));
    }
    QCOMPARE(fileBytes(foreign), foreignBytes);

    // A project from a newer version.
    const QString newer = path(QStringLiteral("newer.framewise"));
    {
        auto store = ProjectSession::open(newer, ProjectSession::OpenMode::CreateIfMissing);
        store->articles().add(sampleArticle());
    }
    RawSql::run(newer, {QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), QStringLiteral("PRAGMA user_version = 99")});
    const QByteArray newerBytes = fileBytes(newer);
    try {
        ProjectSession::open(newer);
        QFAIL("opened a project from the future");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("newer Framewise")), qPrintable(e.message()));
    }
    QCOMPARE(fileBytes(newer), newerBytes);

    // A truncated project: cut in the middle of its pages.
    const QString truncated = path(QStringLiteral("truncated.framewise"));
    {
        auto store = ProjectSession::open(truncated, ProjectSession::OpenMode::CreateIfMissing);
        for (int i = 0; i < 50; ++i)
            store->articles().add(sampleArticle(QStringLiteral("Article %1 ").arg(i).repeated(200)));
    }
    RawSql::run(truncated, {QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});
    QByteArray whole = fileBytes(truncated);
    QVERIFY(whole.size() > 8192);
    const QByteArray cut = whole.left(whole.size() / 2);
    writeFile(truncated, cut);
    QFile::remove(truncated + QStringLiteral("-wal"));
    QFile::remove(truncated + QStringLiteral("-shm"));
    try {
        ProjectSession::open(truncated);
        QFAIL("opened a truncated project");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("truncated")), qPrintable(e.message()));
    }
    QCOMPARE(fileBytes(truncated), cut);

    // Garbage over the schema page, header intact.
    const QString corrupt = path(QStringLiteral("corrupt.framewise"));
    QByteArray damaged = whole;
    for (int i = 100; i < 4096 && i < damaged.size(); ++i)
        damaged[i] = char(0xA5);
    writeFile(corrupt, damaged);
    try {
        ProjectSession::open(corrupt);
        QFAIL("opened a corrupted project");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("corrupt.framewise")), qPrintable(e.message()));
    }
    QCOMPARE(fileBytes(corrupt), damaged);
}

void TestStore::missingFileIsNotCreatedUnlessAsked()
{
    SQLITE_FILE_ONLY();
    const QString file = path(QStringLiteral("nope/missing.framewise"));
    QVERIFY_THROWS_EXCEPTION(ProjectError, ProjectSession::open(file));
    QVERIFY(!QFile::exists(file));
    ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY(QFile::exists(file));
}

void TestStore::articleTextIsImmutable()
{
    const QString file = path(QStringLiteral("immutable.framewise"));
    qint64 id = 0;
    {
        auto store = ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
        id = store->articles().add(sampleArticle()).id;
    }
    // Another program changing the text is refused by the database itself.
    const QString error = RawSql::failure(
        file, QStringLiteral("UPDATE articles SET text = 'changed' WHERE id = %1").arg(id));
    QVERIFY2(error.contains(QStringLiteral("never changes")), qPrintable(error));
    auto store = ProjectSession::open(file);
    QCOMPARE(store->articles().get(id)->text, sampleArticle().text);
}

void TestStore::detectsDuplicates()
{
    auto store = ProjectSession::open(path(QStringLiteral("dups.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    QSignalSpy changed(store.get(), &ProjectSession::changed);
    const auto results = store->articles().addMany({sampleArticle(), sampleArticle(QStringLiteral("Other")), sampleArticle()});
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].status, ArticleRepository::AddResult::Status::Added);
    QCOMPARE(results[1].status, ArticleRepository::AddResult::Status::Added);
    QCOMPARE(results[2].status, ArticleRepository::AddResult::Status::Duplicate);
    QCOMPARE(results[2].id, results[0].id);
    QCOMPARE(store->articles().count(), 2);
    QCOMPARE(changed.count(), 1);
}

void TestStore::annotationQuoteUsesCodePoints()
{
    auto store = ProjectSession::open(path(QStringLiteral("cp.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    // Emoji (surrogate pairs), a combining mark, Hebrew and CJK.
    const QString text = QStringLiteral("A 😀 said: e\u0301 שלום 北朝鮮 🇰🇵 end");
    const qint64 id = store->articles().add(sampleArticle(text)).id;
    const Code code = store->codebook().ensureCode(QStringLiteral("Quote"));
    // Code points: A=0 ' '=1 😀=2 ' '=3 s=4 ... ':'=8 ' '=9 e=10 U+0301=11 ' '=12 ש=13..ם=16 ' '=17 北=18 朝=19 鮮=20
    const Annotation smile = store->annotations().add({id, 2, 3, {code.id}, {}, {}});
    QCOMPARE(smile.quote, QStringLiteral("😀"));
    QCOMPARE(smile.prefix, QStringLiteral("A "));
    const Annotation accent = store->annotations().add({id, 10, 12, {code.id}, {}, {}});
    QCOMPARE(accent.quote, QStringLiteral("e\u0301"));
    const Annotation hebrew = store->annotations().add({id, 13, 17, {code.id}, {}, {}});
    QCOMPARE(hebrew.quote, QStringLiteral("שלום"));
    const Annotation cjk = store->annotations().add({id, 18, 21, {code.id}, {}, {}});
    QCOMPARE(cjk.quote, QStringLiteral("北朝鮮"));
    // A flag is two regional indicators: two code points, four UTF-16 units.
    const Annotation flag = store->annotations().add({id, 22, 24, {code.id}, {}, {}});
    QCOMPARE(flag.quote, QStringLiteral("🇰🇵"));
    QCOMPARE(flag.suffix, QStringLiteral(" end"));
}

void TestStore::annotationRefusalsChangeNothing()
{
    auto store = ProjectSession::open(path(QStringLiteral("refuse.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    const qint64 id = store->articles().add(sampleArticle(QStringLiteral("short"))).id;
    const Code code = store->codebook().ensureCode(QStringLiteral("Claim"));
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->annotations().add({id, 2, 9, {code.id}, {}, {}}));
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->annotations().add({id, 3, 3, {code.id}, {}, {}}));
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->annotations().add({id + 5, 0, 1, {code.id}, {}, {}}));
    // An unknown code rolls back the annotation and the new coder with it.
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->annotations().add({id, 0, 2, {code.id, 999}, QStringLiteral("ghost"), {}}));
    QCOMPARE(store->annotations().count(), 0);
    QVERIFY(store->coders().all().isEmpty());
    // The whole text is a valid span.
    QCOMPARE(store->annotations().add({id, 0, 5, {code.id}, {}, {}}).quote, QStringLiteral("short"));
    // A batch over two articles and two coders: the code the second names
    // is unknown, so neither is stored, nor the new coder, and the message
    // names the code.
    const qint64 other = store->articles().add(sampleArticle(QStringLiteral("longer text"))).id;
    try {
        store->annotations().addMany({{id, 0, 2, {code.id}, QStringLiteral("ana"), {}},
                                      {other, 0, 6, {998}, QStringLiteral("ben"), {}}});
        QFAIL("an unknown code was accepted");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QLatin1String("no code with id 998")), qPrintable(e.message()));
    }
    QCOMPARE(store->annotations().count(), 1);
    QCOMPARE(store->coders().all().size(), 1);
    // The same batch with known codes: each annotation with its coder and
    // its article's quote.
    const QList<qint64> made
        = store->annotations().addMany({{id, 0, 2, {code.id}, QStringLiteral("ana"), {}},
                                        {other, 0, 6, {code.id}, QStringLiteral("ben"), {}}});
    QCOMPARE(store->annotations().get(made[0])->coderName, QStringLiteral("ana"));
    QCOMPARE(store->annotations().get(made[0])->quote, QStringLiteral("sh"));
    QCOMPARE(store->annotations().get(made[1])->coderName, QStringLiteral("ben"));
    QCOMPARE(store->annotations().get(made[1])->quote, QStringLiteral("longer"));
}

void TestStore::annotationsComeInReadingOrder()
{
    auto store = ProjectSession::open(path(QStringLiteral("order.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    const qint64 first = store->articles().add(sampleArticle()).id;
    const qint64 second = store->articles().add(sampleArticle(QStringLiteral("Another text."))).id;
    const Code code = store->codebook().ensureCode(QStringLiteral("Claim"));
    // Stored out of order: by start, then end, then id is how they come back.
    const QList<qint64> ids = store->annotations().addMany({{second, 0, 3, {code.id}, {}, {}},
                                                     {first, 0, 10, {code.id}, {}, {}},
                                                     {first, 2, 5, {code.id}, {}, {}},
                                                     {first, 0, 4, {code.id}, {}, {}},
                                                     {first, 0, 4, {code.id}, {}, {}}});
    const auto idsOf = [](const QList<Annotation> &list) {
        QList<qint64> result;
        for (const Annotation &a : list)
            result.append(a.id);
        return result;
    };
    const QList<qint64> firstInOrder{ids[3], ids[4], ids[1], ids[2]};
    QCOMPARE(idsOf(store->annotations().forArticle(first)), firstInOrder);
    QCOMPARE(idsOf(store->annotations().all()), firstInOrder + QList<qint64>{ids[0]});
    QCOMPARE(idsOf(store->annotations().forCode(code.id)), idsOf(store->annotations().all()));
}

void TestStore::removeAndRestoreKeepId()
{
    auto store = ProjectSession::open(path(QStringLiteral("undo.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    const qint64 id = store->articles().add(sampleArticle()).id;
    const Code a = store->codebook().ensureCode(QStringLiteral("A"));
    const Code b = store->codebook().ensureCode(QStringLiteral("B"));
    QSignalSpy changed(store.get(), &ProjectSession::changed);
    const Annotation made = store->annotations().add({id, 4, 12, {a.id, b.id}, {}, QStringLiteral("why")});
    QCOMPARE(made.codeIds, (QList<qint64>{a.id, b.id}));
    const AnnotationRecord removed = store->annotations().remove(made.id);
    QVERIFY(!store->annotations().get(made.id));
    store->annotations().restore(removed);
    const auto back = store->annotations().get(made.id);
    QVERIFY(back);
    QCOMPARE(back->quote, made.quote);
    QCOMPARE(back->codeIds, made.codeIds);
    QCOMPARE(back->note, QStringLiteral("why"));
    QCOMPARE(back->created, made.created);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.at(0).at(0).value<ChangeSet>().annotatedArticles(), QSet<qint64>{id});
    QCOMPARE(back->uuid, made.uuid);
}

void TestStore::libraryCountsFollowAnnotations()
{
    // The library's per-article counts are kept, not counted: every way in
    // and out of the annotations table must move them.
    auto store = ProjectSession::open(path(QStringLiteral("counts.framewise")),
                                      ProjectSession::OpenMode::CreateIfMissing);
    const qint64 first = store->articles().add(sampleArticle()).id;
    const qint64 second
        = store->articles().add(sampleArticle(QStringLiteral("Seoul answered with caution."))).id;
    const Code code = store->codebook().ensureCode(QStringLiteral("A"));
    auto counts = [&] {
        QList<int> out;
        for (const ArticleSummary &s : store->articles().summaries())
            out << s.annotationCount;
        return out;
    };
    QCOMPARE(counts(), (QList<int> {0, 0}));
    const Annotation one
        = store->annotations().add({first, 0, 3, {code.id}, QStringLiteral("ana"), {}});
    const QList<qint64> many
        = store->annotations().addMany({{first, 4, 8, {code.id}, QStringLiteral("ana"), {}},
                                        {second, 0, 5, {code.id}, QStringLiteral("ben"), {}},
                                        {second, 6, 14, {code.id}, QStringLiteral("ben"), {}}});
    QCOMPARE(many.size(), 3);
    QCOMPARE(counts(), (QList<int> {2, 2}));
    const AnnotationRecord removed = store->annotations().remove(one.id);
    QCOMPARE(counts(), (QList<int> {1, 2}));
    store->annotations().restore(removed);
    QCOMPARE(counts(), (QList<int> {2, 2}));
    const QList<AnnotationRecord> gone = store->annotations().removeMany(many);
    QCOMPARE(counts(), (QList<int> {1, 0}));
    QCOMPARE(store->articles().summaries(QList<qint64> {second}).constFirst().annotationCount, 0);
    store->annotations().restoreMany(gone);
    QCOMPARE(counts(), (QList<int> {2, 2}));
    // Deleting an article takes its annotations and its count with it.
    store->articles().remove({second});
    QCOMPARE(counts(), (QList<int> {2}));
    QSqlQuery left(store->database().connection());
    QVERIFY(left.exec(QStringLiteral("SELECT count(*) FROM article_counts WHERE article_id = %1").arg(second)));
    QVERIFY(left.next());
    QCOMPARE(left.value(0).toInt(), 0);
}

void TestStore::searchCoversIndexedArticles()
{
    auto store = ProjectSession::open(path(QStringLiteral("fts.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    store->articles().add(sampleArticle(QStringLiteral("Kim praised the Soviet victory at Kursk.")));
    store->articles().add(sampleArticle(QStringLiteral("Seoul answered with caution.")));
    // Stored at once, searchable once indexed.
    QCOMPARE(store->articles().search(QStringLiteral("kursk")).size(), 0);
    QCOMPARE(store->articles().unindexedCount(), 2);
    QCOMPARE(SearchIndexer::catchUp(*store), 2);
    QCOMPARE(store->articles().unindexedCount(), 0);
    auto hits = store->articles().search(QStringLiteral("kursk"));
    QCOMPARE(hits.size(), 1);
    QVERIFY(hits[0].snippet.contains(QChar(2)));
    QCOMPARE(store->articles().search(QStringLiteral("caut*")).size(), 1);
    // Punctuation in what users type never breaks the query.
    QCOMPARE(store->articles().search(QStringLiteral("\"Kursk) (")).size(), 1);
    QCOMPARE(store->articles().search(QStringLiteral("   ")).size(), 0);
    // Accents do not matter, either way round.
    store->articles().add(sampleArticle(QStringLiteral("Talks at the Café Pushkin went on.")));
    SearchIndexer::catchUp(*store);
    QCOMPARE(store->articles().search(QStringLiteral("cafe")).size(), 1);
    QCOMPARE(store->articles().search(QStringLiteral("CAFÉ")).size(), 1);
}

void TestStore::codebookAndCoders()
{
    auto store = ProjectSession::open(path(QStringLiteral("codes.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    Category claim;
    claim.name = QStringLiteral("Claim");
    claim.kind = Category::Kind::Claim;
    const qint64 cat = store->codebook().addCategory(claim);
    Code parent;
    parent.categoryId = cat;
    parent.name = QStringLiteral("Factual claim");
    parent.shortcut = QStringLiteral("1");
    const qint64 parentId = store->codebook().addCode(parent);
    Code child;
    child.categoryId = cat;
    child.parentId = parentId;
    child.name = QStringLiteral("Statistic");
    store->codebook().addCode(child);
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->codebook().addCode(child)); // names are unique
    const auto codes = store->codebook().codes();
    QCOMPARE(codes.size(), 2);
    QCOMPARE(codes[1].parentId, parentId);
    QVERIFY(!codes[0].colour.isEmpty());
    QCOMPARE(store->codebook().codeByName(QStringLiteral("statistic"))->id, codes[1].id);
    // ensureCode puts an unknown code into Custom.
    const Code custom = store->codebook().ensureCode(QStringLiteral("New one"));
    QCOMPARE(store->codebook().categoryByName(QStringLiteral("Custom"))->id, custom.categoryId);
    QCOMPARE(store->codebook().ensureCode(QStringLiteral("New one")).id, custom.id);
    QCOMPARE(store->coders().ensure(QStringLiteral("ana")), store->coders().ensure(QStringLiteral("ana")));
    QCOMPARE(store->coders().all().size(), 1);
}

void TestStore::actorsAndMemos()
{
    auto store = ProjectSession::open(path(QStringLiteral("actors.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    kim.aliases = {QStringLiteral("Kim"), QStringLiteral("the leader")};
    const qint64 id = store->actors().add(kim);
    const auto actors = store->actors().all();
    QCOMPARE(actors.size(), 1);
    QCOMPARE(actors[0].id, id);
    QCOMPARE(actors[0].aliases.size(), 2);
    Memo memo;
    memo.target = Memo::Target::Actor;
    memo.targetId = id;
    memo.body = QStringLiteral("Speaks of Kursk as if of Pyongyang.");
    store->memos().add(memo);
    QCOMPARE(store->memos().all().size(), 1);
    QCOMPARE(store->memos().all()[0].target, Memo::Target::Actor);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
