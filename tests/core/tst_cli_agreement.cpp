// `framewise agreement`, `compare` and `annotate --document` end to end,
// through the real binary, with figures worked out by hand.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Run = CliRunner::Run;

class TestCliAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void documentUnits();
    void documentLevelCodes();
    void sentencesAndParagraphsInCodePoints();
    void spanContinuum();
    void categoryAsOneVariable();
    void jsonKeysAndBootstrap();
    void table();
    void badInput_data();
    void badInput();
    void compareWithGold();
    void releasedProjectFile();

private:
    // Runs and requires exit 0.
    QByteArray ok(const QStringList &args);
    void annotate(const QString &coder, int article, int start, int end, const QString &code);
    // The row of a TSV result for a measure and code: its fields.
    static QStringList row(const QByteArray &tsv, const QString &measure, const QString &code);

    QTemporaryDir m_dir;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
    QString m_project;
};

QByteArray TestCliAgreement::ok(const QStringList &args)
{
    const Run r = m_cli.run(args);
    if (r.exitCode != 0)
        qWarning("%s -> %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode,
                 r.err.constData());
    [&] { QCOMPARE(r.exitCode, 0); }();
    return r.out;
}

void TestCliAgreement::annotate(const QString &coder, int article, int start, int end,
                                const QString &code)
{
    ok({QStringLiteral("annotate"), m_project, QString::number(article), QString::number(start),
        QString::number(end), code, QStringLiteral("--coder"), coder});
}

QStringList TestCliAgreement::row(const QByteArray &tsv, const QString &measure,
                                  const QString &code)
{
    for (const QByteArray &line : tsv.split('\n')) {
        const QStringList fields = QString::fromUtf8(line).split(QLatin1Char('\t'));
        if (fields.size() == 9 && fields[0] == measure && fields[2] == code)
            return fields;
    }
    return {};
}

void TestCliAgreement::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    m_project = m_dir.filePath(QStringLiteral("team.framewise"));
    // Article 1 starts with an emoji: code points and UTF-16 differ by one
    // from there on. Sentences (code points): [0,12) [13,22) [23,35)
    // [37,59); paragraphs [0,35) [37,59).
    const QString one = m_cli.write(
        QStringLiteral("one.txt"),
        QStringLiteral("😀 Alpha one. Beta two. Gamma three.\n\nSecond paragraph here.").toUtf8());
    const QString two
        = m_cli.write(QStringLiteral("two.txt"), "Another article\nWith more text in it.");
    const QString three
        = m_cli.write(QStringLiteral("three.txt"), "A third one\nAbout something else.");
    ok({QStringLiteral("import"), m_project, one, two, three});
}

void TestCliAgreement::documentUnits()
{
    // Fear: alice in articles 1 and 2, bob in 1 and 3; both code Other in
    // all three, so every article was coded by both.
    for (const QString &coder : {QStringLiteral("alice"), QStringLiteral("bob")})
        for (int a = 1; a <= 3; ++a)
            annotate(coder, a, 0, 1, QStringLiteral("Other"));
    annotate(QStringLiteral("alice"), 1, 2, 7, QStringLiteral("Fear"));
    annotate(QStringLiteral("alice"), 2, 0, 7, QStringLiteral("Fear"));
    annotate(QStringLiteral("bob"), 1, 12, 14, QStringLiteral("Fear"));
    annotate(QStringLiteral("bob"), 3, 0, 5, QStringLiteral("Fear"));
    const QByteArray out
        = ok({QStringLiteral("agreement"), m_project, QStringLiteral("--code"),
              QStringLiteral("Fear"), QStringLiteral("--coders"), QStringLiteral("alice,bob")});
    QVERIFY(out.startsWith("measure\tunit\tcode\tcoders\tunits\tvalue\tci_low\tci_high\tnote\n"));
    // Units (alice, bob): (1,1) (1,0) (0,1). Percent 1/3; kappa: Pe = 5/9,
    // (1/3 - 5/9) / (4/9) = -0.5; alpha: 1 - 5 * 4 / 16 = -0.25.
    QCOMPARE(row(out, QStringLiteral("percent"), QStringLiteral("Fear")),
             (QStringList {"percent", "document", "Fear", "alice,bob", "3", "0.333", "", "", ""}));
    QCOMPARE(row(out, QStringLiteral("cohen"), QStringLiteral("Fear"))[5],
             QStringLiteral("-0.500"));
    QCOMPARE(row(out, QStringLiteral("alpha-nominal"), QStringLiteral("Fear"))[5],
             QStringLiteral("-0.250"));
    // Other: everybody said yes everywhere: no variation, a reason, no number.
    const QByteArray other = ok({QStringLiteral("agreement"), m_project, QStringLiteral("--code"),
                                 QStringLiteral("Other"), QStringLiteral("--measure"),
                                 QStringLiteral("alpha-nominal")});
    const QStringList r = row(other, QStringLiteral("alpha-nominal"), QStringLiteral("Other"));
    QCOMPARE(r[5], QString());
    QVERIFY(r[8].contains(QLatin1String("without variation")));
    QVERIFY(!other.contains("nan"));
}

void TestCliAgreement::documentLevelCodes()
{
    // carol codes article 2 as a whole; dave does not: a document-level
    // code counts on document units.
    Run r = m_cli.run({QStringLiteral("annotate"), m_project, QStringLiteral("2"),
                       QStringLiteral("Hopeful"), QStringLiteral("--document"),
                       QStringLiteral("--coder"), QStringLiteral("carol")});
    QCOMPARE(r.exitCode, 0);
    r = m_cli.run({QStringLiteral("annotations"), m_project, QStringLiteral("2"),
                   QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(r.out.contains("Hopeful"));
    annotate(QStringLiteral("dave"), 2, 0, 3, QStringLiteral("Other"));
    annotate(QStringLiteral("carol"), 1, 0, 1, QStringLiteral("Other"));
    annotate(QStringLiteral("dave"), 1, 0, 1, QStringLiteral("Other"));
    annotate(QStringLiteral("dave"), 1, 0, 1, QStringLiteral("Hopeful"));
    const QByteArray out
        = ok({QStringLiteral("agreement"), m_project, QStringLiteral("--coders"),
              QStringLiteral("carol,dave"), QStringLiteral("--code"), QStringLiteral("Hopeful"),
              QStringLiteral("--measure"), QStringLiteral("percent")});
    // Article 1: (0,1); article 2: (1,0): no agreement.
    QCOMPARE(row(out, QStringLiteral("percent"), QStringLiteral("Hopeful"))[4],
             QStringLiteral("2"));
    QCOMPARE(row(out, QStringLiteral("percent"), QStringLiteral("Hopeful"))[5],
             QStringLiteral("0.000"));
    // Usage: --document takes no offsets.
    r = m_cli.run({QStringLiteral("annotate"), m_project, QStringLiteral("2"), QStringLiteral("0"),
                   QStringLiteral("3"), QStringLiteral("Hopeful"), QStringLiteral("--document")});
    QCOMPARE(r.exitCode, 2);
}

void TestCliAgreement::sentencesAndParagraphsInCodePoints()
{
    // Fear in article 1: alice [2,7) in sentence 1, bob [12,14) in sentence 2
    // only (in UTF-16 it would touch sentence 1 too). Articles 2 and 3 add
    // their own sentences.
    const QByteArray sentences = ok(
        {QStringLiteral("agreement"), m_project, QStringLiteral("--code"), QStringLiteral("Fear"),
         QStringLiteral("--coders"), QStringLiteral("alice,bob"), QStringLiteral("--unit"),
         QStringLiteral("sentence"), QStringLiteral("--measure"), QStringLiteral("percent")});
    // Article 1: (1,0) (0,1) (0,0) (0,0); article 2 "Another article\nWith
    // more text in it." -> 2 sentences, alice's [0,7) in the first: (1,0) (0,0);
    // article 3 "A third one\nAbout something else." -> bob's [0,5): (0,1) (0,0).
    // 8 units, 4 agree.
    const QStringList s = row(sentences, QStringLiteral("percent"), QStringLiteral("Fear"));
    QCOMPARE(s[1], QStringLiteral("sentence"));
    QCOMPARE(s[4], QStringLiteral("8"));
    QCOMPARE(s[5], QStringLiteral("0.500"));
    const QByteArray paragraphs = ok(
        {QStringLiteral("agreement"), m_project, QStringLiteral("--code"), QStringLiteral("Fear"),
         QStringLiteral("--coders"), QStringLiteral("alice,bob"), QStringLiteral("--unit"),
         QStringLiteral("paragraph"), QStringLiteral("--measure"), QStringLiteral("percent")});
    // Paragraphs: article 1 (1,1) (0,0); 2: (1,0) (0,0); 3: (0,1) (0,0).
    const QStringList p = row(paragraphs, QStringLiteral("percent"), QStringLiteral("Fear"));
    QCOMPARE(p[4], QStringLiteral("6"));
    QCOMPARE(p[5], QStringLiteral("0.667"));
}

void TestCliAgreement::spanContinuum()
{
    // Other: alice and bob both marked [0,1) of every article: alpha_U 1.
    const QByteArray out
        = ok({QStringLiteral("agreement"), m_project, QStringLiteral("--coders"),
              QStringLiteral("alice,bob"), QStringLiteral("--unit"), QStringLiteral("span")});
    QCOMPARE(row(out, QStringLiteral("alpha-u"), QStringLiteral("Other"))[5],
             QStringLiteral("1.000"));
    QCOMPARE(row(out, QStringLiteral("alpha-u"), QStringLiteral("Other"))[1],
             QStringLiteral("span"));
    const QStringList fear = row(out, QStringLiteral("alpha-u"), QStringLiteral("Fear"));
    QVERIFY(fear[5].toDouble() < 0.5);
    QCOMPARE(fear[4], QStringLiteral("4"));
    // Over all codes: between the two.
    const double all
        = row(out, QStringLiteral("alpha-u"), QStringLiteral("(all codes)"))[5].toDouble();
    QVERIFY(all > fear[5].toDouble() && all < 1);
    // Another measure on the span continuum: no value, a reason.
    const QByteArray other
        = ok({QStringLiteral("agreement"), m_project, QStringLiteral("--unit"),
              QStringLiteral("span"), QStringLiteral("--measure"), QStringLiteral("cohen"),
              QStringLiteral("--code"), QStringLiteral("Fear")});
    QVERIFY(row(other, QStringLiteral("cohen"), QStringLiteral("Fear"))[8].contains(
        QLatin1String("alpha-u")));
}

void TestCliAgreement::categoryAsOneVariable()
{
    // Fear, Other and Hopeful were created in the Custom category.
    const QByteArray out
        = ok({QStringLiteral("agreement"), m_project, QStringLiteral("--coders"),
              QStringLiteral("alice,bob"), QStringLiteral("--category"), QStringLiteral("Custom"),
              QStringLiteral("--measure"), QStringLiteral("percent")});
    QVERIFY(!row(out, QStringLiteral("percent"), QStringLiteral("Fear")).isEmpty());
    // Any code: alice and bob coded Other everywhere: full agreement.
    QCOMPARE(row(out, QStringLiteral("percent"), QStringLiteral("Custom (any code)"))[5],
             QStringLiteral("1.000"));
    // One variable: values Fear+Other / Other per article: (F+O, F+O)
    // (F+O, O) (O, F+O): 1 of 3.
    QCOMPARE(row(out, QStringLiteral("percent"), QStringLiteral("Custom (one variable)"))[5],
             QStringLiteral("0.333"));
}

void TestCliAgreement::jsonKeysAndBootstrap()
{
    const QStringList args {QStringLiteral("agreement"),   m_project,
                            QStringLiteral("--coders"),    QStringLiteral("alice,bob"),
                            QStringLiteral("--code"),      QStringLiteral("Fear"),
                            QStringLiteral("--unit"),      QStringLiteral("sentence"),
                            QStringLiteral("--measure"),   QStringLiteral("alpha-nominal"),
                            QStringLiteral("--measure"),   QStringLiteral("ac1"),
                            QStringLiteral("--bootstrap"), QStringLiteral("500"),
                            QStringLiteral("--seed"),      QStringLiteral("42"),
                            QStringLiteral("--format"),    QStringLiteral("json")};
    const QByteArray out = ok(args);
    QCOMPARE(ok(args), out); // seeded: the same intervals
    const QJsonArray list = QJsonDocument::fromJson(out).array();
    QCOMPARE(list.size(), 2);
    const QJsonObject o = list[1].toObject();
    for (const char *key :
         {"measure", "unit", "code", "coders", "units", "value", "ci_low", "ci_high"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o[QStringLiteral("measure")].toString(), QStringLiteral("ac1"));
    QCOMPARE(o[QStringLiteral("coders")].toArray().size(), 2);
    QCOMPARE(o[QStringLiteral("units")].toInt(), 8);
    QVERIFY(o[QStringLiteral("ci_low")].toDouble() <= o[QStringLiteral("value")].toDouble() + 1e-9);
    QVERIFY(o[QStringLiteral("ci_high")].toDouble() >= o[QStringLiteral("ci_low")].toDouble());
    // Alpha of this data is negative; undefined intervals are null, never NaN.
    QVERIFY(!out.contains("nan") && !out.contains("NaN"));
}

void TestCliAgreement::table()
{
    // Krippendorff's (2011) four observers by twelve units.
    const QString file = m_cli.write(
        QStringLiteral("k.tsv"),
        "unit\tA\tB\tC\tD\n1\t1\t1\t\t1\n2\t2\t2\t3\t2\n3\t3\t3\t3\t3\n4\t3\t3\t3\t3\n"
        "5\t2\t2\t2\t2\n6\t1\t2\t3\t4\n7\t4\t4\t4\t4\n8\t1\t1\t2\t1\n9\t2\t2\t2\t2\n"
        "10\t\t5\t5\t5\n11\t\t\t1\t1\n12\t\t3\t\t\n");
    const QByteArray out = ok({QStringLiteral("agreement"), QStringLiteral("--table"), file,
                               QStringLiteral("--measure"), QStringLiteral("alpha-nominal"),
                               QStringLiteral("--measure"), QStringLiteral("alpha-interval")});
    QCOMPARE(row(out, QStringLiteral("alpha-nominal"), QString()),
             (QStringList {"alpha-nominal", "row", "", "A,B,C,D", "11", "0.743", "", "", ""}));
    QCOMPARE(row(out, QStringLiteral("alpha-interval"), QString())[5], QStringLiteral("0.849"));
    // Labels: nominal measures only.
    const QString labels
        = m_cli.write(QStringLiteral("l.tsv"), "A\tB\nyes\tyes\nno\tyes\nno\tno\n");
    const QByteArray lab = ok({QStringLiteral("agreement"), QStringLiteral("--table"), labels,
                               QStringLiteral("--measure"), QStringLiteral("percent"),
                               QStringLiteral("--measure"), QStringLiteral("alpha-interval")});
    QCOMPARE(row(lab, QStringLiteral("percent"), QString())[5], QStringLiteral("0.667"));
    QVERIFY(row(lab, QStringLiteral("alpha-interval"), QString())[8].contains(
        QLatin1String("numeric")));
}

void TestCliAgreement::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString p = QStringLiteral("@PROJECT@");
    QTest::newRow("one coder") << QStringList {"agreement", p, "--coders", "alice"} << 2
                               << "at least two names";
    QTest::newRow("unknown coder")
        << QStringList {"agreement", p, "--coders", "alice,zed"} << 1 << "no coder named \"zed\"";
    QTest::newRow("unknown code") << QStringList {"agreement", p, "--code", "Nope"} << 1
                                  << "no code named \"Nope\"";
    QTest::newRow("unknown category")
        << QStringList {"agreement", p, "--category", "Nope"} << 1 << "no category named";
    QTest::newRow("unknown measure")
        << QStringList {"agreement", p, "--measure", "tau"} << 2 << "unknown measure";
    QTest::newRow("bad unit") << QStringList {"agreement", p, "--unit", "word"} << 2
                              << "--unit must be";
    QTest::newRow("bad bootstrap")
        << QStringList {"agreement", p, "--bootstrap", "-3"} << 2 << "--bootstrap must be";
    QTest::newRow("table without measure")
        << QStringList {"agreement", "--table", "x.tsv"} << 2 << "at least one --measure";
    QTest::newRow("ragged table") << QStringList {"agreement", "--table", "@RAGGED@", "--measure",
                                                  "percent"}
                                  << 1 << "ragged.tsv: line 3 has 3 fields; the header has 2";
    QTest::newRow("missing table")
        << QStringList {"agreement", "--table", "@HOME@/none.tsv", "--measure", "percent"} << 1
        << "none.tsv: cannot read";
    QTest::newRow("compare without gold")
        << QStringList {"compare", p, "--coder", "bob"} << 2 << "--gold";
    QTest::newRow("compare unknown")
        << QStringList {"compare", p, "--gold", "teacher", "--coder", "bob"} << 1
        << "no coder named \"teacher\"";
}

void TestCliAgreement::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString ragged = m_cli.write(QStringLiteral("ragged.tsv"), "A\tB\n1\t2\n1\t2\t3\n");
    for (QString &a : args)
        a.replace(QStringLiteral("@PROJECT@"), m_project)
            .replace(QStringLiteral("@RAGGED@"), ragged)
            .replace(QStringLiteral("@HOME@"), m_dir.path());
    const Run r = m_cli.run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliAgreement::compareWithGold()
{
    // Gold alice, student bob on Fear: article 1 alice [2,7), bob [12,14):
    // no overlap; article 2 alice [0,7), bob nothing; article 3 bob [0,5),
    // alice nothing. Precision 0/2, recall 0/2.
    Run r = m_cli.run({QStringLiteral("compare"), m_project, QStringLiteral("--gold"),
                       QStringLiteral("alice"), QStringLiteral("--coder"), QStringLiteral("bob")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(
        r.out.startsWith("code\tgold_spans\tcoder_spans\tprecision\trecall\tf1\texact_precision"));
    QVERIFY(r.out.contains("\nFear\t2\t2\t0.000\t0.000\t0.000\t0.000\t0.000\t0.000\t\n"));
    // Other: identical spans everywhere.
    QVERIFY(r.out.contains("\nOther\t3\t3\t1.000\t1.000\t1.000\t1.000\t1.000\t1.000\t\n"));
    // A partial hit: bob marks [4,10) in article 2 where alice marked [0,7):
    // overlap 3; precision (0 + 0 + 3/6) / 3, recall (0 + 3/7) / 2.
    annotate(QStringLiteral("bob"), 2, 4, 10, QStringLiteral("Fear"));
    r = m_cli.run({QStringLiteral("compare"), m_project, QStringLiteral("--gold"),
                   QStringLiteral("alice"), QStringLiteral("--coder"), QStringLiteral("bob"),
                   QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QJsonObject fear;
    for (const QJsonValue &v : list)
        if (v.toObject()[QStringLiteral("code")].toString() == QLatin1String("Fear"))
            fear = v.toObject();
    QCOMPARE(fear[QStringLiteral("coder_spans")].toInt(), 3);
    QVERIFY(qAbs(fear[QStringLiteral("precision")].toDouble() - 0.5 / 3) < 1e-12);
    QVERIFY(qAbs(fear[QStringLiteral("recall")].toDouble() - (3.0 / 7) / 2) < 1e-12);
    QCOMPARE(fear[QStringLiteral("exact_precision")].toDouble(), 0.0);
}

void TestCliAgreement::releasedProjectFile()
{
    // A file saved by the schema 7 release (alice, bob and carol coded it):
    // whole-article codes, agreement and merging need no new schema.
    const QString original = QStringLiteral(FRAMEWISE_TEST_DATA "/projects/v7-release.framewise");
    const QString a = m_dir.filePath(QStringLiteral("v7-a.framewise")),
                  b = m_dir.filePath(QStringLiteral("v7-b.framewise"));
    QVERIFY(QFile::copy(original, a));
    QVERIFY(QFile::copy(original, b));
    QFile::setPermissions(a, QFile::ReadOwner | QFile::WriteOwner);
    QFile::setPermissions(b, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray before = ok({QStringLiteral("annotations"), a});
    const int count = int(before.count('\n')) - 1; // less the header
    QVERIFY(count > 0);

    const QByteArray out
        = ok({QStringLiteral("agreement"), a, QStringLiteral("--coders"),
              QStringLiteral("alice,bob"), QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonArray rows = QJsonDocument::fromJson(out).array();
    QVERIFY(!rows.isEmpty());
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        QVERIFY(o[QStringLiteral("value")].isNull() || o[QStringLiteral("value")].isDouble());
        QVERIFY(o[QStringLiteral("value")].isDouble()
                || !o[QStringLiteral("note")].toString().isEmpty());
    }

    ok({QStringLiteral("annotate"), b, QStringLiteral("1"), QStringLiteral("Whole-article frame"),
        QStringLiteral("--document"), QStringLiteral("--coder"), QStringLiteral("carol")});
    // b = a plus one annotation: merging b into a adds exactly that one,
    // and again nothing.
    QByteArray merged = ok({QStringLiteral("merge"), a, b});
    QVERIFY2(
        merged.contains(QStringLiteral("annotations added\t1\nannotations already present\t%1\n")
                            .arg(count)
                            .toUtf8()),
        merged.constData());
    merged = ok({QStringLiteral("merge"), a, b});
    QVERIFY(
        merged.contains(QStringLiteral("annotations added\t0\nannotations already present\t%1\n")
                            .arg(count + 1)
                            .toUtf8()));
    QVERIFY(ok({QStringLiteral("annotations"), a, QStringLiteral("1")})
                .contains("Whole-article frame"));
}

QTEST_GUILESS_MAIN(TestCliAgreement)
#include "tst_cli_agreement.moc"
