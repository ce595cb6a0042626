// The command line end to end: every subcommand through the real binary,
// exit codes, and offsets with emoji, combining marks, RTL and CJK text.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "CliRunner.h"

using Run = CliRunner::Run;

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpAndVersion();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void importListShow();
    void importReportsRefusedFilesAndGoesOn();
    void annotateWithUnicodeOffsets_data();
    void annotateWithUnicodeOffsets();
    void annotationsAsTsvAndJson();
    void refusedAnnotateLeavesProjectByteIdentical();
    void refusesNonProject();

private:
    QTemporaryDir m_dir;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
};

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
}

void TestCli::helpAndVersion()
{
    Run r = m_cli.run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *sub : {"import", "list", "show", "annotate", "annotations", "version"})
        QVERIFY2(r.out.contains(sub), sub);
    r = m_cli.run({QStringLiteral("version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("framewise "));
    QVERIFY(r.out.contains("SQLite 3."));
    r = m_cli.run({QStringLiteral("annotate"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("code point"));
    QVERIFY(r.out.contains("--coder"));
}

void TestCli::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown option") << QStringList{"list", "p.framewise", "--bogus"};
    QTest::newRow("missing args") << QStringList{"show", "p.framewise"};
    QTest::newRow("bad number") << QStringList{"annotate", "p.framewise", "1", "x", "4", "Claim"};
    QTest::newRow("bad format") << QStringList{"annotations", "p.framewise", "--format", "xml"};
    QTest::newRow("import without files") << QStringList{"import", "p.framewise"};
}

void TestCli::badUsageExitsTwo()
{
    QFETCH(QStringList, args);
    const Run r = m_cli.run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(r.out.isEmpty());
}

void TestCli::importListShow()
{
    const QString project = m_dir.filePath(QStringLiteral("news.framewise"));
    const QString sample = QStringLiteral(FRAMEWISE_SOURCE_DIR "/resources/samples/kim-jong-un-ukraine-korean-security.txt");
    Run r = m_cli.run({QStringLiteral("import"), project, sample});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("1\tKim Jong Un has offered"));
    QVERIFY(QFile::exists(project));

    r = m_cli.run({QStringLiteral("list"), project});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("1\tKim Jong Un has offered"));
    QVERIFY(r.out.endsWith("\t0\n"));

    r = m_cli.run({QStringLiteral("show"), project, QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    QFile f(sample);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(r.out, f.readAll().trimmed());

    r = m_cli.run({QStringLiteral("show"), project, QStringLiteral("42")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("no article with id 42"));

    // A second import of the same file is a duplicate, not a failure.
    r = m_cli.run({QStringLiteral("import"), project, sample});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("already in the project"));
    QVERIFY(r.out.isEmpty());
}

void TestCli::importReportsRefusedFilesAndGoesOn()
{
    const QString project = m_dir.filePath(QStringLiteral("mixed.framewise"));
    const QString empty = m_cli.write(QStringLiteral("empty.txt"), {});
    const QString binary = m_cli.write(QStringLiteral("blob.txt"), QByteArray("\x00\x10\x00\xff\xfe\x00", 6));
    const QString good = m_cli.write(QStringLiteral("good.txt"), "Good article\nWith text.");
    const Run r = m_cli.run({QStringLiteral("import"), project, empty, binary, good});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("empty.txt"));
    QVERIFY(r.err.contains("blob.txt"));
    QCOMPARE(r.out, QByteArray("1\tGood article\n"));
}

void TestCli::annotateWithUnicodeOffsets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("quote");
    QTest::newRow("emoji") << QStringLiteral("Fans 😀😀 cheered Kim") << 5 << 7 << QStringLiteral("😀😀");
    QTest::newRow("after emoji") << QStringLiteral("😀 then Kim spoke") << 7 << 10 << QStringLiteral("Kim");
    QTest::newRow("combining") << QStringLiteral("Cafe\u0301 owners and Seoul") << 0 << 5 << QStringLiteral("Cafe\u0301");
    QTest::newRow("rtl") << QStringLiteral("He said שלום to مرحبا") << 8 << 12 << QStringLiteral("שלום");
    QTest::newRow("cjk") << QStringLiteral("報道: 北朝鮮の金正恩 𠀋 end") << 4 << 10 << QStringLiteral("北朝鮮の金正");
    QTest::newRow("supplementary cjk") << QStringLiteral("x 𠀋𠀋 y") << 2 << 4 << QStringLiteral("𠀋𠀋");
}

void TestCli::annotateWithUnicodeOffsets()
{
    QFETCH(QString, text);
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, quote);
    const QString project = m_dir.filePath(QStringLiteral("u-%1.framewise").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    const QString file = m_cli.write(QStringLiteral("u-%1.txt").arg(QTest::currentDataTag()), text.toUtf8());
    QCOMPARE(m_cli.run({QStringLiteral("import"), project, file}).exitCode, 0);
    Run r = m_cli.run({QStringLiteral("annotate"), project, QStringLiteral("1"), QString::number(start),
                 QString::number(end), QStringLiteral("Actor"), QStringLiteral("--coder"),
                 QStringLiteral("Mina"), QStringLiteral("--note"), QStringLiteral("tab\there")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("1\n"));

    r = m_cli.run({QStringLiteral("annotations"), project, QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QStringLiteral("offset_unit")).toString(), QStringLiteral("unicode_code_point"));
    const QJsonObject a = root.value(QStringLiteral("annotations")).toArray().at(0).toObject();
    QCOMPARE(a.value(QStringLiteral("start")).toInt(), start);
    QCOMPARE(a.value(QStringLiteral("end")).toInt(), end);
    QCOMPARE(a.value(QStringLiteral("quote")).toString(), quote);
    QCOMPARE(a.value(QStringLiteral("codes")).toArray().at(0).toString(), QStringLiteral("Actor"));
    QCOMPARE(a.value(QStringLiteral("coder")).toString(), QStringLiteral("Mina"));
    QCOMPARE(a.value(QStringLiteral("note")).toString(), QStringLiteral("tab\there"));
    // The quote is exactly the code points [start, end) of the shown text.
    const QString shown = QString::fromUtf8(m_cli.run({QStringLiteral("show"), project, QStringLiteral("1")}).out);
    const auto ucs4 = shown.toUcs4();
    QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()) + start, end - start), quote);

    // Past the end of the text is refused and stores nothing.
    r = m_cli.run({QStringLiteral("annotate"), project, QStringLiteral("1"), QString::number(start),
             QString::number(ucs4.size() + 1), QStringLiteral("Actor")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("outside"));
}

void TestCli::annotationsAsTsvAndJson()
{
    const QString project = m_dir.filePath(QStringLiteral("tsv.framewise"));
    const QString file = m_cli.write(QStringLiteral("tsv.txt"), "Kim declared readiness.\nMoscow agreed.");
    QCOMPARE(m_cli.run({QStringLiteral("import"), project, file}).exitCode, 0);
    QCOMPARE(m_cli.run({QStringLiteral("annotate"), project, QStringLiteral("1"), QStringLiteral("0"),
                  QStringLiteral("3"), QStringLiteral("Person")}).exitCode, 0);
    QCOMPARE(m_cli.run({QStringLiteral("annotate"), project, QStringLiteral("1"), QStringLiteral("4"),
                  QStringLiteral("30"), QStringLiteral("Factual claim"), QStringLiteral("--note"),
                  QStringLiteral("line1\nline2")}).exitCode, 0);
    Run r = m_cli.run({QStringLiteral("annotations"), project});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QByteArray("article_id\tannotation_id\tscope\tstart_codepoint\tend_codepoint\tquote\tcodes\tcoder\tnote\tuuid"));
    QVERIFY(lines[1].startsWith("1\t1\tspan\t0\t3\tKim\tPerson\t"));
    QVERIFY(lines[2].startsWith("1\t2\tspan\t4\t30\tdeclared readiness.\\nMoscow\tFactual claim\t"));
    const QList<QByteArray> fields = lines[2].split('\t');
    QCOMPARE(fields.size(), 10);
    QCOMPARE(fields[8], QByteArray("line1\\nline2"));
    QCOMPARE(fields[9].size(), 36); // the annotation's UUID
    r = m_cli.run({QStringLiteral("list"), project});
    QCOMPARE(r.out, QByteArray("1\tKim declared readiness.\t2\n"));
}

void TestCli::refusedAnnotateLeavesProjectByteIdentical()
{
    // A span past the end with a code the project does not have yet: the
    // new code and the annotation are one unit of work, so nothing stays.
    const QString project = m_dir.filePath(QStringLiteral("identical.framewise"));
    const QString file = m_cli.write(QStringLiteral("identical.txt"), "Kim spoke in Moscow.");
    QCOMPARE(m_cli.run({QStringLiteral("import"), project, file}).exitCode, 0);
    const auto bytes = [&] {
        QFile f(project);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray before = bytes();
    QVERIFY(!before.isEmpty());
    const Run r = m_cli.run({QStringLiteral("annotate"), project, QStringLiteral("1"), QStringLiteral("4"),
                             QStringLiteral("999"), QStringLiteral("Brand-new code")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("outside the article"), r.err.constData());
    QVERIFY(bytes() == before);
    QVERIFY(!QFile::exists(project + QStringLiteral("-wal")));
    const Run list = m_cli.run({QStringLiteral("codebook"), project, QStringLiteral("list")});
    QVERIFY(!list.out.contains("Brand-new code"));
}

void TestCli::refusesNonProject()
{
    const QString notProject = m_cli.write(QStringLiteral("notes.framewise"), "just some notes\n");
    for (const QString &sub : {QStringLiteral("list"), QStringLiteral("annotations")}) {
        const Run r = m_cli.run({sub, notProject});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("notes.framewise"));
        QVERIFY(r.err.contains("not a Framewise project"));
    }
    const Run r = m_cli.run({QStringLiteral("import"), notProject, notProject});
    QCOMPARE(r.exitCode, 1);
    QFile f(notProject);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("just some notes\n"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
