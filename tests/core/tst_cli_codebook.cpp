// `framewise codebook` end to end through the real binary: list, add the
// starter codebooks (merging by name), export and import, and the errors.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "CliRunner.h"

namespace {
// Output decoded, as these checks compare text.
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestCliCodebook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listShowsTreeWithCounts();
    void addStarterCodebooksNeverDuplicates();
    void exportImportRoundTrip();
    void malformedImportNamesTheFile();
    void badUsage_data();
    void badUsage();

private:
    Run run(const QStringList &args);
    QString newProject(const QString &name);
    QTemporaryDir m_dir;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
};

Run TestCliCodebook::run(const QStringList &args)
{
    const CliRunner::Run r = m_cli.run(args);
    return {r.exitCode, QString::fromUtf8(r.out), QString::fromUtf8(r.err)};
}

// A project with one article, made by `import` (which creates it empty).
QString TestCliCodebook::newProject(const QString &name)
{
    const QString project = m_dir.filePath(name + QStringLiteral(".framewise"));
    const QString article
        = m_cli.write(name + QStringLiteral(".txt"), "Kim Jong Un praised the heroes.\n");
    const Run r = run({QStringLiteral("import"), project, article});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.err));
    return project;
}

void TestCliCodebook::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    const Run help = run({QStringLiteral("--help")});
    QVERIFY(help.out.contains(QStringLiteral("codebook PROJECT list")));
}

void TestCliCodebook::listShowsTreeWithCounts()
{
    const QString project = newProject(QStringLiteral("list"));
    QCOMPARE(
        run({QStringLiteral("codebook"), project, QStringLiteral("add"), QStringLiteral("general")})
            .exitCode,
        0);
    const Run coded = run({QStringLiteral("annotate"), project, QStringLiteral("1"),
                           QStringLiteral("0"), QStringLiteral("11"), QStringLiteral("Person")});
    QCOMPARE(coded.exitCode, 0);
    const Run r = run({QStringLiteral("codebook"), project, QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("Claim (claim)"));
    QCOMPARE(lines.at(1), QStringLiteral("  Factual claim\t1\t0"));
    QVERIFY(lines.contains(QStringLiteral("Actor (actor)")));
    QVERIFY(lines.contains(QStringLiteral("  Person\t4\t1")));
    QVERIFY(lines.contains(QStringLiteral("  Alliance and solidarity\t\t0")));
}

void TestCliCodebook::addStarterCodebooksNeverDuplicates()
{
    const QString project = newProject(QStringLiteral("add"));
    for (const char *name : {"general", "media-frames", "propaganda-techniques", "media-frames"}) {
        const Run r = run(
            {QStringLiteral("codebook"), project, QStringLiteral("add"), QLatin1String(name)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    const Run r = run({QStringLiteral("codebook"), project, QStringLiteral("list")});
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // 13 general + 14 new frames + 11 new techniques, in 4 categories.
    QCOMPARE(lines.size(), 13 + 14 + 11 + 4);
    for (const char *shared :
         {"Security and defense", "Loaded language", "Name calling, labeling", "Flag-waving"}) {
        const QString line = QStringLiteral("  ") + QLatin1String(shared) + QLatin1Char('\t');
        int count = 0;
        for (const QString &l : lines)
            count += l.startsWith(line) ? 1 : 0;
        QVERIFY2(count == 1, shared);
    }
    QVERIFY(r.out.contains(QStringLiteral("  Whataboutism, straw man, red herring\t")));
    QVERIFY(r.out.contains(QStringLiteral("  External regulation and reputation\t")));
}

void TestCliCodebook::exportImportRoundTrip()
{
    const QString from = newProject(QStringLiteral("from"));
    run({QStringLiteral("codebook"), from, QStringLiteral("add"),
         QStringLiteral("propaganda-techniques")});
    const QString file = m_dir.filePath(QStringLiteral("techniques.json"));
    const Run exported = run({QStringLiteral("codebook"), from, QStringLiteral("export"), file});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("framewise_codebook")).toInt(), 1);
    QCOMPARE(root.value(QStringLiteral("categories"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("codes"))
                 .toArray()
                 .size(),
             14);

    const QString to = newProject(QStringLiteral("to"));
    Run imported = run({QStringLiteral("codebook"), to, QStringLiteral("import"), file});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY(imported.out.contains(QStringLiteral("added 14 codes")));
    imported = run({QStringLiteral("codebook"), to, QStringLiteral("import"), file});
    QVERIFY(imported.out.contains(QStringLiteral("added 0 codes")));
    QCOMPARE(run({QStringLiteral("codebook"), to, QStringLiteral("list")}).out,
             run({QStringLiteral("codebook"), from, QStringLiteral("list")}).out);
}

void TestCliCodebook::malformedImportNamesTheFile()
{
    const QString project = newProject(QStringLiteral("bad"));
    const QString bad = m_cli.write(QStringLiteral("broken.json"),
                              "{\"framewise_codebook\": 1, \"categories\": [{\"codes\": []}]}");
    Run r = run({QStringLiteral("codebook"), project, QStringLiteral("import"), bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("broken.json"))
                 && r.err.contains(QStringLiteral("categories[0]")),
             qPrintable(r.err));
    const QString notJson = m_cli.write(QStringLiteral("garbage.json"), "not json at all");
    r = run({QStringLiteral("codebook"), project, QStringLiteral("import"), notJson});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("garbage.json")), qPrintable(r.err));
    r = run({QStringLiteral("codebook"), project, QStringLiteral("import"),
             m_dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("missing.json")), qPrintable(r.err));
    QCOMPARE(run({QStringLiteral("codebook"), project, QStringLiteral("list")}).out, QString());
}

void TestCliCodebook::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no action") << QStringList {QStringLiteral("p.framewise")};
    QTest::newRow("unknown action")
        << QStringList {QStringLiteral("p.framewise"), QStringLiteral("frobnicate")};
    QTest::newRow("unknown starter") << QStringList {
        QStringLiteral("p.framewise"), QStringLiteral("add"), QStringLiteral("vibes")};
    QTest::newRow("export without file")
        << QStringList {QStringLiteral("p.framewise"), QStringLiteral("export")};
}

void TestCliCodebook::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = run(QStringList {QStringLiteral("codebook")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("usage: framewise codebook")));
}

QTEST_GUILESS_MAIN(TestCliCodebook)
#include "tst_cli_codebook.moc"
