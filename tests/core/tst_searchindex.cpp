// Full-text indexing after import (schema version 5): articles are stored at
// once and indexed afterwards, in the caller's thread or in the background,
// and search never sees a half-indexed or stale article.
#include "RawSql.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"
#include "store/SqliteDialect.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migratesFromVersion4();
    void catchUpInChunksWithProgress();
    void stopsWhenAsked();
    void deletingAndRenamingKeepTheIndexExact();
    void backgroundIndexerWhileTheAppWrites();
    void backgroundIndexerReportsAProjectItCannotOpen();
    void chineseAndJapaneseAreFoundInsideRuns();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static Article article(const QString &title, const QString &text);
    static bool indexIsConsistent(const QString &file);

    QTemporaryDir m_dir;
};

Article TestSearchIndex::article(const QString &title, const QString &text)
{
    Article a;
    a.title = title;
    a.text = text;
    a.origin = QStringLiteral("test");
    return a;
}

bool TestSearchIndex::indexIsConsistent(const QString &file)
{
    // Checks the index against the articles table itself (rank 1), so an
    // entry missing, extra or stale for any indexed article fails it.
    return RawSql::scalar(file, QStringLiteral("SELECT count(*) FROM fts_pending")).toInt() == 0
        && RawSql::scalar(file, QStringLiteral("INSERT INTO articles_fts(articles_fts, rank) "
                                               "VALUES ('integrity-check', 1) RETURNING 1"))
               .isValid();
}

void TestSearchIndex::migratesFromVersion4()
{
    // A version 4 project: its articles were indexed by the old triggers.
    const QString file = path(QStringLiteral("v4.framewise"));
    QStringList v4;
    for (int v = 1; v <= 4; ++v)
        v4 += SqliteDialect().migrationTo(v);
    v4 << SqliteDialect::setApplicationId() << SqliteDialect().writeVersion(4)
       << QStringLiteral("INSERT INTO articles(title, text, content_hash, imported_at) VALUES "
                         "('Old', 'Pyongyang praised Moscow', 'h1', '2026-01-01T00:00:00.000Z')");
    RawSql::run(file, v4);
    {
        auto store = ProjectSession::open(file);
        QCOMPARE(store->schemaVersion(), SqliteDialect::currentVersion);
        // What was searchable stays searchable; nothing waits.
        QCOMPARE(store->articles().unindexedCount(), 0);
        QCOMPARE(store->articles().search(QStringLiteral("pyongyang")).size(), 1);
        // New articles now wait for the indexer.
        store->articles().add(article(QStringLiteral("New"), QStringLiteral("Seoul answered Pyongyang")));
        QCOMPARE(store->articles().unindexedCount(), 1);
        QCOMPARE(store->articles().search(QStringLiteral("pyongyang")).size(), 1);
        QCOMPARE(SearchIndexer::catchUp(*store), 1);
        QCOMPARE(store->articles().search(QStringLiteral("pyongyang")).size(), 2);
    }
    QVERIFY(indexIsConsistent(file));
}

void TestSearchIndex::catchUpInChunksWithProgress()
{
    auto store = ProjectSession::open(path(QStringLiteral("chunks.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    const int n = SearchIndexer::chunkSize * 2 + 7;
    QList<Article> articles;
    for (int i = 0; i < n; ++i)
        articles << article(QStringLiteral("No. %1").arg(i), QStringLiteral("Dispatch %1 on sanctions").arg(i));
    store->articles().addMany(articles);
    QCOMPARE(store->articles().unindexedCount(), n);

    QList<QPair<int, int>> steps;
    QCOMPARE(SearchIndexer::catchUp(*store, [&](int done, int total) { steps.append({done, total}); }), n);
    const QList<QPair<int, int>> expected = {
        {SearchIndexer::chunkSize, n}, {2 * SearchIndexer::chunkSize, n}, {n, n}};
    QCOMPARE(steps, expected);
    QCOMPARE(store->articles().search(QStringLiteral("sanctions"), n + 10).size(), n);
    QCOMPARE(store->articles().search(QStringLiteral("\"Dispatch 17\"")).size(), 1);
    QCOMPARE(SearchIndexer::catchUp(*store), 0);
    store.reset();
    QVERIFY(indexIsConsistent(path(QStringLiteral("chunks.framewise"))));
}

void TestSearchIndex::stopsWhenAsked()
{
    auto store = ProjectSession::open(path(QStringLiteral("stop.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    QList<Article> articles;
    for (int i = 0; i < SearchIndexer::chunkSize + 1; ++i)
        articles << article(QStringLiteral("No. %1").arg(i), QStringLiteral("Report %1").arg(i));
    store->articles().addMany(articles);
    int calls = 0;
    const int indexed = SearchIndexer::catchUp(*store, {}, [&calls] { return calls++ > 0; });
    // One chunk, committed; the rest still waits and is not lost.
    QCOMPARE(indexed, SearchIndexer::chunkSize);
    QCOMPARE(store->articles().unindexedCount(), 1);
    QCOMPARE(store->articles().search(QStringLiteral("report"), 1000).size(), SearchIndexer::chunkSize);
    QCOMPARE(SearchIndexer::catchUp(*store), 1);
}

void TestSearchIndex::deletingAndRenamingKeepTheIndexExact()
{
    // The app never deletes or renames articles yet, but another program
    // may: an article still waiting must not be "deleted" from an index it
    // is not in (that corrupts FTS5), an indexed one must leave it.
    const QString file = path(QStringLiteral("triggers.framewise"));
    qint64 indexedId = 0, renamedId = 0, waitingId = 0, waitingRenamedId = 0;
    {
        auto store = ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
        indexedId = store->articles().add(article(QStringLiteral("Indexed"), QStringLiteral("alpha bravo"))).id;
        renamedId = store->articles().add(article(QStringLiteral("Old title"), QStringLiteral("charlie delta"))).id;
        SearchIndexer::catchUp(*store);
        waitingId = store->articles().add(article(QStringLiteral("Waiting"), QStringLiteral("alpha echo"))).id;
        waitingRenamedId = store->articles().add(article(QStringLiteral("Draft"), QStringLiteral("foxtrot"))).id;
    }
    RawSql::run(file, {QStringLiteral("PRAGMA foreign_keys = ON"),
                       QStringLiteral("DELETE FROM articles WHERE id IN (%1, %2)").arg(indexedId).arg(waitingId),
                       QStringLiteral("UPDATE articles SET title = 'New title' WHERE id = %1").arg(renamedId),
                       QStringLiteral("UPDATE articles SET title = 'Final' WHERE id = %1").arg(waitingRenamedId)});
    auto store = ProjectSession::open(file);
    QCOMPARE(store->articles().unindexedCount(), 1);
    QCOMPARE(SearchIndexer::catchUp(*store), 1);
    QVERIFY(store->articles().search(QStringLiteral("alpha")).isEmpty());
    QVERIFY(store->articles().search(QStringLiteral("old")).isEmpty());
    const auto renamed = store->articles().search(QStringLiteral("new"));
    QCOMPARE(renamed.size(), 1);
    QCOMPARE(renamed[0].articleId, renamedId);
    const auto finalHits = store->articles().search(QStringLiteral("final"));
    QCOMPARE(finalHits.size(), 1);
    QCOMPARE(finalHits[0].articleId, waitingRenamedId);
    store.reset();
    QVERIFY(indexIsConsistent(file));
}

void TestSearchIndex::backgroundIndexerWhileTheAppWrites()
{
    const QString file = path(QStringLiteral("background.framewise"));
    auto store = ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
    QList<Article> articles;
    for (int i = 0; i < SearchIndexer::chunkSize * 4; ++i)
        articles << article(QStringLiteral("No. %1").arg(i),
                            QStringLiteral("Statement %1 on the Korean peninsula. ").arg(i).repeated(20));
    store->articles().addMany(articles);

    SearchIndexer indexer(file);
    QSignalSpy progress(&indexer, &SearchIndexer::progress);
    QSignalSpy failed(&indexer, &SearchIndexer::failed);
    QSignalSpy finished(&indexer, &QThread::finished);
    indexer.start();
    // The app keeps storing articles while the indexer runs: every write
    // waits its turn for the lock and none is lost.
    for (int i = 0; i < 20; ++i)
        store->articles().add(article(QStringLiteral("Late %1").arg(i), QStringLiteral("Late peninsula news %1").arg(i)));
    QVERIFY(finished.wait(60000) || indexer.isFinished());
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().toString()));
    QVERIFY(!progress.isEmpty());
    // Articles added after the indexer's last count are picked up next time.
    SearchIndexer::catchUp(*store);
    QCOMPARE(store->articles().unindexedCount(), 0);
    QCOMPARE(store->articles().search(QStringLiteral("peninsula"), 10000).size(), SearchIndexer::chunkSize * 4 + 20);
    store.reset();
    QVERIFY(indexIsConsistent(file));
}

void TestSearchIndex::backgroundIndexerReportsAProjectItCannotOpen()
{
    const QString file = path(QStringLiteral("missing.framewise"));
    SearchIndexer indexer(file);
    QSignalSpy failed(&indexer, &SearchIndexer::failed);
    indexer.start();
    QVERIFY(indexer.wait(10000));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("missing.framewise")));
    QVERIFY(!QFile::exists(file));
}

void TestSearchIndex::chineseAndJapaneseAreFoundInsideRuns()
{
    // unicode61 keeps 我爱北京天安门 as one token: 北京 would never match it.
    auto store = ProjectSession::open(path(QStringLiteral("cjk.framewise")), ProjectSession::OpenMode::CreateIfMissing);
    const qint64 once = store->articles().add(article(QStringLiteral("新华社"), QStringLiteral("我爱北京天安门。Pyongyang noted it."))).id;
    const qint64 twice = store->articles().add(article(QStringLiteral("人民日报"), QStringLiteral("北京说，北京会回应。"))).id;
    const qint64 japanese = store->articles().add(article(QStringLiteral("朝日"), QStringLiteral("北朝鮮の記者が報じた。"))).id;
    store->articles().add(article(QStringLiteral("Korean"), QStringLiteral("평양 기자가 보도했다.")));
    // Found by a scan: even before indexing.
    QCOMPARE(store->articles().unindexedCount(), 4);
    auto hits = store->articles().search(QStringLiteral("北京"));
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits[0].articleId, twice); // more of the text is the term
    QCOMPARE(hits[1].articleId, once);
    QCOMPARE(hits[1].snippet, QStringLiteral("我爱\u0002北京\u0003天安门。Pyongyang noted it."));
    QCOMPARE(store->articles().search(QStringLiteral("記者")).constFirst().articleId, japanese);
    // Titles count too; every term must occur.
    QCOMPARE(store->articles().search(QStringLiteral("新华社 天安门")).size(), 1);
    QVERIFY(store->articles().search(QStringLiteral("北京 記者")).isEmpty());
    // With other words, those go through the index.
    SearchIndexer::catchUp(*store);
    QCOMPARE(store->articles().search(QStringLiteral("北京 pyongyang")).size(), 1);
    QCOMPARE(store->articles().search(QStringLiteral("北京 pyong*")).constFirst().articleId, once);
    QVERIFY(store->articles().search(QStringLiteral("北京 seoul")).isEmpty());
    // Korean is written with spaces: the index finds its words.
    QCOMPARE(store->articles().search(QStringLiteral("평양")).size(), 1);
    QCOMPARE(store->articles().search(QStringLiteral("北京"), 1).size(), 1);
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
