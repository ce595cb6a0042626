// `framewise import` and `framewise export` with exchange formats through
// the real binary: the report, a second import adding nothing, PTC offsets
// exactly, CSV with a BOM, bad usage and bad files.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using Run = CliRunner::Run;

namespace {
const QString kFixture = QStringLiteral(FRAMEWISE_TEST_DATA "/ptc");

QStringList sortedLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read ") + path};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}
} // namespace

class TestCliExchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importPtcTwice();
    void exportPtcAndCsv();
    void badUsage_data();
    void badUsage();
    void badFileNamesFileAndKeepsProject();

private:
    QTemporaryDir m_dir;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
};

void TestCliExchange::importPtcTwice()
{
    const QString project = m_dir.filePath(QStringLiteral("twice.framewise"));
    Run r = m_cli.run({QStringLiteral("import"), project, kFixture, QStringLiteral("--coder"),
                       QStringLiteral("gold")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("sources: 2 added, 0 already there"), r.out);
    QVERIFY2(r.out.contains("annotations: 8 added, 0 already there"), r.out);
    QVERIFY2(r.out.contains("converted: 1 articles have a BOM or CR"), r.out);
    r = m_cli.run({QStringLiteral("import"), project, kFixture});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("sources: 0 added, 2 already there"), r.out);
    QVERIFY2(r.out.contains("annotations: 0 added, 8 already there"), r.out);
    r = m_cli.run({QStringLiteral("list"), project});
    QCOMPARE(r.out.count('\n'), 2);
}

void TestCliExchange::exportPtcAndCsv()
{
    const QString project = m_dir.filePath(QStringLiteral("export.framewise"));
    QCOMPARE(
        m_cli
            .run({QStringLiteral("import"), project, kFixture + QStringLiteral("/article1001.txt"),
                  kFixture + QStringLiteral("/article1002.txt"),
                  kFixture + QStringLiteral("/train-labels-task2-technique-classification.labels"),
                  QStringLiteral("--format"), QStringLiteral("ptc")})
            .exitCode,
        0);
    const QString out = m_dir.filePath(QStringLiteral("ptc-out"));
    Run r = m_cli.run({QStringLiteral("export"), project, out, QStringLiteral("--format"),
                       QStringLiteral("ptc")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("exported 2 sources and 8 annotations as ptc"), r.out);
    QVERIFY2(r.out.contains("offsets: code points of the original files"), r.out);
    QCOMPARE(sortedLines(out + QStringLiteral("/task2-TC.labels")),
             sortedLines(kFixture
                         + QStringLiteral("/train-labels-task2-technique-classification.labels")));
    // Only one code
    r = m_cli.run({QStringLiteral("export"), project, out + QStringLiteral("-doubt"),
                   QStringLiteral("--format"), QStringLiteral("ptc"), QStringLiteral("--code"),
                   QStringLiteral("Doubt")});
    QCOMPARE(sortedLines(out + QStringLiteral("-doubt/task2-TC.labels")),
             QStringList {QStringLiteral("1002\tDoubt\t43\t51")});
    const QString csv = m_dir.filePath(QStringLiteral("segments.csv"));
    r = m_cli.run({QStringLiteral("export"), project, csv, QStringLiteral("--format"),
                   QStringLiteral("csv"), QStringLiteral("--bom")});
    QCOMPARE(r.exitCode, 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "annotation_uuid,"));
    QCOMPARE(bytes.count("\r\n"), 9);
    // The CSV back into the same project: every row is already there.
    r = m_cli.run({QStringLiteral("import"), project, csv});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("annotations: 0 added, 8 already there"), r.out);
}

void TestCliExchange::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("export without format") << QStringList {"export", "p.framewise", "out"};
    QTest::newRow("export unknown format")
        << QStringList {"export", "p.framewise", "out", "--format", "docx"};
    QTest::newRow("import unknown format")
        << QStringList {"import", "p.framewise", "x.csv", "--format", "docx"};
    QTest::newRow("mixed formats") << QStringList {"import", "p.framewise", "x.csv", "y.txt"};
}

void TestCliExchange::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = m_cli.run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

void TestCliExchange::badFileNamesFileAndKeepsProject()
{
    const QString project = m_dir.filePath(QStringLiteral("bad.framewise"));
    QCOMPARE(m_cli.run({QStringLiteral("import"), project, kFixture}).exitCode, 0);
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("bad")));
    const QString labels = m_cli.write(QStringLiteral("bad/x.labels"), "1001\tDoubt\t0\t99999\n");
    QFile::copy(kFixture + QStringLiteral("/article1001.txt"),
                QFileInfo(labels).dir().filePath(QStringLiteral("article1001.txt")));
    const Run r = m_cli.run({QStringLiteral("import"), project, QFileInfo(labels).path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("x.labels: line 1: the span 0–99999 lies outside"), r.err);
    const Run list = m_cli.run({QStringLiteral("annotations"), project});
    QCOMPARE(list.out.count('\n'), 9); // header and the 8 of the fixture
}

QTEST_GUILESS_MAIN(TestCliExchange)
#include "tst_cli_exchange.moc"
