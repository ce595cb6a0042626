// Agreement measures against published worked examples, NLTK on seeded
// random data, and the undefined cases.
#include "RequiredTool.h"
#include "agreement/CodingAgreement.h"
#include "agreement/ReliabilityTable.h"
#include "agreement/SpanScoring.h"
#include "agreement/UnitizingAlpha.h"
#include "base/ProjectError.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <random>

namespace {
using Row = std::vector<std::optional<double>>;
constexpr std::optional<double> none = std::nullopt;

// Rows are units, columns coders.
ReliabilityData table(int coders, const std::vector<Row> &rows)
{
    ReliabilityData d;
    for (int c = 0; c < coders; ++c)
        d.coders.append(QStringLiteral("c%1").arg(c + 1));
    int u = 0;
    for (const Row &r : rows)
        d.addUnit(QString::number(++u), r);
    return d;
}

// Two coders' contingency table (rows: coder A's category, columns: B's)
// as units.
ReliabilityData fromContingency(const std::vector<std::vector<int>> &counts)
{
    std::vector<Row> rows;
    for (size_t a = 0; a < counts.size(); ++a)
        for (size_t b = 0; b < counts[a].size(); ++b)
            for (int n = 0; n < counts[a][b]; ++n)
                rows.push_back({double(a), double(b)});
    return table(2, rows);
}

double value(const ReliabilityData &d, AgreementMeasure m)
{
    const AgreementResult r = CodingAgreement(d).compute(m);
    if (!r.value)
        qWarning("no value: %s", qPrintable(r.reason));
    return r.value.value_or(-99);
}

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), C:
// four observers, twelve units, values 1-5, missing data.
ReliabilityData krippendorff2011()
{
    const auto x = none;
    return table(4,
                 {{1, 1, x, 1},
                  {2, 2, 3, 2},
                  {3, 3, 3, 3},
                  {3, 3, 3, 3},
                  {2, 2, 2, 2},
                  {1, 2, 3, 4},
                  {4, 4, 4, 4},
                  {1, 1, 2, 1},
                  {2, 2, 2, 2},
                  {x, 5, 5, 5},
                  {x, x, 1, 1},
                  {x, 3, x, x}});
}
} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void krippendorffMissingData();
    void krippendorffBinaryTwoObservers();
    void fleiss1971();
    void fleissWikipediaExample();
    void cohen1960();
    void artsteinPoesio2008();
    void unitizingKrippendorff2004();
    void unitizingJoinsOverlapsAndHandlesEdges();
    void nltkCrossCheck();
    void bootstrapIsSeededAndBrackets();
    void undefinedCasesHaveReasons();
    void tableReading();
    void tableRefusesBadInput_data();
    void tableRefusesBadInput();
    void spanScoring();
};

void TestAgreement::krippendorffMissingData()
{
    const ReliabilityData d = krippendorff2011();
    // Printed: nominal .743, ordinal .815, interval .849, ratio .797.
    QCOMPARE(qRound(value(d, AgreementMeasure::AlphaNominal) * 1000), 743);
    QCOMPARE(qRound(value(d, AgreementMeasure::AlphaOrdinal) * 1000), 815);
    QCOMPARE(qRound(value(d, AgreementMeasure::AlphaInterval) * 1000), 849);
    QCOMPARE(qRound(value(d, AgreementMeasure::AlphaRatio) * 1000), 797);
    // Unit 12 has one value: it is not pairable.
    QCOMPARE(CodingAgreement(d).pairableUnits(), 11);
}

void TestAgreement::krippendorffBinaryTwoObservers()
{
    // Krippendorff (2011), A: two observers, binary data; alpha = .095.
    const std::vector<double> a {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    const std::vector<double> b {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    std::vector<Row> rows;
    for (size_t i = 0; i < a.size(); ++i)
        rows.push_back({a[i], b[i]});
    QCOMPARE(qRound(value(table(2, rows), AgreementMeasure::AlphaNominal) * 1000), 95);
}

void TestAgreement::fleiss1971()
{
    // Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5
    // diagnoses (as counts per diagnosis); kappa = .430.
    const std::vector<std::vector<int>> counts
        = {{0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0},
           {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6},
           {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
           {0, 0, 5, 0, 1}, {3, 0, 0, 1, 2}, {5, 1, 0, 0, 0}, {0, 2, 0, 4, 0}, {1, 0, 2, 0, 3},
           {0, 0, 0, 0, 6}, {0, 1, 0, 5, 0}, {0, 2, 0, 1, 3}, {2, 0, 0, 4, 0}, {1, 0, 0, 4, 1},
           {0, 5, 0, 1, 0}, {4, 0, 0, 0, 2}, {0, 2, 0, 4, 0}, {1, 0, 5, 0, 0}, {0, 0, 0, 0, 6}};
    std::vector<Row> rows;
    std::vector<int> columnTotals(5, 0);
    for (const auto &subject : counts) {
        Row r;
        for (int k = 0; k < 5; ++k)
            for (int n = 0; n < subject[size_t(k)]; ++n)
                r.push_back(double(k));
        QCOMPARE(r.size(), size_t(6));
        for (int k = 0; k < 5; ++k)
            columnTotals[size_t(k)] += subject[size_t(k)];
        rows.push_back(r);
    }
    QCOMPARE(columnTotals, (std::vector<int> {26, 26, 30, 55, 43}));
    const ReliabilityData d = table(6, rows);
    QCOMPARE(qRound(value(d, AgreementMeasure::Fleiss) * 1000), 430);
    QVERIFY(qAbs(value(d, AgreementMeasure::Fleiss) - 0.4302445) < 1e-6); // irr::kappam.fleiss
    // Multi-pi is Scott's pi for many coders: the same figure.
    QCOMPARE(value(d, AgreementMeasure::Scott), value(d, AgreementMeasure::Fleiss));
}

void TestAgreement::fleissWikipediaExample()
{
    // Ten subjects, fourteen raters: P = .378, Pe = .213, kappa = .210.
    const std::vector<std::vector<int>> counts
        = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
           {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    std::vector<Row> rows;
    for (const auto &subject : counts) {
        Row r;
        for (int k = 0; k < 5; ++k)
            for (int n = 0; n < subject[size_t(k)]; ++n)
                r.push_back(double(k));
        rows.push_back(r);
    }
    const ReliabilityData d = table(14, rows);
    QCOMPARE(qRound(value(d, AgreementMeasure::Percent) * 1000), 378);
    QCOMPARE(qRound(value(d, AgreementMeasure::Fleiss) * 1000), 210);
}

void TestAgreement::cohen1960()
{
    // Cohen (1960), Table 1 as counts of 200: p_o = .70, p_c = .41, kappa = .492.
    const ReliabilityData d = fromContingency({{88, 14, 18}, {10, 40, 10}, {2, 6, 12}});
    QCOMPARE(qRound(value(d, AgreementMeasure::Percent) * 100), 70);
    QCOMPARE(qRound(value(d, AgreementMeasure::Cohen) * 1000), 492);
    QCOMPARE(CodingAgreement(d).compute(AgreementMeasure::Cohen).units, 200);
}

void TestAgreement::artsteinPoesio2008()
{
    // Artstein and Poesio (2008), the Stat/IReq/Chck example: A_o = .88,
    // S = .82, pi = .7995, kappa = .8013.
    const ReliabilityData d = fromContingency({{46, 6, 0}, {0, 32, 0}, {0, 6, 10}});
    QCOMPARE(qRound(value(d, AgreementMeasure::Percent) * 100), 88);
    QCOMPARE(qRound(value(d, AgreementMeasure::BrennanPrediger) * 100), 82);
    QCOMPARE(qRound(value(d, AgreementMeasure::Scott) * 10000), 7995);
    QCOMPARE(qRound(value(d, AgreementMeasure::Cohen) * 10000), 8013);
    // Gwet's AC1 by hand: pi_k = (.49, .38, .13), Pe = sum pi(1-pi)/2 = .2993.
    const double pe = (0.49 * 0.51 + 0.38 * 0.62 + 0.13 * 0.87) / 2;
    QVERIFY(qAbs(value(d, AgreementMeasure::Ac1) - (0.88 - pe) / (1 - pe)) < 1e-12);
}

void TestAgreement::unitizingKrippendorff2004()
{
    // Krippendorff, Content Analysis (2nd ed., 2004), p. 254: a continuum
    // from 150 of length 300, two observers, categories c and k:
    // c alpha_U = .7286 (D_o = .0144, D_e = .0532), k alpha_U = 1,
    // D_e(k) = .0490, all categories .8591.
    UnitizingData d;
    d.begin = 150;
    d.length = 300;
    d.coders = {QStringLiteral("i"), QStringLiteral("j")};
    d.categories = {QStringLiteral("c"), QStringLiteral("k")};
    d.add(225, 70, 0, 0);
    d.add(370, 30, 0, 0);
    d.add(220, 80, 1, 0);
    d.add(355, 20, 1, 0);
    d.add(400, 20, 1, 0);
    d.add(180, 60, 0, 1);
    d.add(300, 50, 0, 1);
    d.add(180, 60, 1, 1);
    d.add(300, 50, 1, 1);
    const auto c = UnitizingAlpha::disagreement(d, 0);
    QCOMPARE(qRound(c.observed * 10000), 144);
    QCOMPARE(qRound(c.expected * 10000), 532);
    QCOMPARE(qRound(*UnitizingAlpha::category(d, 0).value * 10000), 7286);
    const auto k = UnitizingAlpha::disagreement(d, 1);
    QCOMPARE(k.observed, 0.0);
    QCOMPARE(qRound(k.expected * 10000), 490);
    QCOMPARE(*UnitizingAlpha::category(d, 1).value, 1.0);
    // All categories: 1 - (D_o(c) + D_o(k)) / (D_e(c) + D_e(k)). The printed
    // .8591 is that ratio of the rounded figures, 1 - .0144 / (.0532 + .0490);
    // unrounded it is .8587.
    const double overall = *UnitizingAlpha::overall(d).value;
    QCOMPARE(overall, 1 - (c.observed + k.observed) / (c.expected + k.expected));
    QCOMPARE(qRound((1 - 0.0144 / (0.0532 + 0.0490)) * 10000), 8591);
    QVERIFY(qAbs(overall - 0.8591) < 0.0005);
    QCOMPARE(UnitizingAlpha::category(d, 0).units, 5);
}

void TestAgreement::unitizingJoinsOverlapsAndHandlesEdges()
{
    UnitizingData d;
    d.length = 100;
    d.coders = {QStringLiteral("a"), QStringLiteral("b")};
    d.categories = {QStringLiteral("x"), QStringLiteral("unused")};
    // Coder a marks [10,30) in two overlapping pieces; b marks it once.
    d.add(10, 15, 0, 0);
    d.add(20, 10, 0, 0);
    d.add(10, 20, 1, 0);
    QCOMPARE(*UnitizingAlpha::category(d, 0).value, 1.0);
    QCOMPARE(UnitizingAlpha::category(d, 0).units, 2);
    const AgreementResult unused = UnitizingAlpha::category(d, 1);
    QVERIFY(!unused.value);
    QVERIFY(unused.reason.contains(QLatin1String("no coder marked")));
    // A unit of b alone costs its squared length.
    d.add(60, 10, 1, 0);
    const auto dis = UnitizingAlpha::disagreement(d, 0);
    QCOMPARE(dis.observed, 2.0 * 100 / (2 * 1 * 100.0 * 100));
    QVERIFY(*UnitizingAlpha::category(d, 0).value < 1);

    UnitizingData one = d;
    one.coders = {QStringLiteral("a")};
    QVERIFY(!UnitizingAlpha::overall(one).value);
    QCOMPARE(UnitizingAlpha::overall(one).reason, QStringLiteral("fewer than two coders"));
}

void TestAgreement::nltkCrossCheck()
{
    REQUIRE_TOOL(python, QStringLiteral("python3"), QStringLiteral("python3-nltk"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::mt19937 random(20240611);
    for (int coders : {2, 3, 5}) {
        // Complete data (NLTK needs every coder on every item), four
        // labels, coders agreeing with a hidden truth 70% of the time.
        const int items = 60, labels = 4;
        ReliabilityData d;
        for (int c = 0; c < coders; ++c)
            d.coders.append(QStringLiteral("c%1").arg(c));
        QByteArray triples;
        std::uniform_int_distribution<int> label(0, labels - 1);
        std::bernoulli_distribution agrees(0.7);
        for (int i = 0; i < items; ++i) {
            const int truth = label(random);
            Row row;
            for (int c = 0; c < coders; ++c) {
                const int v = agrees(random) ? truth : label(random);
                row.push_back(double(v));
                triples += QByteArray::number(c) + '\t' + QByteArray::number(i) + '\t'
                    + QByteArray::number(v) + '\n';
            }
            d.addUnit(QString::number(i), row);
        }
        QFile file(dir.filePath(QStringLiteral("data.tsv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(triples);
        file.close();
        const QString script = QStringLiteral(R"(
import sys
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import interval_distance
rows = [l.split('\t') for l in open(sys.argv[1]).read().splitlines()]
data = [(c, i, int(v)) for c, i, v in rows]
t = AnnotationTask(data)
ti = AnnotationTask(data, distance=interval_distance)
print(repr(t.avg_Ao()), repr(t.kappa()), repr(t.pi()), repr(t.S()), repr(t.alpha()), repr(ti.alpha()))
)");
        QProcess p;
        p.start(python, {QStringLiteral("-c"), script, file.fileName()});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (err.contains(QLatin1String("No module named 'nltk'")) || p.exitCode() != 0) {
            const QString message
                = QStringLiteral("NLTK (Debian package python3-nltk) failed: %1").arg(err);
            if (RequiredTool::mustFail())
                QFAIL(qPrintable(message));
            QSKIP(qPrintable(message));
        }
        const QStringList figures
            = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char(' '));
        QCOMPARE(figures.size(), 6);
        const CodingAgreement ours(d);
        const QList<AgreementMeasure> measures
            = {AgreementMeasure::Percent,      AgreementMeasure::Cohen,
               AgreementMeasure::Fleiss,       AgreementMeasure::BrennanPrediger,
               AgreementMeasure::AlphaNominal, AgreementMeasure::AlphaInterval};
        for (qsizetype k = 0; k < measures.size(); ++k) {
            const double theirs = figures[k].trimmed().toDouble();
            const double mine = ours.compute(measures[k]).value.value_or(-99);
            if (qAbs(theirs - mine) > 1e-9)
                QFAIL(qPrintable(QStringLiteral("%1 coders, %2: NLTK %3, Framewise %4")
                                     .arg(coders)
                                     .arg(AgreementMeasures::name(measures[k]))
                                     .arg(theirs, 0, 'g', 12)
                                     .arg(mine, 0, 'g', 12)));
        }
        if (coders == 2) // Scott's pi is NLTK's pi for two coders
            QVERIFY(qAbs(figures[2].toDouble() - *ours.compute(AgreementMeasure::Scott).value)
                    < 1e-9);
    }
}

void TestAgreement::bootstrapIsSeededAndBrackets()
{
    const ReliabilityData d = krippendorff2011();
    AgreementOptions o;
    o.bootstrap = 1000;
    o.seed = 7;
    const CodingAgreement a(d);
    const auto first = a.compute(AgreementMeasures::coding(), o);
    const auto again = a.compute(AgreementMeasures::coding(), o);
    o.seed = 8;
    const auto other = a.compute(AgreementMeasures::coding(), o);
    bool differs = false;
    for (qsizetype i = 0; i < first.size(); ++i) {
        const AgreementResult &r = first[i];
        QVERIFY2(r.value && r.ciLow && r.ciHigh, qPrintable(r.reason));
        QCOMPARE(*r.ciLow, *again[i].ciLow);
        QCOMPARE(*r.ciHigh, *again[i].ciHigh);
        QVERIFY(*r.ciLow <= *r.ciHigh);
        QVERIFY(*r.ciLow < *r.value + 1e-9 || *r.ciHigh > *r.value - 1e-9);
        QVERIFY(*r.ciHigh <= 1 + 1e-12);
        QVERIFY(r.replicates > 900);
        differs = differs || *other[i].ciLow != *r.ciLow;
    }
    QVERIFY(differs);
    // The interval of alpha (nominal) lies around the estimate.
    const AgreementResult alpha
        = first[qsizetype(AgreementMeasures::coding().indexOf(AgreementMeasure::AlphaNominal))];
    QVERIFY(*alpha.ciLow < 0.743 && 0.743 < *alpha.ciHigh);

    // Perfect agreement: every replicate is 1.
    const ReliabilityData perfect = table(3, {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {1, 1, none}});
    o.bootstrap = 200;
    const AgreementResult p = CodingAgreement(perfect).compute(AgreementMeasure::AlphaNominal, o);
    QCOMPARE(*p.value, 1.0);
    QCOMPARE(*p.ciLow, 1.0);
    QCOMPARE(*p.ciHigh, 1.0);
}

void TestAgreement::undefinedCasesHaveReasons()
{
    // One coder.
    const auto single
        = CodingAgreement(table(1, {{1}, {2}})).compute(AgreementMeasure::AlphaNominal);
    QVERIFY(!single.value);
    QCOMPARE(single.reason, QStringLiteral("fewer than two coders"));
    // No unit with two values.
    const auto lonely
        = CodingAgreement(table(2, {{1, none}, {none, 2}})).compute(AgreementMeasure::Cohen);
    QVERIFY(!lonely.value);
    QVERIFY(lonely.reason.contains(QLatin1String("two or more coders")));
    QCOMPARE(lonely.units, 0);
    // Everybody used one value: no variation.
    const ReliabilityData same = table(3, {{0, 0, 0}, {0, 0, 0}, {0, 0, none}});
    for (AgreementMeasure m :
         {AgreementMeasure::AlphaNominal, AgreementMeasure::AlphaInterval, AgreementMeasure::Cohen,
          AgreementMeasure::Fleiss, AgreementMeasure::Ac1}) {
        const auto r = CodingAgreement(same).compute(m);
        QVERIFY2(!r.value, qPrintable(AgreementMeasures::name(m)));
        QVERIFY(!r.reason.isEmpty());
        QCOMPARE(r.units, 3);
    }
    QCOMPARE(*CodingAgreement(same).compute(AgreementMeasure::Percent).value, 1.0);
    // ...unless the categories are declared (a code present or absent): AC1 is defined.
    ReliabilityData binary = same;
    binary.categoryCount = 2;
    QCOMPARE(*CodingAgreement(binary).compute(AgreementMeasure::Ac1).value, 1.0);
    QCOMPARE(*CodingAgreement(binary).compute(AgreementMeasure::BrennanPrediger).value, 1.0);
    // Labels have no distances.
    ReliabilityData labels = table(2, {{0, 1}, {1, 1}});
    labels.valueLabels = {QStringLiteral("yes"), QStringLiteral("no")};
    const auto interval = CodingAgreement(labels).compute(AgreementMeasure::AlphaInterval);
    QVERIFY(!interval.value);
    QVERIFY(interval.reason.contains(QLatin1String("numeric")));
    // Ratio needs non-negative values.
    QVERIFY(
        !CodingAgreement(table(2, {{-1, 2}, {3, 3}})).compute(AgreementMeasure::AlphaRatio).value);
}

void TestAgreement::tableReading()
{
    const ReliabilityData d = ReliabilityTable::parse(
        QStringLiteral("unit\tA\tB\tC\r\nu1\tyes\tyes\t\r\nu2\tno\tyes\tno\n\n"),
        QStringLiteral("t.tsv"));
    QCOMPARE(d.coders,
             (QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(d.units, (QStringList {QStringLiteral("u1"), QStringLiteral("u2")}));
    QCOMPARE(d.valueLabels, (QStringList {QStringLiteral("no"), QStringLiteral("yes")}));
    QVERIFY(!d.at(0, 2));
    QCOMPARE(*d.at(1, 0), 0.0);
    const ReliabilityData n
        = ReliabilityTable::parse(QStringLiteral("A\tB\n1.5\t2\n\t3\n"), QStringLiteral("n.tsv"));
    QVERIFY(n.valueLabels.isEmpty());
    QCOMPARE(*n.at(0, 0), 1.5);
    QCOMPARE(n.units, (QStringList {QStringLiteral("1"), QStringLiteral("2")}));
}

void TestAgreement::tableRefusesBadInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("bad.tsv: empty table");
    QTest::newRow("one coder") << QStringLiteral("A\n1\n")
                               << QStringLiteral("bad.tsv: line 1 names 1 coder(s)");
    QTest::newRow("ragged") << QStringLiteral("A\tB\n1\t2\n1\n")
                            << QStringLiteral("bad.tsv: line 3 has 1 fields; the header has 2");
    QTest::newRow("no units") << QStringLiteral("A\tB\n")
                              << QStringLiteral("bad.tsv: the table has a header but no units");
    QTest::newRow("unnamed") << QStringLiteral("A\t\n1\t2\n")
                             << QStringLiteral("bad.tsv: line 1: coder 2 has no name");
}

void TestAgreement::tableRefusesBadInput()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    try {
        ReliabilityTable::parse(text, QStringLiteral("bad.tsv"));
        QFAIL("accepted");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
    }
}

void TestAgreement::spanScoring()
{
    // Gold: [0,10) label 0 and [20,30) label 1 in document 1.
    const std::vector<ScoredSpan> gold {{1, 0, 10, 0}, {1, 20, 30, 1}};
    // Coder: [5,15) label 0 (half of it on gold), [20,30) label 0 (wrong label).
    const std::vector<ScoredSpan> coder {{1, 5, 15, 0}, {1, 20, 30, 0}};
    const SpanScore all = SpanScoring::partialOverlap(coder, gold);
    QCOMPARE(all.coderSpans, 2);
    QCOMPARE(all.goldSpans, 2);
    QCOMPARE(*all.precision, (5.0 / 10) / 2);
    QCOMPARE(*all.recall, (5.0 / 10) / 2);
    QCOMPARE(*all.f1, 0.25);
    const SpanScore label0 = SpanScoring::partialOverlap(coder, gold, 0);
    QCOMPARE(*label0.precision, 0.25);
    QCOMPARE(*label0.recall, 0.5);
    const SpanScore label1 = SpanScoring::partialOverlap(coder, gold, 1);
    QVERIFY(!label1.precision);
    QCOMPARE(*label1.recall, 0.0);
    QVERIFY(!label1.f1);
    QVERIFY(label1.reason.contains(QLatin1String("no span")));
    // Exact: only an identical span counts; overlapping pieces are joined first.
    const std::vector<ScoredSpan> pieces {{1, 0, 6, 0}, {1, 4, 10, 0}, {2, 0, 10, 0}};
    const SpanScore exact = SpanScoring::exactMatch(pieces, gold, 0);
    QCOMPARE(exact.coderSpans, 2);
    QCOMPARE(*exact.precision, 0.5);
    QCOMPARE(*exact.recall, 1.0);
}

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
