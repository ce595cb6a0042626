// `framewise extract`, `import PROJECT URL` and `feed` through the real
// binary, against a local server on 127.0.0.1 started here.
#include "TestData.h"
#include "TestHttpServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "CliRunner.h"

using Run = CliRunner::Run;

namespace {
const QString kArticle = QStringLiteral(FRAMEWISE_TEST_DATA "/feeds/article.html");
} // namespace

class TestCliExtract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void extractsFile();
    void extractsGzipFile();
    void extractsJson();
    void extractsUrl();
    void extractErrors();
    void importsUrlAmongPaths();
    void importSummaryWithoutTerminal();
    void feedAddListRefresh();

private:
    // Lives in this process: CliRunner keeps its event loop running.
    TestHttpServer m_server;
    QTemporaryDir m_dir;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
};

void TestCliExtract::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    QVERIFY(m_server.start());
    m_server.serveFixture(QStringLiteral("/article"), QStringLiteral("feeds/article.html"),
                          "text/html; charset=utf-8");
    m_server.serveFixture(QStringLiteral("/rss.xml"), QStringLiteral("feeds/rss2.xml"),
                          "application/rss+xml");
    m_server.serveFixture(QStringLiteral("/broken.xml"), QStringLiteral("feeds/broken.xml"),
                          "application/rss+xml");
}

void TestCliExtract::extractsFile()
{
    const Run r = m_cli.run({QStringLiteral("extract"), kArticle});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("Foreign ministers from six countries"));
    QVERIFY(r.out.contains("\n\nNegotiators said a deal was close"));
    QVERIFY(!r.out.contains("All rights reserved"));
    QVERIFY(r.err.isEmpty());
}

void TestCliExtract::extractsGzipFile()
{
    const QString gz = m_cli.write(QStringLiteral("page.html.gz"),
                                   TestHttpServer::gzip(TestData::read(QStringLiteral("feeds/article.html"))));
    const Run plain = m_cli.run({QStringLiteral("extract"), kArticle});
    const Run zipped = m_cli.run({QStringLiteral("extract"), gz});
    QCOMPARE(zipped.exitCode, 0);
    QCOMPARE(zipped.out, plain.out);
}

void TestCliExtract::extractsJson()
{
    const Run r = m_cli.run({QStringLiteral("extract"), kArticle, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(o.value(QStringLiteral("articleBody"))
                .toString()
                .startsWith(QLatin1String("Foreign ministers")));
    QCOMPARE(o.value(QStringLiteral("title")).toString(),
             QStringLiteral("Ministers meet in Geneva over grain corridor"));
    QCOMPARE(o.value(QStringLiteral("author")).toString(), QStringLiteral("Maria Ortega"));
    QVERIFY(
        o.value(QStringLiteral("published")).toString().startsWith(QLatin1String("2026-03-10")));
    QCOMPARE(o.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://news.example.org/world/2026/03/10/grain-corridor"));
    QCOMPARE(o.keys().size(), 5);
}

void TestCliExtract::extractsUrl()
{
    const Run r
        = m_cli.run({QStringLiteral("extract"), m_server.url(QStringLiteral("/article")).toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("Foreign ministers from six countries"));
    QCOMPARE(m_server.hits(QStringLiteral("/article")), 1);
}

void TestCliExtract::extractErrors()
{
    const QString missingUrl = m_server.url(QStringLiteral("/nope")).toString();
    Run r = m_cli.run({QStringLiteral("extract"), missingUrl});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("HTTP 404") && r.err.contains(missingUrl.toUtf8()), r.err.constData());
    r = m_cli.run({QStringLiteral("extract"), m_server.url(QStringLiteral("/rss.xml")).toString()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not an HTML page"), r.err.constData());
    r = m_cli.run({QStringLiteral("extract"), m_dir.filePath(QStringLiteral("missing.html"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("missing.html"));
    const QString corrupt
        = m_cli.write(QStringLiteral("corrupt.html.gz"), QByteArray("\x1f\x8b\x08\x00garbage", 12));
    r = m_cli.run({QStringLiteral("extract"), corrupt});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("corrupt.html.gz") && r.err.contains("gzip"), r.err.constData());
    r = m_cli.run({QStringLiteral("extract")});
    QCOMPARE(r.exitCode, 2);
}

void TestCliExtract::importsUrlAmongPaths()
{
    const QString project = m_dir.filePath(QStringLiteral("web.framewise"));
    const QString text = m_cli.write(QStringLiteral("local.txt"), "A local article\nwith text.");
    const Run r = m_cli.run({QStringLiteral("import"), project, text,
                       m_server.url(QStringLiteral("/article")).toString(),
                       m_server.url(QStringLiteral("/gone")).toString()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains("\tA local article\n"));
    QVERIFY(r.out.contains("\tMinisters meet in Geneva over grain corridor\n"));
    QVERIFY2(r.err.contains("/gone: HTTP 404"), r.err.constData());
    const Run show = m_cli.run({QStringLiteral("show"), project, QStringLiteral("2")});
    QVERIFY(show.out.startsWith("Foreign ministers"));
}

void TestCliExtract::importSummaryWithoutTerminal()
{
    // stderr is a pipe here: a plain summary, no progress bar escapes.
    const QString project = m_dir.filePath(QStringLiteral("bulk.framewise"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("bulk/sub")));
    m_cli.write(QStringLiteral("bulk/a.txt"), "Alpha");
    m_cli.write(QStringLiteral("bulk/sub/b.txt"), "Beta");
    m_cli.write(QStringLiteral("bulk/sub/c.txt"), "Alpha");
    m_cli.write(QStringLiteral("bulk/sub/d.html"), "<html><body><script>x</script></body></html>");
    const Run r = m_cli.run({QStringLiteral("import"), project, m_dir.filePath(QStringLiteral("bulk"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("imported 2, 1 already in the project, 1 failed"), r.err.constData());
    QVERIFY(!r.err.contains('\r'));
    QVERIFY(!r.err.contains("\033["));
}

void TestCliExtract::feedAddListRefresh()
{
    const QString project = m_dir.filePath(QStringLiteral("feeds.framewise"));
    Run r = m_cli.run({QStringLiteral("feed"), project, QStringLiteral("add"),
                 m_server.url(QStringLiteral("/rss.xml")).toString(), QStringLiteral("--folder"),
                 QStringLiteral("News")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("The Daily Example – World\t3 unread"), r.out.constData());
    r = m_cli.run({QStringLiteral("feed"), project, QStringLiteral("add"),
             m_server.url(QStringLiteral("/broken.xml")).toString()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("malformed XML"), r.err.constData());
    r = m_cli.run({QStringLiteral("feed"), project, QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("\tNews\tThe Daily Example – World\t"), r.out.constData());
    QVERIFY(r.out.contains("\t3\tok\n"));
    r = m_cli.run({QStringLiteral("feed"), project, QStringLiteral("refresh")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("0 new"), r.out.constData());
    r = m_cli.run({QStringLiteral("feed"), project, QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliExtract)
#include "tst_cli_extract.moc"
