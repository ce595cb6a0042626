// Full-text indexing after import (schema version 5): articles are stored at
// once and indexed afterwards, in the caller's thread or in the background,
// and search never sees a half-indexed or stale article.
#include "RawSql.h"
#include "TestProject.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"
#include "store/SqliteDialect.h"
#include "text/SearchTerms.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

class TestSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { REQUIRE_BACKEND(m_project); }
    void migratesFromVersion4();
    void catchUpInChunksWithProgress();
    void stopsWhenAsked();
    void deletingAndRenamingKeepTheIndexExact();
    void backgroundIndexerWhileTheAppWrites();
    void userCommitsWaitLittleForTheIndexer();
    void backgroundIndexerReportsAProjectItCannotOpen();
    void chineseAndJapaneseAreFoundInsideRuns();
    void rankingIsFts5Bm25();
    void snippetsFindWordsDeepInLongTexts();

private:
    QString path(const QString &name) { return m_project.location(name); }
    static Article article(const QString &title, const QString &text);
    static bool indexIsConsistent(const QString &file);

    TestProject m_project;
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
    if (TestProject::onPostgres()) {
        const QVariant stale = RawSql::scalar(
            file, QStringLiteral("SELECT count(*) FROM articles a LEFT JOIN article_search s "
                                 "ON s.article_id = a.id WHERE s.search IS DISTINCT FROM "
                                 "framewise_search_document(a.title, a.text)"));
        return RawSql::scalar(file, QStringLiteral("SELECT count(*) FROM fts_pending")).toInt() == 0
            && stale.isValid() && stale.toInt() == 0;
    }
    return RawSql::scalar(file, QStringLiteral("SELECT count(*) FROM fts_pending")).toInt() == 0
        && RawSql::scalar(file, QStringLiteral("INSERT INTO articles_fts(articles_fts, rank) "
                                               "VALUES ('integrity-check', 1) RETURNING 1"))
               .isValid();
}

void TestSearchIndex::migratesFromVersion4()
{
    if (TestProject::onPostgres())
        QSKIP("SQLite project file versions; PostgreSQL projects start at version 10");
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
    const int n = SearchIndexer::firstChunk * 5 + 7;
    QList<Article> articles;
    for (int i = 0; i < n; ++i)
        articles << article(QStringLiteral("No. %1").arg(i), QStringLiteral("Dispatch %1 on sanctions").arg(i));
    store->articles().addMany(articles);
    QCOMPARE(store->articles().unindexedCount(), n);

    QList<QPair<int, int>> steps;
    QCOMPARE(SearchIndexer::catchUp(*store, [&](int done, int total) { steps.append({done, total}); }), n);
    // Several chunks, the first of the starting size, counting up to n.
    QVERIFY(steps.size() >= 2);
    QCOMPARE(steps.constFirst(), (QPair<int, int>{SearchIndexer::firstChunk, n}));
    for (qsizetype i = 1; i < steps.size(); ++i) {
        QVERIFY(steps[i].first > steps[i - 1].first);
        QCOMPARE(steps[i].second, n);
    }
    QCOMPARE(steps.constLast().first, n);
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
    for (int i = 0; i < SearchIndexer::firstChunk + 1; ++i)
        articles << article(QStringLiteral("No. %1").arg(i), QStringLiteral("Report %1").arg(i));
    store->articles().addMany(articles);
    int calls = 0;
    const int indexed = SearchIndexer::catchUp(*store, {}, [&calls] { return calls++ > 0; });
    // One chunk, committed; the rest still waits and is not lost.
    QCOMPARE(indexed, SearchIndexer::firstChunk);
    QCOMPARE(store->articles().unindexedCount(), 1);
    QCOMPARE(store->articles().search(QStringLiteral("report"), 1000).size(), SearchIndexer::firstChunk);
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
    QStringList tamper;
    if (!TestProject::onPostgres())
        tamper << QStringLiteral("PRAGMA foreign_keys = ON");
    RawSql::run(
        file,
        tamper
            + QStringList {QStringLiteral("DELETE FROM articles WHERE id IN (%1, %2)")
                               .arg(indexedId)
                               .arg(waitingId),
                           QStringLiteral("UPDATE articles SET title = 'New title' WHERE id = %1")
                               .arg(renamedId),
                           QStringLiteral("UPDATE articles SET title = 'Final' WHERE id = %1")
                               .arg(waitingRenamedId)});
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
    for (int i = 0; i < SearchIndexer::firstChunk * 4; ++i)
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
    QCOMPARE(store->articles().search(QStringLiteral("peninsula"), 10000).size(), SearchIndexer::firstChunk * 4 + 20);
    store.reset();
    QVERIFY(indexIsConsistent(file));
}

void TestSearchIndex::userCommitsWaitLittleForTheIndexer()
{
    // A big backlog indexed in the background while the user codes: the
    // user's commits seldom wait for the indexer's lock, and never long.
    // Chunks aim at 10 ms and the indexer lets waiting writers go first, so
    // nine commits in ten wait under 50 ms; the worst case allows for a
    // loaded machine descheduling the indexer while it holds the lock (the
    // old fixed 150-article chunks held it 300 ms on every chunk, failing
    // the first bound).
    const QString file = path(QStringLiteral("wait.framewise"));
    auto store = ProjectSession::open(file, ProjectSession::OpenMode::CreateIfMissing);
    QList<Article> articles;
    for (int i = 0; i < 8000; ++i) {
        QString text;
        for (int s = 0; s < 40; ++s)
            text += QStringLiteral("Statement %1 by delegate %2 on peninsula security, item %3. ").arg(i).arg(s).arg(i * 40 + s);
        articles << article(QStringLiteral("No. %1").arg(i), text);
    }
    store->articles().addMany(articles);
    const qint64 code = store->codebook().ensureCode(QStringLiteral("Claim")).id;
    SearchIndexer indexer(file);
    QSignalSpy progress(&indexer, &SearchIndexer::progress);
    indexer.start();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 20000);
    double worst = 0, slowestCommit = 0;
    int commits = 0;
    QList<double> waits;
    while (indexer.isRunning() && commits < 60) {
        NewAnnotation n;
        n.articleId = 1 + commits;
        n.start = 0;
        n.end = 9;
        n.codeIds = {code};
        QElapsedTimer timer;
        timer.start();
        store->annotations().add(n);
        slowestCommit = qMax(slowestCommit, double(timer.nsecsElapsed()) / 1e6);
        worst = qMax(worst, store->database().lastLockWait());
        waits.append(store->database().lastLockWait());
        ++commits;
        QTest::qWait(7); // a user's pace, and time for the indexer to take the lock again
    }
    QVERIFY(indexer.wait(120000));
    std::sort(waits.begin(), waits.end());
    const double p90 = waits.isEmpty() ? 0 : waits.at(int(waits.size() * 9 / 10));
    qInfo("%d commits while indexing; waits for the lock: 90th percentile %.1f ms, longest %.1f ms; "
          "the slowest commit in all %.1f ms", commits, p90, worst, slowestCommit);
    QVERIFY2(commits >= 20, qPrintable(QStringLiteral("only %1 commits while indexing").arg(commits)));
    QVERIFY2(p90 <= 50, qPrintable(QStringLiteral("one commit in ten waited %1 ms or more").arg(p90)));
    QVERIFY2(worst <= 250, qPrintable(QStringLiteral("a commit waited %1 ms for the lock").arg(worst)));
    QCOMPARE(store->articles().unindexedCount(), 0);
}

void TestSearchIndex::backgroundIndexerReportsAProjectItCannotOpen()
{
    const QString file = path(QStringLiteral("missing.framewise"));
    SearchIndexer indexer(file);
    QSignalSpy failed(&indexer, &SearchIndexer::failed);
    indexer.start();
    QVERIFY(indexer.wait(10000));
    QTRY_COMPARE(failed.size(), 1);
    const QString message = failed.constFirst().constFirst().toString();
    if (TestProject::onPostgres()) {
        // An empty database: named, and left empty.
        QVERIFY2(message.contains(file) && message.contains(QStringLiteral("empty")),
                 qPrintable(message));
        QCOMPARE(
            RawSql::scalar(
                file, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .toInt(),
            0);
        return;
    }
    QVERIFY(message.contains(QStringLiteral("missing.framewise")));
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

// A project file ranks hits with Bm25Ranking's function, which keeps the
// articles' lengths in memory: its scores equal FTS5's bm25() to the last
// bit, its hits and snippets are those of ORDER BY bm25(), and so they stay
// after the index changes (a text rewritten keeps its rowid and changes its
// length; new articles change every IDF and the average length).
void TestSearchIndex::rankingIsFts5Bm25()
{
    if (TestProject::onPostgres())
        QSKIP("FTS5's bm25(); PostgreSQL ranks with ts_rank (tst_store, tst_pg_open)");
    auto store = ProjectSession::open(path(QStringLiteral("bm25.framewise")),
                                      ProjectSession::OpenMode::CreateIfMissing);
    const QStringList words = {QStringLiteral("government"), QStringLiteral("minister"),
                               QStringLiteral("Pyongyang"),  QStringLiteral("talks"),
                               QStringLiteral("Kursk"),      QStringLiteral("the"),
                               QStringLiteral("prime"),      QStringLiteral("security")};
    QList<Article> articles;
    for (int i = 0; i < 300; ++i) {
        // Lengths from 3 to 151 words, each word at its own rate.
        QStringList text;
        for (int w = 0; w < 3 + (i * 37) % 149; ++w)
            text << words[size_t((w * w + i * 7 + w / 3) % words.size())];
        articles << article(QStringLiteral("Dispatch %1 %2").arg(i).arg(words[i % 8]),
                            text.join(QLatin1Char(' ')) + QLatin1Char('.'));
    }
    store->articles().addMany(articles);
    QCOMPARE(store->articles().count(), 300);
    SearchIndexer::catchUp(*store);

    const QStringList queries = {QStringLiteral("minister"), QStringLiteral("government minister"),
                                 QStringLiteral("gov* kursk"), QStringLiteral("\"prime minister\""),
                                 QStringLiteral("pyongyang talks security")};
    const auto check = [&](const char *when) {
        for (const QString &query : queries) {
            const QString match = SqliteDialect().matchExpression(SearchTerms::parse(query));
            QSqlQuery q(store->database().connection());
            QVERIFY(q.prepare(QStringLiteral(
                "WITH s AS MATERIALIZED (SELECT framewise_bm25(articles_fts) = "
                "bm25(articles_fts) AS same FROM articles_fts WHERE articles_fts MATCH ?) "
                "SELECT count(*), sum(same) FROM s")));
            q.addBindValue(match);
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            QVERIFY2(q.value(0).toInt() > 20, qPrintable(query + QLatin1Char(' ') + q.value(0).toString()));
            QVERIFY2(q.value(1).toInt() == q.value(0).toInt(),
                     qPrintable(QStringLiteral("%1, %2: %3 of %4 scores equal")
                                    .arg(QLatin1String(when), query)
                                    .arg(q.value(1).toInt())
                                    .arg(q.value(0).toInt())));
            QVERIFY(q.prepare(QStringLiteral(
                "SELECT rowid, title, snippet(articles_fts, 1, char(2), char(3), '…', 16) "
                "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), rowid "
                "LIMIT 40")));
            q.addBindValue(match);
            QVERIFY(q.exec());
            QStringList expected, found;
            while (q.next())
                expected << q.value(0).toString() + QLatin1Char('|') + q.value(1).toString()
                        + QLatin1Char('|') + q.value(2).toString();
            for (const ArticleSearchHit &hit : store->articles().search(query, 40))
                found << QString::number(hit.articleId) + QLatin1Char('|') + hit.title
                        + QLatin1Char('|') + hit.snippet;
            QCOMPARE(found, expected);
        }
    };
    check("indexed");
    if (QTest::currentTestFailed())
        return;
    const Article third = *store->articles().get(3);
    store->articles().rewriteText(
        {third.id, third.text + QStringLiteral(" minister minister government"), {}, third.text, {}});
    check("a text rewritten");
    if (QTest::currentTestFailed())
        return;
    store->articles().addMany({article(QStringLiteral("Late"), QStringLiteral("minister talks.")),
                               article(QStringLiteral("Later"), QStringLiteral("minister"))});
    SearchIndexer::catchUp(*store);
    check("articles added");
}

// The snippet shows the first word of the query where it is, also deep in
// a long text (PostgreSQL's headline is made from a window of the text
// around it), and where only a variant of it is there ("Café" for "cafe",
// which the window's plain lookup misses: the whole text).
void TestSearchIndex::snippetsFindWordsDeepInLongTexts()
{
    auto store = ProjectSession::open(path(QStringLiteral("deep.framewise")),
                                      ProjectSession::OpenMode::CreateIfMissing);
    const QString filler
        = QStringLiteral("The delegations met again on Monday and agreed to keep talking. ");
    store->articles().add(
        article(QStringLiteral("Long"),
                filler.repeated(60) + QStringLiteral("Kim praised the Soviet victory at Kursk. ")
                    + filler.repeated(20) + QStringLiteral("Talks at the Café Pushkin went on. ")
                    + filler.repeated(20)));
    store->articles().add(article(QStringLiteral("Short"), QStringLiteral("Seoul waited.")));
    SearchIndexer::catchUp(*store);
    QList<ArticleSearchHit> hits = store->articles().search(QStringLiteral("kursk"));
    QCOMPARE(hits.size(), 1);
    QVERIFY2(hits.constFirst().snippet.contains(QStringLiteral("at \u0002Kursk\u0003")),
             qPrintable(hits.constFirst().snippet));
    hits = store->articles().search(QStringLiteral("kursk victory"));
    QCOMPARE(hits.size(), 1);
    QVERIFY2(hits.constFirst().snippet.contains(QStringLiteral("\u0002victory\u0003 at \u0002Kursk\u0003")),
             qPrintable(hits.constFirst().snippet));
    hits = store->articles().search(QStringLiteral("cafe pushkin"));
    QCOMPARE(hits.size(), 1);
    QVERIFY2(hits.constFirst().snippet.contains(QStringLiteral("\u0002Café\u0003 \u0002Pushkin\u0003")),
             qPrintable(hits.constFirst().snippet));
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
