// Fetching pages and importing by URL, against a local server on
// 127.0.0.1 started here: redirects, timeouts, gzip, charsets, errors.
#include "TestData.h"
#include "TestHttpServer.h"
#include "import/ArticleImporter.h"
#include "import/WebArticleReader.h"
#include "net/HttpFetcher.h"
#include "store/ProjectSession.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
FetchResult get(const QUrl &url, int timeoutMs = 10000)
{
    FetchRequest r;
    r.url = url;
    r.timeoutMs = timeoutMs;
    return HttpFetcher::fetchAndWait(r);
}
} // namespace

class TestFetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fetchesPageWithHeaders();
    void followsRedirects();
    void httpErrorsNameTheUrl_data();
    void httpErrorsNameTheUrl();
    void timesOut();
    void inflatesGzip();
    void refusesGzipBombs();
    void reportsBrokenGzip();
    void refusedConnectionAndBadScheme();
    void refusesNonHtml();
    void charsetFromHeaderBeatsMeta();
    void invalidBytesAreReplaced();
    void importByUrlKeepsThePage();
    void failedUrlLosesNothing();
    void cancelAbortsFetch();

private:
    TestHttpServer m_server;
    QTemporaryDir m_dir;
};

void TestFetch::initTestCase()
{
    QVERIFY(m_server.start());
    m_server.serveFixture(QStringLiteral("/article"), QStringLiteral("feeds/article.html"),
                          "text/html; charset=utf-8");
}

void TestFetch::fetchesPageWithHeaders()
{
    const FetchResult r = get(m_server.url(QStringLiteral("/article")));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.mimeType, QByteArray("text/html"));
    QCOMPARE(r.charset, QByteArray("utf-8"));
    QCOMPARE(r.body, TestData::read(QStringLiteral("feeds/article.html")));
    QVERIFY(m_server.lastHeaders(QStringLiteral("/article"))
                .value("user-agent")
                .startsWith("Framewise/"));
}

void TestFetch::followsRedirects()
{
    m_server.redirect(QStringLiteral("/old"), QStringLiteral("/older"), 301);
    m_server.redirect(QStringLiteral("/older"),
                      m_server.url(QStringLiteral("/article")).toString());
    const FetchResult r = get(m_server.url(QStringLiteral("/old")));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.finalUrl, m_server.url(QStringLiteral("/article")));
    QCOMPARE(r.url, m_server.url(QStringLiteral("/old")));

    m_server.redirect(QStringLiteral("/loop"), QStringLiteral("/loop"));
    const FetchResult loop = get(m_server.url(QStringLiteral("/loop")));
    QVERIFY(!loop.ok);
    QVERIFY2(loop.error.contains(QLatin1String("redirect")), qPrintable(loop.error));
}

void TestFetch::httpErrorsNameTheUrl_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("404") << 404 << "HTTP 404";
    QTest::newRow("403") << 403 << "HTTP 403";
    QTest::newRow("500") << 500 << "HTTP 500";
}

void TestFetch::httpErrorsNameTheUrl()
{
    QFETCH(int, status);
    QFETCH(QString, expected);
    const QString path = QStringLiteral("/status/%1").arg(status);
    TestHttpServer::Route route;
    route.status = status;
    route.body = "<html><body><p>error page text that must not become an article</p></body></html>";
    m_server.setRoute(path, route);
    const FetchResult r = get(m_server.url(path));
    QVERIFY(!r.ok);
    QCOMPARE(r.httpStatus, status);
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY2(r.error.contains(m_server.url(path).toString()), qPrintable(r.error));
    QVERIFY(std::holds_alternative<QString>(WebArticleReader::fromFetch(r)));
}

void TestFetch::timesOut()
{
    TestHttpServer::Route slow;
    slow.body = "<p>late</p>";
    slow.delayMs = 3000;
    m_server.setRoute(QStringLiteral("/slow"), slow);
    QElapsedTimer clock;
    clock.start();
    const FetchResult r = get(m_server.url(QStringLiteral("/slow")), 300);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("timed out")), qPrintable(r.error));
    QVERIFY(r.error.contains(QLatin1String("/slow")));
    QVERIFY(clock.elapsed() < 2500);
}

void TestFetch::inflatesGzip()
{
    TestHttpServer::Route route;
    route.body = TestData::read(QStringLiteral("feeds/article.html"));
    route.gzip = true;
    m_server.setRoute(QStringLiteral("/gz"), route);
    const FetchResult r = get(m_server.url(QStringLiteral("/gz")));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(m_server.lastHeaders(QStringLiteral("/gz")).value("accept-encoding").contains("gzip"));
    QCOMPARE(r.body, route.body);
}

// 200 MB of zeros in 200 KB of gzip: refused after about 1 MiB, whether
// the server sends it as Content-Encoding or as a .gz file; an import of
// that URL fails and stores nothing.
void TestFetch::refusesGzipBombs()
{
    const QByteArray bomb = TestHttpServer::gzipZeros(200 * 1000 * 1000);
    TestHttpServer::Route encoded;
    encoded.body = bomb;
    encoded.headers = {{"Content-Encoding", "gzip"}};
    m_server.setRoute(QStringLiteral("/bomb"), encoded);
    TestHttpServer::Route file;
    file.contentType = "application/gzip";
    file.body = bomb;
    m_server.setRoute(QStringLiteral("/bomb.html.gz"), file);
    const QString limit = QStringLiteral(
        ": expands more than 100 times its compressed size; refusing a possible gzip bomb");
    for (const QString &path : {QStringLiteral("/bomb"), QStringLiteral("/bomb.html.gz")}) {
        const QUrl url = m_server.url(path);
        const FetchResult r = get(url);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, url.toString() + limit);
        QVERIFY(r.body.isEmpty());
    }

    auto store = ProjectSession::open(m_dir.filePath(QStringLiteral("bomb.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    ArticleImporter importer(*store);
    const QString url = m_server.url(QStringLiteral("/bomb")).toString();
    const auto outcomes = importer.importPaths({url});
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[0].message, url + limit);
    QCOMPARE(store->articles().count(), 0);
}

void TestFetch::reportsBrokenGzip()
{
    TestHttpServer::Route cut;
    cut.body
        = TestHttpServer::gzip(TestData::read(QStringLiteral("feeds/article.html"))).chopped(10);
    cut.headers = {{"Content-Encoding", "gzip"}};
    m_server.setRoute(QStringLiteral("/cut"), cut);
    const QUrl url = m_server.url(QStringLiteral("/cut"));
    const FetchResult r = get(url);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, url.toString() + QStringLiteral(": the gzip data is truncated"));

    TestHttpServer::Route corrupt;
    // A valid header, then a deflate block of the reserved type 11.
    corrupt.body = QByteArray("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10) + QByteArray(16, '\xff');
    corrupt.headers = {{"Content-Encoding", "gzip"}};
    m_server.setRoute(QStringLiteral("/corrupt"), corrupt);
    const QUrl url2 = m_server.url(QStringLiteral("/corrupt"));
    const FetchResult r2 = get(url2);
    QVERIFY(!r2.ok);
    QCOMPARE(r2.error, url2.toString() + QStringLiteral(": the gzip data is corrupt"));
}

void TestFetch::refusedConnectionAndBadScheme()
{
    // A port that was just free: nobody listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/x").arg(port));
    const FetchResult r = get(url);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(url.toString()), qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("refused")), qPrintable(r.error));

    const FetchResult ftp = get(QUrl(QStringLiteral("ftp://example.com/a.html")));
    QVERIFY(!ftp.ok);
    QVERIFY2(ftp.error.contains(QLatin1String("ftp://example.com/a.html")), qPrintable(ftp.error));
}

void TestFetch::refusesNonHtml()
{
    TestHttpServer::Route png;
    png.contentType = "image/png";
    png.body = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    m_server.setRoute(QStringLiteral("/pic.png"), png);
    const auto read = WebArticleReader::fromFetch(get(m_server.url(QStringLiteral("/pic.png"))));
    QVERIFY(std::holds_alternative<QString>(read));
    const QString error = std::get<QString>(read);
    QVERIFY2(error.contains(QLatin1String("not an HTML page"))
                 && error.contains(QLatin1String("image/png")),
             qPrintable(error));
    QVERIFY(error.contains(QLatin1String("/pic.png")));
}

void TestFetch::charsetFromHeaderBeatsMeta()
{
    // windows-1252 bytes, a header that says so and a <meta> that lies.
    TestHttpServer::Route route;
    route.contentType = "text/html; charset=windows-1252";
    route.body = "<html><head><meta charset=\"utf-8\"><title>Caf\xe9</title></head><body><article>"
                 "<p>\x93Quoted\x94 words from the caf\xe9 owner, who spoke at length about the "
                 "prices of coffee and the rent of the shop in the old town square.</p>"
                 "<p>A second paragraph with more words so the extractor sees an article body "
                 "here and not a navigation list or a footer.</p></article></body></html>";
    m_server.setRoute(QStringLiteral("/cp1252"), route);
    const auto read = WebArticleReader::fromFetch(get(m_server.url(QStringLiteral("/cp1252"))));
    if (auto *error = std::get_if<QString>(&read))
        QFAIL(qPrintable(*error));
    const Article &a = std::get<WebArticle>(read).article;
    QVERIFY2(a.text.contains(QStringLiteral("“Quoted” words from the café owner")),
             qPrintable(a.text));
    QCOMPARE(a.title, QStringLiteral("Café"));
}

void TestFetch::invalidBytesAreReplaced()
{
    TestHttpServer::Route route;
    route.body
        = "<html><body><p>Broken \xff\xfe bytes \xc3 in a page that still has a paragraph of "
          "text to keep.</p></body></html>";
    m_server.setRoute(QStringLiteral("/invalid"), route);
    const auto read = WebArticleReader::fromFetch(get(m_server.url(QStringLiteral("/invalid"))));
    QVERIFY(std::holds_alternative<WebArticle>(read));
    QVERIFY(std::get<WebArticle>(read).article.text.contains(QStringLiteral("Broken")));
}

void TestFetch::importByUrlKeepsThePage()
{
    auto store = ProjectSession::open(m_dir.filePath(QStringLiteral("url.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    ArticleImporter importer(*store);
    const QString url = m_server.url(QStringLiteral("/article")).toString();
    const auto outcomes = importer.importPaths({url});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes[0].status == ImportOutcome::Status::Imported,
             qPrintable(outcomes[0].message));
    const auto a = store->articles().get(outcomes[0].articleId);
    QVERIFY(a);
    QCOMPARE(a->title, QStringLiteral("Ministers meet in Geneva over grain corridor"));
    QCOMPARE(a->outlet, QStringLiteral("The Daily Example"));
    QCOMPARE(a->author, QStringLiteral("Maria Ortega"));
    QVERIFY(a->published.startsWith(QLatin1String("2026-03-10")));
    QCOMPARE(a->url, QStringLiteral("https://news.example.org/world/2026/03/10/grain-corridor"));
    QCOMPARE(a->language, QStringLiteral("en-GB"));
    QCOMPARE(a->origin, url);
    QVERIFY(a->text.contains(QLatin1String("Foreign ministers from six countries")));
    QVERIFY(!a->text.contains(QLatin1String("All rights reserved")));
    QVERIFY(!a->text.contains(QLatin1String("Most read")));

    const auto source = store->articles().source(a->id);
    QVERIFY(source);
    QCOMPARE(source->html, TestData::read(QStringLiteral("feeds/article.html")));
    QCOMPARE(source->url, url);
    QVERIFY(source->contentType.startsWith(QLatin1String("text/html")));
    QVERIFY(source->fetchedAt.isValid());

    // Importing the page again finds the article already there.
    const auto again = importer.importPaths({url});
    QCOMPARE(again[0].status, ImportOutcome::Status::Duplicate);
    QCOMPARE(store->articles().count(), 1);
}

void TestFetch::failedUrlLosesNothing()
{
    auto store = ProjectSession::open(m_dir.filePath(QStringLiteral("fail.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    ArticleImporter importer(*store);
    const auto outcomes
        = importer.importPaths({m_server.url(QStringLiteral("/missing")).toString(),
                                m_server.url(QStringLiteral("/article")).toString()});
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Failed);
    QVERIFY2(outcomes[0].message.contains(QLatin1String("HTTP 404")),
             qPrintable(outcomes[0].message));
    QCOMPARE(outcomes[1].status, ImportOutcome::Status::Imported);
    QCOMPARE(store->articles().count(), 1);
}

void TestFetch::cancelAbortsFetch()
{
    TestHttpServer::Route slow;
    slow.body = "<p>late</p>";
    slow.delayMs = 5000;
    m_server.setRoute(QStringLiteral("/very-slow"), slow);
    auto store = ProjectSession::open(m_dir.filePath(QStringLiteral("cancel.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    ArticleImporter importer(*store);
    // As a Cancel button would: an event handled while the page loads.
    QTimer::singleShot(200, [&importer] { importer.cancel(); });
    QElapsedTimer clock;
    clock.start();
    const auto outcomes = importer.importPaths({m_server.url(QStringLiteral("/very-slow")).toString(),
                                                m_server.url(QStringLiteral("/article")).toString()});
    QVERIFY(clock.elapsed() < 3000);
    QVERIFY(importer.wasCancelled());
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Failed);
    QVERIFY2(outcomes[0].message.contains(QLatin1String("cancelled")), qPrintable(outcomes[0].message));
    QCOMPARE(store->articles().count(), 0);
}

QTEST_GUILESS_MAIN(TestFetch)
#include "tst_fetch.moc"
