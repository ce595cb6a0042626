// `framewise search` through the real binary: TSV and JSON with the matched
// words in « », no hits, limits, the note about articles not yet indexed,
// bad usage and files that are not projects.
#include "CliRunner.h"
#include "TestProject.h"
#include "store/ProjectSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Run = CliRunner::Run;

class TestCliSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tsvMarksMatchesAndEscapes();
    void json();
    void unicodeQueries_data();
    void unicodeQueries();
    void noHitsIsEmptyAndSucceeds();
    void limit();
    void notesArticlesNotIndexedYet();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void refusesNonProject();
    void helpAndCommandList();

private:
    QString m_project;
    QTemporaryDir m_dir;
    TestProject m_projects;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
};

void TestCliSearch::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    REQUIRE_BACKEND(m_projects);
    const QString a = m_cli.write(QStringLiteral("a.txt"),
                                  "Talks in Seoul\nDiplomats moved toward a deal.\n"
                                  "Then the war\tin Ukraine came up.");
    const QString b
        = m_cli.write(QStringLiteral("b.txt"),
                      QStringLiteral("Scripts 😀 mixed\n😀😀 Fans cheered. 北朝鮮 の 記者 reported "
                                     "that قال الحرب في was named, and the war went on.")
                          .toUtf8());
    const QString c
        = m_cli.write(QStringLiteral("c.txt"), "Harvest news\nThe harvest was good this year.");
    m_project = m_projects.location(QStringLiteral("news.framewise"));
    // import indexes before it returns, so the next command finds everything.
    const Run r = m_cli.run({QStringLiteral("import"), m_project, a, b, c});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 3);
}

void TestCliSearch::tsvMarksMatchesAndEscapes()
{
    const Run r = m_cli.run({QStringLiteral("search"), m_project, QStringLiteral("war")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QByteArrayList ids;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split('\t');
        QCOMPARE(fields.size(), 3); // tabs inside the text are escaped
        ids.append(fields[0]);
        QVERIFY2(fields[2].contains("«war»"), line.constData());
        QVERIFY(!fields[2].contains('\x02') && !fields[2].contains('\x03'));
    }
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QByteArrayList {"1", "2"}));
    const QByteArray seoul = lines[0].startsWith("1\t") ? lines[0] : lines[1];
    QVERIFY(seoul.startsWith("1\tTalks in Seoul\t"));
    QVERIFY2(seoul.contains("«war»\\tin Ukraine"), seoul.constData());
}

void TestCliSearch::json()
{
    const Run r
        = m_cli.run({QStringLiteral("search"), m_project, QStringLiteral("war"),
               QStringLiteral("Ukraine"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray hits = doc.array();
    QCOMPARE(hits.size(), 1);
    const QJsonObject hit = hits.at(0).toObject();
    QCOMPARE(
        hit.keys(),
        (QStringList {QStringLiteral("id"), QStringLiteral("snippet"), QStringLiteral("title")}));
    QCOMPARE(hit.value(QStringLiteral("id")).toInteger(), 1);
    QCOMPARE(hit.value(QStringLiteral("title")).toString(), QStringLiteral("Talks in Seoul"));
    const QString snippet = hit.value(QStringLiteral("snippet")).toString();
    QVERIFY2(snippet.contains(QStringLiteral("«war»\tin «Ukraine»")), qPrintable(snippet));
}

void TestCliSearch::unicodeQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("marked");
    QTest::newRow("cjk") << QStringLiteral("記者") << QStringLiteral("«記者»");
    QTest::newRow("rtl") << QStringLiteral("الحرب") << QStringLiteral("«الحرب»");
    QTest::newRow("prefix") << QStringLiteral("harv*") << QStringLiteral("«harvest»");
}

void TestCliSearch::unicodeQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, marked);
    const Run r = m_cli.run({QStringLiteral("search"), m_project, query});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QCOMPARE(out.count(QLatin1Char('\n')), 1);
    QVERIFY2(out.contains(marked), qPrintable(out));
}

void TestCliSearch::noHitsIsEmptyAndSucceeds()
{
    Run r = m_cli.run({QStringLiteral("search"), m_project, QStringLiteral("zeppelin")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.isEmpty());
    r = m_cli.run({QStringLiteral("search"), m_project, QStringLiteral("zeppelin"),
             QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
    QVERIFY(QJsonDocument::fromJson(r.out).isArray());
}

void TestCliSearch::limit()
{
    const Run r = m_cli.run({QStringLiteral("search"), m_project, QStringLiteral("war"),
                       QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 1);
}

void TestCliSearch::notesArticlesNotIndexedYet()
{
    const QString path = m_projects.location(QStringLiteral("fresh.framewise"));
    {
        // Stored the way the app stores an import: indexed later.
        auto store = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
        Article a;
        a.title = QStringLiteral("Airships");
        a.text = QStringLiteral("A zeppelin flew over the harbour.");
        store->articles().add(a);
        a.text = QStringLiteral("A second zeppelin followed.");
        store->articles().add(a);
        QCOMPARE(store->articles().unindexedCount(), 2);
    }
    const Run r = m_cli.run({QStringLiteral("search"), path, QStringLiteral("zeppelin")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("2 recently added articles are not indexed"), r.err.constData());
}

void TestCliSearch::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no query") << QStringList {"search", "p.framewise"};
    QTest::newRow("no project") << QStringList {"search"};
    QTest::newRow("no words") << QStringList {"search", "p.framewise", "!!"};
    QTest::newRow("bad format") << QStringList {"search", "p.framewise", "war", "--format", "xml"};
    QTest::newRow("bad limit") << QStringList {"search", "p.framewise", "war", "--limit", "many"};
    QTest::newRow("zero limit") << QStringList {"search", "p.framewise", "war", "--limit", "0"};
    QTest::newRow("unknown option") << QStringList {"search", "p.framewise", "war", "--bogus"};
}

void TestCliSearch::badUsageExitsTwo()
{
    QFETCH(QStringList, args);
    const Run r = m_cli.run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(r.out.isEmpty());
}

void TestCliSearch::refusesNonProject()
{
    const QString notes = m_cli.write(QStringLiteral("notes.framewise"), "just some notes\n");
    Run r = m_cli.run({QStringLiteral("search"), notes, QStringLiteral("war")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("notes.framewise"));
    QVERIFY(r.out.isEmpty());
    r = m_cli.run({QStringLiteral("search"), m_dir.filePath(QStringLiteral("missing.framewise")),
             QStringLiteral("war")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("missing.framewise"));
}

void TestCliSearch::helpAndCommandList()
{
    Run r = m_cli.run({QStringLiteral("--help")});
    QVERIFY(r.out.contains("framewise search PROJECT QUERY..."));
    r = m_cli.run({QStringLiteral("search"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    const QString help = QString::fromUtf8(r.out);
    QVERIFY2(help.contains(QStringLiteral("between « and »")), qPrintable(help));
    QVERIFY(help.contains(QStringLiteral("--limit")));
    QVERIFY(help.contains(QStringLiteral("exits 0")));
}

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_cli_search.moc"
