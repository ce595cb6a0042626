// The report's inter-coder agreement section (HtmlReport): figures per code
// on a small hand-built project, worked out by hand below, and the plain
// sentence when no two coders share an article.
//
// Five articles, four codes, coders alice and bob; each article is a unit:
//
//   code     alice     bob       percent cohen  scott  fleiss alpha  ac1    bp
//   Frame A  1 2 3     1 2       0.800   0.615  0.600  0.600  0.640  0.600  0.600
//   Frame B  4 5       4 5       1       1      1      1      1      1      1
//   Frame C  1         -         0.800   0      -0.111 -0.111 0      0.756  0.600
//   Frame D  1-5       1-5       1       (every value is present: chance agreement is 1)
//
// Frame A: po = 4/5; Cohen pe = .6 x .4 + .4 x .6 = .48, (.8 - .48) / .52;
// pooled p = .5, so Scott, Fleiss, AC1 and Brennan-Prediger are (.8 - .5) /
// .5; alpha = (9 x 8 - 40) / (90 - 40). Frame C: Cohen pe = .8; pooled p =
// .1, Scott pe = .82, (.8 - .82) / .18; AC1 pe = 2 x .1 x .9 = .18, .62 / .82.
#include "analysis/HtmlReport.h"
#include "analysis/SegmentQueryParser.h"
#include "domain/Category.h"
#include "domain/Code.h"
#include "store/ProjectSession.h"

#include <QTemporaryDir>
#include <QTest>

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agreementPerCode();
    void agreementIgnoresTheQuery();
    void countsTheSharedArticles();
    void noAgreementWithoutSharedArticles_data();
    void noAgreementWithoutSharedArticles();

private:
    // codings: code name -> coder -> articles (1-based) given the code.
    QString build(const QString &name,
                  const QList<std::tuple<QString, QString, QList<int>>> &codings);
    QTemporaryDir m_dir;
    QString m_path;
};

QString TestReport::build(const QString &name,
                          const QList<std::tuple<QString, QString, QList<int>>> &codings)
{
    const QString path = m_dir.filePath(name);
    auto s = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
    QList<qint64> articles;
    for (int i = 1; i <= 5; ++i) {
        Article a;
        a.title = QStringLiteral("Article %1").arg(i);
        a.outlet = QStringLiteral("Daily");
        a.published = QStringLiteral("2025-01-0%1").arg(i);
        a.text = QStringLiteral("The %1th report on the crisis.").arg(i);
        articles << s->articles().add(a).id;
    }
    Category frames;
    frames.name = QStringLiteral("Frames");
    frames.kind = Category::Kind::Frame;
    frames.colour = QStringLiteral("#336699");
    const qint64 category = s->codebook().addCategory(frames);
    QHash<QString, qint64> codes;
    for (const auto &[code, coder, on] : codings) {
        if (!codes.contains(code)) {
            Code c;
            c.categoryId = category;
            c.name = code;
            c.colour = QStringLiteral("#336699");
            codes.insert(code, s->codebook().addCode(c));
        }
        for (int article : on) {
            NewAnnotation n;
            n.articleId = articles.at(article - 1);
            n.start = 4;
            n.end = 10;
            n.codeIds = {codes.value(code)};
            n.coderName = coder;
            s->annotations().add(n);
        }
    }
    return path;
}

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString alice = QStringLiteral("alice"), bob = QStringLiteral("bob");
    m_path = build(QStringLiteral("agreement.framewise"),
                   {{QStringLiteral("Frame A"), alice, {1, 2, 3}},
                    {QStringLiteral("Frame A"), bob, {1, 2}},
                    {QStringLiteral("Frame B"), alice, {4, 5}},
                    {QStringLiteral("Frame B"), bob, {4, 5}},
                    {QStringLiteral("Frame C"), alice, {1}},
                    {QStringLiteral("Frame D"), alice, {1, 2, 3, 4, 5}},
                    {QStringLiteral("Frame D"), bob, {1, 2, 3, 4, 5}}});
}

void TestReport::agreementPerCode()
{
    auto s = ProjectSession::open(m_path);
    const QString html = HtmlReport::build(*s);
    const qsizetype at = html.indexOf(QLatin1String("<h2>Inter-coder agreement</h2>"));
    QVERIFY(at > 0);
    const QString section = html.mid(at, html.indexOf(QLatin1String("<h2>"), at + 4) - at);
    QVERIFY2(section.contains(QLatin1String(
                 "<p>Coders: alice, bob. Coded articles: 5, by two or more of them: 5.")),
             qPrintable(section));
    QVERIFY(section.contains(QLatin1String(
        "<tr><th>Code</th><th>Units</th><th>Percent agreement</th><th>Cohen's kappa</th>"
        "<th>Scott's pi</th><th>Fleiss' kappa</th><th>Krippendorff's alpha (nominal)</th>"
        "<th>Gwet's AC1</th><th>Brennan-Prediger coefficient</th></tr>")));
    auto row = [](const QString &code, const QStringList &cells) {
        QString r = QStringLiteral("<tr><td>%1</td><td class=\"num\">5</td>").arg(code);
        for (const QString &c : cells)
            r += c.startsWith(QLatin1Char('<'))
                ? c
                : QStringLiteral("<td class=\"num\">%1</td>").arg(c);
        return r + QStringLiteral("</tr>");
    };
    QVERIFY2(section.contains(row(QStringLiteral("Frame A"),
                                  {"0.800", "0.615", "0.600", "0.600", "0.640", "0.600", "0.600"})),
             qPrintable(section));
    QVERIFY(section.contains(row(QStringLiteral("Frame B"),
                                 {"1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000"})));
    QVERIFY(
        section.contains(row(QStringLiteral("Frame C"),
                             {"0.800", "0.000", "-0.111", "-0.111", "0.000", "0.756", "0.600"})));
    // Frame D: everyone gave it everywhere; chance-corrected figures have
    // no value, and the report says why.
    const QString chance = QStringLiteral(
        "<td class=\"num\" title=\"every value is in one category: chance agreement is 1\">–</td>");
    const QString same = QStringLiteral("<td class=\"num\" title=\"all values are the same: "
                                        "without variation alpha is undefined\">–</td>");
    QVERIFY2(section.contains(row(QStringLiteral("Frame D"),
                                  {"1.000", chance, chance, chance, same, "1.000", "1.000"})),
             qPrintable(section));
    QVERIFY(section.contains(QLatin1String(
        "<li>Cohen's kappa of Frame D; Scott's pi of Frame D; Fleiss' kappa of Frame D: every "
        "value is in one category: chance agreement is 1</li>")));
    QVERIFY(section.contains(QLatin1String("<li>Krippendorff's alpha (nominal) of Frame D: all "
                                           "values are the same: without variation alpha is "
                                           "undefined</li>")));
    // The print version carries the same table.
    QVERIFY(HtmlReport::build(*s, {}, true)
                .contains(row(QStringLiteral("Frame A"),
                              {"0.800", "0.615", "0.600", "0.600", "0.640", "0.600", "0.600"})));
}

void TestReport::agreementIgnoresTheQuery()
{
    auto s = ProjectSession::open(m_path);
    const QString html
        = HtmlReport::build(*s, SegmentQueryParser::parse(QStringLiteral("coder:alice")));
    QVERIFY(html.contains(QLatin1String("with its defaults, over the whole project (the query "
                                        "does not narrow them).</p>")));
    QVERIFY(html.contains(
        QLatin1String("<tr><td>Frame A</td><td class=\"num\">5</td><td class=\"num\">0.800</td>")));
}

void TestReport::countsTheSharedArticles()
{
    const QString path = build(QStringLiteral("three.framewise"),
                               {{QStringLiteral("Frame A"), QStringLiteral("alice"), {1}},
                                {QStringLiteral("Frame A"), QStringLiteral("bob"), {1}},
                                {QStringLiteral("Frame B"), QStringLiteral("carol"), {2}}});
    auto s = ProjectSession::open(path);
    QVERIFY(HtmlReport::build(*s).contains(QLatin1String(
        "<p>Coders: alice, bob, carol. Coded articles: 2, by two or more of them: 1.")));
}

void TestReport::noAgreementWithoutSharedArticles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("coders");
    QTest::newRow("one coder") << "alone.framewise" << QStringList {"alice", "alice"};
    QTest::newRow("no shared article") << "apart.framewise" << QStringList {"alice", "bob"};
}

void TestReport::noAgreementWithoutSharedArticles()
{
    QFETCH(QString, name);
    QFETCH(QStringList, coders);
    const QString path = build(name,
                               {{QStringLiteral("Frame A"), coders.at(0), {1, 2}},
                                {QStringLiteral("Frame B"), coders.at(1), {3, 4}}});
    auto s = ProjectSession::open(path);
    const QString html = HtmlReport::build(*s);
    QVERIFY(html.contains(QLatin1String(
        "<h2>Inter-coder agreement</h2>\n<p>None to report: no article was coded by two or "
        "more coders.</p>\n<h2>Example segments</h2>")));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
