// Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom parsing, discovery, refresh with
// conditional GET, one broken feed among good ones, OPML, add to corpus.
// Everything is served by a local server on 127.0.0.1 started here.
#include "TestData.h"
#include "TestHttpServer.h"
#include "TestProject.h"
#include "feeds/FeedDiscovery.h"
#include "feeds/FeedItemImporter.h"
#include "feeds/FeedParser.h"
#include "feeds/FeedUpdater.h"
#include "feeds/OpmlFile.h"
#include "store/ProjectSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestFeeds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void parsesRss2();
    void parsesRdf();
    void parsesAtom();
    void malformedXmlIsAnError_data();
    void malformedXmlIsAnError();
    void discoversFeedsInPage();
    void subscribesThroughSitePage();
    void brokenFeedIsIsolated();
    void conditionalGet();
    void unreadCountsAndMarkRead();
    void opmlRoundTrip();
    void opmlNestedFoldersAndErrors();
    void addToCorpusUsesFeedMetadata();
    void foldersKeepFeedsWhenRemoved();

private:
    qint64 subscribe(FeedUpdater &updater, const QString &path, QString *error = nullptr);

    TestHttpServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
};

void TestFeeds::initTestCase()
{
    QVERIFY(m_server.start());
    m_server.serveFixture(QStringLiteral("/feeds/rss2.xml"), QStringLiteral("feeds/rss2.xml"),
                          "application/rss+xml; charset=utf-8");
    m_server.serveFixture(QStringLiteral("/feeds/rdf.xml"), QStringLiteral("feeds/rdf.xml"),
                          "application/rdf+xml");
    m_server.serveFixture(QStringLiteral("/feeds/atom.xml"), QStringLiteral("feeds/atom.xml"),
                          "application/atom+xml");
    // Served as text/xml, as many servers do.
    m_server.serveFixture(QStringLiteral("/feeds/broken.xml"), QStringLiteral("feeds/broken.xml"),
                          "text/xml");
    m_server.serveFixture(QStringLiteral("/site"), QStringLiteral("feeds/site.html"), "text/html");
    m_server.serveFixture(QStringLiteral("/world/2026/03/10/grain-corridor"),
                          QStringLiteral("feeds/article.html"), "text/html; charset=utf-8");
}

void TestFeeds::init()
{
    m_session.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("feeds.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
}

qint64 TestFeeds::subscribe(FeedUpdater &updater, const QString &path, QString *error)
{
    qint64 id = 0;
    QString message;
    auto c
        = connect(&updater, &FeedUpdater::subscribed, this, [&](qint64 feedId, const QString &e) {
              id = feedId;
              message = e;
          });
    updater.subscribe(m_server.url(path));
    updater.waitUntilIdle();
    disconnect(c);
    if (error)
        *error = message;
    return id;
}

void TestFeeds::parsesRss2()
{
    const ParsedFeed f
        = FeedParser::parse(TestData::read(QStringLiteral("feeds/rss2.xml")),
                            QUrl(QStringLiteral("https://news.example.org/world/rss.xml")));
    QVERIFY2(f.ok, qPrintable(f.error));
    QCOMPARE(f.format, ParsedFeed::Format::Rss2);
    QCOMPARE(f.title, QStringLiteral("The Daily Example – World"));
    QCOMPARE(f.siteUrl, QStringLiteral("https://news.example.org/world/"));
    QCOMPARE(f.items.size(), 3);
    const FeedItem &first = f.items[0];
    QCOMPARE(first.title, QStringLiteral("Ministers meet in Geneva over grain corridor"));
    // A relative link resolves against the feed's URL.
    QCOMPARE(first.url, QStringLiteral("https://news.example.org/world/2026/03/10/grain-corridor"));
    QCOMPARE(first.guid, QStringLiteral("dex-2026-0310-001"));
    QCOMPARE(first.author, QStringLiteral("Maria Ortega"));
    QCOMPARE(first.published, QStringLiteral("2026-03-10T08:30:00Z"));
    // HTML in the description becomes text; images are dropped.
    QCOMPARE(first.summary,
             QStringLiteral("Talks resumed on Tuesday & negotiators said a deal was close."));
    QCOMPARE(f.items[1].published, QStringLiteral("2026-03-09T17:05:00Z"));
    // RSS 2.0 <author> is "email (name)": the name is the author.
    QCOMPARE(f.items[1].author, QStringLiteral("World desk"));
    // No guid: the link identifies the item; an unknown zone keeps the day.
    QCOMPARE(f.items[2].guid, QStringLiteral("https://news.example.org/business/2026/03/08/rates"));
    QVERIFY2(f.items[2].published.startsWith(QLatin1String("2026-03-08")),
             qPrintable(f.items[2].published));
}

void TestFeeds::parsesRdf()
{
    const ParsedFeed f = FeedParser::parse(TestData::read(QStringLiteral("feeds/rdf.xml")));
    QVERIFY2(f.ok, qPrintable(f.error));
    QCOMPARE(f.format, ParsedFeed::Format::Rdf);
    QCOMPARE(f.title, QStringLiteral("Beispielzeitung"));
    QCOMPARE(f.description, QStringLiteral("Nachrichten aus München"));
    QCOMPARE(f.items.size(), 2);
    QCOMPARE(f.items[0].title, QStringLiteral("Stadtrat beschließt Haushalt"));
    // ISO-8859-1 declared in the XML declaration.
    QCOMPARE(f.items[0].summary,
             QStringLiteral("Der Stadtrat hat den Haushalt für 2026 beschlossen."));
    QCOMPARE(f.items[0].author, QStringLiteral("Jens Müller"));
    QCOMPARE(f.items[0].published, QStringLiteral("2026-03-10T07:45:00+01:00"));
    QCOMPARE(f.items[1].published, QStringLiteral("2026-03-09T00:00:00Z"));
    QCOMPARE(f.items[1].url, QStringLiteral("https://zeitung.example.de/politik/2"));
}

void TestFeeds::parsesAtom()
{
    const ParsedFeed f = FeedParser::parse(TestData::read(QStringLiteral("feeds/atom.xml")));
    QVERIFY2(f.ok, qPrintable(f.error));
    QCOMPARE(f.format, ParsedFeed::Format::Atom);
    QCOMPARE(f.title, QStringLiteral("Policy Watch"));
    QCOMPARE(f.siteUrl, QStringLiteral("https://blog.example.net/"));
    QCOMPARE(f.items.size(), 2);
    const FeedItem &post = f.items[0];
    QCOMPARE(post.title, QStringLiteral("Why framing matters"));
    QCOMPARE(post.url, QStringLiteral("https://blog.example.net/2026/03/framing"));
    QCOMPARE(post.guid, QStringLiteral("tag:blog.example.net,2026:post-42"));
    QCOMPARE(post.author, QStringLiteral("Ana Lima, Tom Berg"));
    QCOMPARE(post.published, QStringLiteral("2026-03-10T09:00:00+02:00"));
    QCOMPARE(post.summary, QStringLiteral("How the same event reads three ways."));
    // No summary: the HTML content's text; no <published>: <updated>.
    QCOMPARE(f.items[1].summary, QStringLiteral("One\nTwo"));
    QCOMPARE(f.items[1].published, QStringLiteral("2026-03-03T08:00:00Z"));
}

void TestFeeds::malformedXmlIsAnError_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("expected");
    QTest::newRow("broken file") << TestData::read(QStringLiteral("feeds/broken.xml")) << "line";
    QTest::newRow("truncated") << TestData::read(QStringLiteral("feeds/rss2.xml")).left(900)
                               << "truncated";
    QTest::newRow("html page") << TestData::read(QStringLiteral("feeds/site.html"))
                               << "not an RSS or Atom feed";
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << "";
}

void TestFeeds::malformedXmlIsAnError()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, expected);
    const ParsedFeed f = FeedParser::parse(xml);
    QVERIFY(!f.ok);
    QVERIFY(f.items.isEmpty());
    QVERIFY2(f.error.contains(expected), qPrintable(f.error));
}

void TestFeeds::discoversFeedsInPage()
{
    const QList<QUrl> feeds
        = FeedDiscovery::discover(TestData::read(QStringLiteral("feeds/site.html")),
                                  QUrl(QStringLiteral("https://news.example.org/")));
    QCOMPARE(feeds,
             (QList<QUrl> {QUrl(QStringLiteral("https://news.example.org/feeds/rss2.xml")),
                           QUrl(QStringLiteral("https://news.example.org/feeds/atom.xml"))}));
    QVERIFY(FeedDiscovery::looksLikeFeed(TestData::read(QStringLiteral("feeds/rdf.xml"))));
    QVERIFY(FeedDiscovery::looksLikeFeed(TestData::read(QStringLiteral("feeds/atom.xml"))));
    QVERIFY(!FeedDiscovery::looksLikeFeed(TestData::read(QStringLiteral("feeds/site.html"))));
}

void TestFeeds::subscribesThroughSitePage()
{
    FeedUpdater updater(*m_session);
    QString error;
    const qint64 id = subscribe(updater, QStringLiteral("/site"), &error);
    QVERIFY2(id, qPrintable(error));
    const auto feed = m_session->feeds().get(id);
    QVERIFY(feed);
    QCOMPARE(feed->url, m_server.url(QStringLiteral("/feeds/rss2.xml")).toString());
    QCOMPARE(feed->title, QStringLiteral("The Daily Example – World"));
    QCOMPARE(feed->unreadCount, 3);
    QCOMPARE(m_session->feeds().items(id).size(), 3);

    // A page that announces nothing says so.
    const qint64 none
        = subscribe(updater, QStringLiteral("/world/2026/03/10/grain-corridor"), &error);
    QCOMPARE(none, 0);
    QVERIFY2(error.contains(QLatin1String("no RSS or Atom feed")), qPrintable(error));
}

void TestFeeds::brokenFeedIsIsolated()
{
    TestHttpServer::Route gone;
    gone.status = 500;
    m_server.setRoute(QStringLiteral("/feeds/down.xml"), gone);
    TestHttpServer::Route slow;
    slow.contentType = "application/rss+xml";
    slow.body = TestData::read(QStringLiteral("feeds/rss2.xml"));
    slow.delayMs = 3000;
    m_server.setRoute(QStringLiteral("/feeds/slow.xml"), slow);

    QHash<QString, qint64> ids;
    for (const char *path : {"/feeds/rss2.xml", "/feeds/broken.xml", "/feeds/down.xml",
                             "/feeds/atom.xml", "/feeds/slow.xml", "/feeds/rdf.xml"}) {
        Feed f;
        f.url = m_server.url(QLatin1String(path)).toString();
        f.title = QLatin1String(path);
        ids.insert(QLatin1String(path), m_session->feeds().add(f));
    }
    FeedUpdater updater(*m_session);
    updater.setTimeoutMs(500);
    QSignalSpy refreshed(&updater, &FeedUpdater::feedRefreshed);
    updater.refresh();
    updater.waitUntilIdle();
    QCOMPARE(refreshed.size(), 6);

    const auto check = [&](const char *path, int items, const QString &error) {
        const auto feed = m_session->feeds().get(ids.value(QLatin1String(path)));
        QVERIFY(feed);
        QCOMPARE(m_session->feeds().items(feed->id).size(), items);
        if (error.isEmpty())
            QVERIFY2(feed->lastError.isEmpty(), qPrintable(feed->lastError));
        else
            QVERIFY2(feed->lastError.contains(error)
                         && feed->lastError.contains(QLatin1String(path)),
                     qPrintable(feed->lastError));
        QVERIFY(feed->lastFetched.isValid());
    };
    check("/feeds/rss2.xml", 3, {});
    check("/feeds/atom.xml", 2, {});
    check("/feeds/rdf.xml", 2, {});
    check("/feeds/broken.xml", 0, QStringLiteral("malformed XML"));
    check("/feeds/down.xml", 0, QStringLiteral("HTTP 500"));
    check("/feeds/slow.xml", 0, QStringLiteral("timed out"));
    // A good refresh renames the feed after its document.
    QCOMPARE(m_session->feeds().get(ids.value(QStringLiteral("/feeds/atom.xml")))->title,
             QStringLiteral("Policy Watch"));

    // A feed that breaks later keeps the items it had.
    m_server.setRoute(QStringLiteral("/feeds/rdf.xml"), gone);
    updater.refresh({ids.value(QStringLiteral("/feeds/rdf.xml"))});
    updater.waitUntilIdle();
    check("/feeds/rdf.xml", 2, QStringLiteral("HTTP 500"));
    m_server.serveFixture(QStringLiteral("/feeds/rdf.xml"), QStringLiteral("feeds/rdf.xml"),
                          "application/rdf+xml");
}

void TestFeeds::conditionalGet()
{
    TestHttpServer::Route route;
    route.contentType = "application/atom+xml";
    route.body = TestData::read(QStringLiteral("feeds/atom.xml"));
    route.etag = "\"v1\"";
    route.lastModified = "Tue, 10 Mar 2026 10:00:00 GMT";
    m_server.setRoute(QStringLiteral("/cond.xml"), route);
    FeedUpdater updater(*m_session);
    const qint64 id = subscribe(updater, QStringLiteral("/cond.xml"));
    QVERIFY(id);
    QCOMPARE(m_session->feeds().get(id)->etag, QStringLiteral("\"v1\""));
    QCOMPARE(m_session->feeds().get(id)->lastModified, QStringLiteral("Tue, 10 Mar 2026 10:00:00 GMT"));

    QSignalSpy refreshed(&updater, &FeedUpdater::feedRefreshed);
    updater.refresh({id});
    updater.waitUntilIdle();
    const auto headers = m_server.lastHeaders(QStringLiteral("/cond.xml"));
    QCOMPARE(headers.value("if-none-match"), QByteArray("\"v1\""));
    QCOMPARE(headers.value("if-modified-since"), QByteArray("Tue, 10 Mar 2026 10:00:00 GMT"));
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(refreshed[0][1].toInt(), 0); // 304: nothing new
    QCOMPARE(refreshed[0][2].toString(), QString());
    QCOMPARE(m_session->feeds().items(id).size(), 2);

    // A changed feed adds only the new entry.
    QByteArray changed = route.body;
    changed.replace("post-41", "post-43");
    m_server.route(QStringLiteral("/cond.xml")).body = changed;
    m_server.route(QStringLiteral("/cond.xml")).etag = "\"v2\"";
    updater.refresh({id});
    updater.waitUntilIdle();
    QCOMPARE(refreshed.size(), 2);
    QCOMPARE(refreshed[1][1].toInt(), 1);
    QCOMPARE(m_session->feeds().items(id).size(), 3);
    QCOMPARE(m_session->feeds().get(id)->etag, QStringLiteral("\"v2\""));

    // Scheduled: nothing is due right after a refresh.
    const int hits = m_server.hits(QStringLiteral("/cond.xml"));
    updater.refreshDue();
    updater.waitUntilIdle();
    QCOMPARE(m_server.hits(QStringLiteral("/cond.xml")), hits);
}

void TestFeeds::unreadCountsAndMarkRead()
{
    FeedUpdater updater(*m_session);
    const qint64 id = subscribe(updater, QStringLiteral("/feeds/rss2.xml"));
    QVERIFY(id);
    QCOMPARE(m_session->feeds().get(id)->unreadCount, 3);
    const auto items = m_session->feeds().items(id);
    QSignalSpy changed(m_session.get(), &ProjectSession::changed);
    m_session->feeds().setItemsRead({items[0].id, items[1].id}, true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_session->feeds().get(id)->unreadCount, 1);
    QVERIFY(m_session->feeds().item(items[0].id)->read);
    m_session->feeds().setItemsRead({items[0].id}, false);
    QCOMPARE(m_session->feeds().get(id)->unreadCount, 2);
    // A refresh does not bring read items back as unread.
    m_session->feeds().setItemsRead({items[0].id, items[1].id, items[2].id}, true);
    updater.refresh({id});
    updater.waitUntilIdle();
    QCOMPARE(m_session->feeds().get(id)->unreadCount, 0);
}

void TestFeeds::opmlRoundTrip()
{
    const qint64 news = m_session->feeds().ensureFolder(QStringLiteral("News & Politics"));
    Feed a;
    a.url = QStringLiteral("https://a.example/feed?x=1&y=2");
    a.title = QStringLiteral("A <feed>");
    a.siteUrl = QStringLiteral("https://a.example/");
    m_session->feeds().add(a);
    Feed b;
    b.url = QStringLiteral("https://b.example/rss");
    b.title = QStringLiteral("B");
    b.folderId = news;
    m_session->feeds().add(b);
    const QByteArray opml = OpmlFile::write(m_session->feeds().folders(), m_session->feeds().all());
    const auto read = OpmlFile::read(opml);
    QVERIFY(std::holds_alternative<QList<OpmlEntry>>(read));
    const auto entries = std::get<QList<OpmlEntry>>(read);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].url, a.url);
    QCOMPARE(entries[0].title, a.title);
    QCOMPARE(entries[0].siteUrl, a.siteUrl);
    QCOMPARE(entries[0].folder, QString());
    QCOMPARE(entries[1].url, b.url);
    QCOMPARE(entries[1].folder, QStringLiteral("News & Politics"));
}

void TestFeeds::opmlNestedFoldersAndErrors()
{
    const auto read = OpmlFile::read(TestData::read(QStringLiteral("feeds/subscriptions.opml")));
    QVERIFY(std::holds_alternative<QList<OpmlEntry>>(read));
    const auto entries = std::get<QList<OpmlEntry>>(read);
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries[0].folder, QString());
    QCOMPARE(entries[1].folder, QStringLiteral("News"));
    QCOMPARE(entries[2].folder, QStringLiteral("News")); // nested folders flatten outward
    QCOMPARE(entries[2].title, QStringLiteral("Beispielzeitung"));
    QCOMPARE(entries[3].folder, QStringLiteral("Blogs"));

    const auto broken = OpmlFile::read("<opml><body><outline xmlUrl='x'></body>");
    QVERIFY(std::holds_alternative<QString>(broken));
    const auto notOpml = OpmlFile::read(TestData::read(QStringLiteral("feeds/rss2.xml")));
    QVERIFY(std::get<QString>(notOpml).contains(QLatin1String("not an OPML file")));
}

void TestFeeds::addToCorpusUsesFeedMetadata()
{
    // The feed's items point at the local server.
    QByteArray xml = TestData::read(QStringLiteral("feeds/rss2.xml"));
    TestHttpServer::Route route;
    route.contentType = "application/rss+xml";
    route.body = xml;
    m_server.setRoute(QStringLiteral("/world/rss.xml"), route);
    FeedUpdater updater(*m_session);
    const qint64 feedId = subscribe(updater, QStringLiteral("/world/rss.xml"));
    QVERIFY(feedId);
    const auto items = m_session->feeds().items(feedId);
    QCOMPARE(items.size(), 3);
    const FeedItem geneva = items[0];
    QCOMPARE(geneva.url,
             m_server.url(QStringLiteral("/world/2026/03/10/grain-corridor")).toString());

    // One good item and one whose page is gone, in one request.
    TestHttpServer::Route gone;
    gone.status = 404;
    m_server.setRoute(QStringLiteral("/gone"), gone);
    FeedItem goneItem;
    goneItem.guid = QStringLiteral("gone");
    goneItem.url = m_server.url(QStringLiteral("/gone")).toString();
    goneItem.title = QStringLiteral("Gone");
    Feed state = *m_session->feeds().get(feedId);
    m_session->feeds().recordRefresh(state, {goneItem});
    qint64 goneId = 0;
    for (const FeedItem &i : m_session->feeds().items(feedId)) {
        if (i.guid == QLatin1String("gone"))
            goneId = i.id;
    }
    QVERIFY(goneId);

    FeedItemImporter importer(*m_session);
    QSignalSpy finished(&importer, &FeedItemImporter::finished);
    importer.add({geneva.id, goneId});
    importer.waitUntilIdle();
    QCOMPARE(finished.size(), 1);
    const auto outcomes = finished[0][0].value<QList<ImportOutcome>>();
    QCOMPARE(outcomes.size(), 2);
    int imported = 0, failed = 0;
    for (const ImportOutcome &o : outcomes) {
        if (o.status == ImportOutcome::Status::Imported)
            ++imported;
        if (o.status == ImportOutcome::Status::Failed) {
            ++failed;
            QVERIFY2(o.message.contains(QLatin1String("HTTP 404"))
                         && o.message.contains(QLatin1String("/gone")),
                     qPrintable(o.message));
        }
    }
    QCOMPARE(imported, 1);
    QCOMPARE(failed, 1);
    QCOMPARE(m_session->articles().count(), 1);

    const auto item = m_session->feeds().item(geneva.id);
    QVERIFY(item->articleId);
    QVERIFY(item->read);
    const auto article = m_session->articles().get(item->articleId);
    QCOMPARE(article->title, geneva.title);
    QCOMPARE(article->author, QStringLiteral("Maria Ortega"));
    QCOMPARE(article->outlet, QStringLiteral("The Daily Example"));
    QVERIFY(article->text.contains(QLatin1String("Foreign ministers from six countries")));
    QVERIFY(m_session->articles().source(item->articleId));
    QVERIFY(!m_session->feeds().item(goneId)->articleId);

    // Adding it again fetches nothing and reports the stored article.
    const int hits = m_server.hits(QStringLiteral("/world/2026/03/10/grain-corridor"));
    importer.add({geneva.id});
    importer.waitUntilIdle();
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished[1][0].value<QList<ImportOutcome>>()[0].status,
             ImportOutcome::Status::Duplicate);
    QCOMPARE(m_server.hits(QStringLiteral("/world/2026/03/10/grain-corridor")), hits);
}

void TestFeeds::foldersKeepFeedsWhenRemoved()
{
    const qint64 folder = m_session->feeds().ensureFolder(QStringLiteral("Blogs"));
    QCOMPARE(m_session->feeds().ensureFolder(QStringLiteral("blogs")), folder);
    Feed f;
    f.url = QStringLiteral("https://x.example/feed");
    f.folderId = folder;
    const qint64 id = m_session->feeds().add(f);
    QCOMPARE(m_session->feeds().add(f), id); // same URL, same feed
    m_session->feeds().removeFolder(folder);
    QCOMPARE(m_session->feeds().all().size(), 1);
    QCOMPARE(m_session->feeds().get(id)->folderId, 0);
    m_session->feeds().remove(id);
    QVERIFY(m_session->feeds().all().isEmpty());
}

QTEST_GUILESS_MAIN(TestFeeds)
#include "tst_feeds.moc"
