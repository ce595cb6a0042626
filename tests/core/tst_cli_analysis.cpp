// The analysis subcommands end to end on the hand-built project
// (AnalysisFixture.h): segments, stats, cooccurrence, network and report,
// with exact figures, the formats, and errors that say where.
#include "AnalysisFixture.h"
#include "CliRunner.h"
#include "RequiredTool.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Run = CliRunner::Run;

class TestCliAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void segmentsTsv();
    void segmentsJsonAndCsv();
    void badQueryShowsWhere();
    void statsByCode();
    void statsByOutletJson();
    void statsRestrictedByQuery();
    void statsByWeek();
    void savedQueries();
    void savedQueryErrors();
    void cooccurrenceByParagraph();
    void badUsage_data();
    void badUsage();
    void networkFiles();
    void reportHtml();
    void reportPdf();

private:
    Run run(const QStringList &args) const { return m_cli.run(args); }
    QTemporaryDir m_dir;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
    QString m_project;
};

void TestCliAnalysis::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    m_project = m_dir.filePath(QStringLiteral("analysis.framewise"));
    AnalysisFixture::build(m_project);
}

void TestCliAnalysis::segmentsTsv()
{
    const Run r = run({"segments", m_project, "\"Factual claim\" OVERLAPS Actor:Kim Jong Un"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("annotation\tarticle\tstart\tend\tcodes\tcoder\toutlet\tpublished\tacto"
                            "r\tquote\tbefore\tafter\tnote\n"
                            "4\t1\t296\t354\tFactual claim\tbob\tKorea Herald\t2025-05-10\t\t"
                            "Kim Jong Un linked Ukraine war to Korean security concerns\t"
                            "Nazi” regime in Kyiv. More importantly, \t, tying Russia’s conflict "
                            "to South Korea\t\n"));
}

void TestCliAnalysis::segmentsJsonAndCsv()
{
    Run r = run({"segments", m_project, "coder:bob", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value("columns").toArray().at(0).toString(), QStringLiteral("annotation"));
    const QJsonArray rows = root.value("rows").toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toArray().at(0).toInteger(), 4);
    QCOMPARE(rows.at(1).toArray().at(0).toInteger(), 7);
    QCOMPARE(rows.at(2).toArray().at(0).toInteger(), 11);
    QCOMPARE(rows.at(2).toArray().at(2).toInteger(), 8); // after the emoji: code points
    QCOMPARE(rows.at(1).toArray().at(12).toString(), QStringLiteral("strong insult"));

    r = run({"segments", m_project, "Person SAME-PARAGRAPH \"Factual claim\"", "--format", "csv",
             "--limit", "1"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(lines.size(), 3); // header, one row, the final newline
    QVERIFY(lines.at(1).startsWith(
        "1,1,0,11,Person,alice,Korea Herald,2025-05-10,Kim Jong Un,Kim Jong Un,"));
}

void TestCliAnalysis::badQueryShowsWhere()
{
    Run r = run({"segments", m_project, "Person AND Nonexistent"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("framewise: the query: position 12: no code “Nonexistent”\n"
                            "  Person AND Nonexistent\n"
                            "             ^\n"));
    r = run({"segments", m_project, "Person AND (Justification"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("position 12: “(” is never closed"));
    r = run({"stats", m_project, "--query", "stance:angry"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("stance must be one of supports, opposes, neutral"));
}

void TestCliAnalysis::statsByCode()
{
    const Run r = run({"stats", m_project});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("code\tcategory\tsegments\tarticles\tcharacters\tarticle_share\n"
                            "Factual claim\tClaim\t2\t2\t100\t0.6667\n"
                            "Justification\tClaim\t2\t2\t47\t0.6667\n"
                            "Threat or warning\tClaim\t1\t1\t42\t0.3333\n"
                            "Person\tActor\t5\t2\t49\t0.6667\n"
                            "Loaded language\tTechnique\t3\t2\t48\t0.6667\n"
                            "Slur\tTechnique\t1\t1\t26\t0.3333\n"));
}

void TestCliAnalysis::statsByOutletJson()
{
    const Run r = run({"stats", m_project, "--by", "outlet", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value("columns").toArray().toVariantList(),
             (QVariantList {"code", "category", "outlet", "segments", "articles", "characters",
                            "column_articles", "article_share", "segment_share"}));
    const QJsonArray rows = root.value("rows").toArray();
    QCOMPARE(rows.size(), 10);
    // Person in Daily: 2 of the outlet's 5 segments, in 1 of its 2 articles.
    QCOMPARE(rows.at(5).toArray().toVariantList(),
             (QVariantList {"Person", "Actor", "Daily", 2, 1, 16, 2, 0.5, 0.4}));
}

void TestCliAnalysis::statsRestrictedByQuery()
{
    const Run r
        = run({"stats", m_project, "--by", "month", "--query", "coder:bob", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("code,category,month,segments,articles,characters,column_articles,"
                            "article_share,segment_share\n"
                            "Factual claim,Claim,2025-05,1,1,58,1,1,0.5\n"
                            "Justification,Claim,2025-06,1,1,20,2,0.5,1\n"
                            "Loaded language,Technique,2025-05,1,1,23,1,1,0.5\n"));
}

void TestCliAnalysis::statsByWeek()
{
    // ISO weeks: 10 May 2025 is in week 19, Sunday 1 June ends week 22.
    const Run r = run({"stats", m_project, "--by", "week", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("code,category,week,segments,articles,characters,column_articles,"
                            "article_share,segment_share\n"
                            "Factual claim,Claim,2025-W19,1,1,58,1,1,0.1111\n"
                            "Factual claim,Claim,2025-W22,1,1,42,1,1,0.2\n"
                            "Justification,Claim,2025-W19,1,1,27,1,1,0.1111\n"
                            "Justification,Claim,2025-W22,1,1,20,1,1,0.2\n"
                            "Threat or warning,Claim,2025-W19,1,1,42,1,1,0.1111\n"
                            "Person,Actor,2025-W19,3,1,33,1,1,0.3333\n"
                            "Person,Actor,2025-W22,2,1,16,1,1,0.4\n"
                            "Loaded language,Technique,2025-W19,2,1,40,1,1,0.2222\n"
                            "Loaded language,Technique,2025-W22,1,1,8,1,1,0.2\n"
                            "Slur,Technique,2025-W19,1,1,26,1,1,0.1111\n"));
}

void TestCliAnalysis::savedQueries()
{
    const QString project = m_dir.filePath(QStringLiteral("queries.framewise"));
    AnalysisFixture::build(project);
    Run r = run({"queries", project, "list"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    r = run({"queries", project, "save", "bobs", "coder:bob AND NOT Slur"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("saved “bobs”\n"));
    QCOMPARE(
        run({"queries", project, "save", "Kim quotes", "Person AND actor:Kim Jong Un"}).exitCode,
        0);
    r = run({"queries", project, "save", "bobs", "coder:bob"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("replaced “bobs”\n"));
    r = run({"queries", project, "list"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("bobs\tcoder:bob\nKim quotes\tPerson AND actor:Kim Jong Un\n"));

    // set:NAME in every --query and in segments.
    r = run({"segments", project, "set:bobs", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    QStringList ids;
    for (const QByteArray &line : r.out.split('\n').mid(1, 3))
        ids << QString::fromUtf8(line.left(line.indexOf(',')));
    QCOMPARE(ids, (QStringList {"4", "7", "11"}));
    r = run({"stats", project, "--query", "set:\"Kim quotes\""});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("code\tcategory\tsegments\tarticles\tcharacters\tarticle_share\n"
                            "Person\tActor\t4\t2\t44\t0.6667\n"));
    r = run({"cooccurrence", project, "--by", "article", "--query", "set:bobs"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("code_a\tcode_b\tboth\tcount_a\tcount_b\tunits\tjaccard\tlift\n"
                            "Factual claim\tLoaded language\t1\t1\t1\t3\t1\t3\n"));
    const QString out = m_dir.filePath(QStringLiteral("bobs.html"));
    QCOMPARE(run({"report", project, out, "--query", "set:bobs"}).exitCode, 0);
    QFile report(out);
    QVERIFY(report.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(report.readAll())
                .contains(QLatin1String("3 coded segments (counting each code of a segment), "
                                        "restricted to <code>set:bobs</code>")));

    r = run({"queries", project, "delete", "bobs"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("deleted “bobs”\n"));
    r = run({"queries", project, "delete", "bobs"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("framewise: %1: no saved query “bobs”\n").arg(project));
    r = run({"segments", project, "Person AND set:bobs"});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("framewise: the query: position 12: no saved query “bobs”\n"
                            "  Person AND set:bobs\n"
                            "             ^\n"));
    QCOMPARE(QString::fromUtf8(run({"queries", project, "list"}).out),
             QStringLiteral("Kim quotes\tPerson AND actor:Kim Jong Un\n"));
}

void TestCliAnalysis::savedQueryErrors()
{
    const QString project = m_dir.filePath(QStringLiteral("wrong.framewise"));
    AnalysisFixture::build(project);
    Run r = run({"queries", project, "save", "x", "Person AND Nonexistent"});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("framewise: the query: position 12: no code “Nonexistent”\n"
                            "  Person AND Nonexistent\n"
                            "             ^\n"));
    r = run({"queries", project, "save", "x", "Person AND (Slur"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("position 12: “(” is never closed"));
    r = run({"queries", project, "save", "me", "Slur OR set:me"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("position 9: the saved query “me” leads back to itself (me → me)"),
             r.err.constData());
    QCOMPARE(run({"queries", project, "save", "a", "Person"}).exitCode, 0);
    QCOMPARE(run({"queries", project, "save", "b", "set:a OR Slur"}).exitCode, 0);
    r = run({"queries", project, "save", "a", "set:b"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("position 1: in saved query “b”: position 1: the saved query “a” "
                            "leads back to itself (a → b → a)"),
             r.err.constData());
    r = run({"queries", project, "save", "  ", "Person"});
    QCOMPARE(r.exitCode, 2);
    // Nothing of the refused ones was kept.
    QCOMPARE(QString::fromUtf8(run({"queries", project, "list"}).out),
             QStringLiteral("a\tPerson\nb\tset:a OR Slur\n"));
}

void TestCliAnalysis::cooccurrenceByParagraph()
{
    Run r = run({"cooccurrence", m_project});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 13); // header, 11 pairs, final newline
    QCOMPARE(lines.at(0),
             QStringLiteral("code_a\tcode_b\tboth\tcount_a\tcount_b\tunits\tjaccard\tlift"));
    QCOMPARE(lines.at(1), QStringLiteral("Factual claim\tLoaded language\t2\t2\t3\t9\t0.6667\t3"));
    QCOMPARE(lines.at(4), QStringLiteral("Factual claim\tJustification\t1\t2\t2\t9\t0.3333\t2.25"));
    QCOMPARE(lines.at(11), QStringLiteral("Slur\tThreat or warning\t1\t1\t1\t9\t1\t9"));

    r = run({"cooccurrence", m_project, "--by", "overlap"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("code_a\tcode_b\tboth\tcount_a\tcount_b\tunits\tjaccard\tlift\n"
                            "Factual claim\tLoaded language\t1\t2\t3\t14\t0.25\t2.3333\n"
                            "Factual claim\tPerson\t1\t2\t5\t14\t0.1667\t1.4\n"
                            "Slur\tThreat or warning\t1\t1\t1\t14\t1\t14\n"));
    r = run({"cooccurrence", m_project, "--by", "sentence", "--query", "outlet:Daily"});
    QCOMPARE(r.exitCode, 0);
    // Article 2: "Putin 🙂 praised the alliance with Kim Jong Un." holds
    // Person and Justification; its second line Loaded language and the claim.
    QCOMPARE(QString::fromUtf8(r.out).section(QLatin1Char('\n'), 1, 2),
             QStringLiteral("Factual claim\tLoaded language\t1\t1\t1\t%1\t1\t%1\n"
                            "Justification\tPerson\t1\t1\t1\t%1\t1\t%1")
                 .arg(QString::fromUtf8(r.out)
                          .section(QLatin1Char('\n'), 1, 1)
                          .section(QLatin1Char('\t'), 5, 5)));
}

void TestCliAnalysis::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("segments without query") << QStringList {"segments", "p.framewise"};
    QTest::newRow("segments bad format")
        << QStringList {"segments", "p.framewise", "x", "--format", "xml"};
    QTest::newRow("segments bad limit")
        << QStringList {"segments", "p.framewise", "x", "--limit", "0"};
    QTest::newRow("stats bad by") << QStringList {"stats", "p.framewise", "--by", "year"};
    QTest::newRow("queries without action") << QStringList {"queries", "p.framewise"};
    QTest::newRow("queries save without query")
        << QStringList {"queries", "p.framewise", "save", "name"};
    QTest::newRow("queries unknown action")
        << QStringList {"queries", "p.framewise", "rename", "a", "b"};
    QTest::newRow("cooccurrence bad by")
        << QStringList {"cooccurrence", "p.framewise", "--by", "page"};
    QTest::newRow("network bad extension") << QStringList {"network", "p.framewise", "out.png"};
    QTest::newRow("report bad extension") << QStringList {"report", "p.framewise", "out.docx"};
}

void TestCliAnalysis::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("usage: framewise"));
}

void TestCliAnalysis::networkFiles()
{
    const QString graphml = m_dir.filePath(QStringLiteral("actors.graphml"));
    Run r = run({"network", m_project, graphml});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("4 actors, 7 edges\n"));
    QFile file(graphml);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int nodes = 0, edges = 0, opposes = 0;
    QString lastKey;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("node"))
            ++nodes;
        if (xml.isStartElement() && xml.name() == QLatin1String("edge"))
            ++edges;
        if (xml.isStartElement() && xml.name() == QLatin1String("data"))
            lastKey = xml.attributes().value(QLatin1String("key")).toString();
        if (xml.isCharacters() && lastKey == QLatin1String("colour")
            && xml.text() == QLatin1String("#d0312d"))
            ++opposes;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(nodes, 4);
    QCOMPARE(edges, 7);
    QCOMPARE(opposes, 1);

    const QString gexf = m_dir.filePath(QStringLiteral("actors.gexf"));
    QCOMPARE(run({"network", m_project, gexf}).exitCode, 0);
    QFile g(gexf);
    QVERIFY(g.open(QIODevice::ReadOnly));
    const QByteArray gexfBytes = g.readAll();
    QVERIFY(gexfBytes.contains("<node id=\"a1\" label=\"Kim Jong Un\">"));
    QCOMPARE(gexfBytes.count("<edge "), 7);

    const QString dotFile = m_dir.filePath(QStringLiteral("actors.dot"));
    QCOMPARE(run({"network", m_project, dotFile}).exitCode, 0);
    REQUIRE_TOOL(dot, QStringLiteral("dot"), QStringLiteral("graphviz"));
    QProcess layout;
    layout.start(dot, {QStringLiteral("-Tplain"), dotFile});
    QVERIFY(layout.waitForFinished(30000));
    QCOMPARE(layout.exitCode(), 0);
    const QByteArray plain = layout.readAllStandardOutput();
    QCOMPARE(plain.count("\nnode "), 4);
    QCOMPARE(plain.count("\nedge "), 7);
}

void TestCliAnalysis::reportHtml()
{
    const QString out = m_dir.filePath(QStringLiteral("report.html"));
    const Run r = run({"report", m_project, out});
    QCOMPARE(r.exitCode, 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(html.contains(QLatin1String("<p>3 articles; 14 coded segments")));
    QVERIFY(html.contains(QLatin1String("<svg")));
    QVERIFY(
        html.contains(QLatin1String("<td>Kim Jong Un</td><td>South Korea</td><td>opposes</td>")));
    QVERIFY(html.contains(QStringLiteral("<mark>“most faithful lackeys”</mark>")));
    // alice and bob coded both coded articles; Threat or warning (alice's,
    // article 1) agrees on article 2 only.
    QVERIFY(html.contains(
        QLatin1String("<p>Coders: alice, bob. Coded articles: 2, by two or more of them: 2.")));
    QVERIFY(html.contains(QLatin1String(
        "<tr><td>Threat or warning</td><td class=\"num\">2</td><td class=\"num\">0.500</td>")));
    // Self-contained: nothing loaded from elsewhere.
    QVERIFY(!html.contains(QLatin1String(" src=")));
    QVERIFY(!html.contains(QLatin1String("<link")));
    QVERIFY(!html.contains(QLatin1String("<script")));

    const QString narrowed = m_dir.filePath(QStringLiteral("bob.html"));
    QCOMPARE(run({"report", m_project, narrowed, "--query", "coder:bob"}).exitCode, 0);
    QFile bob(narrowed);
    QVERIFY(bob.open(QIODevice::ReadOnly));
    const QString bobs = QString::fromUtf8(bob.readAll());
    QVERIFY(bobs.contains(QLatin1String("3 coded segments (counting each code of a segment), "
                                        "restricted to <code>coder:bob</code>")));
    // Actors and claims from bob's segments only: his one claim (Kim
    // Jong Un -> Russia), none of alice's four mentions of Kim.
    QVERIFY(html.contains(QLatin1String("<tr><td>Kim Jong Un</td><td>person</td><td class=\"num\">4</td>"
                                        "<td class=\"num\">3</td><td class=\"num\">0</td></tr>")));
    QVERIFY(bobs.contains(QLatin1String("<tr><td>Kim Jong Un</td><td>person</td><td class=\"num\">0</td>"
                                        "<td class=\"num\">1</td><td class=\"num\">0</td></tr>")));
    QVERIFY(bobs.contains(QLatin1String("<tr><td>Russia</td><td>state</td><td class=\"num\">0</td>"
                                        "<td class=\"num\">0</td><td class=\"num\">1</td></tr>")));
}

void TestCliAnalysis::reportPdf()
{
    const QString out = m_dir.filePath(QStringLiteral("report.pdf"));
    const Run r = run({"report", m_project, out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 5000);
    QVERIFY(pdf.contains("Framewise report: analysis"));
}

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_cli_analysis.moc"
