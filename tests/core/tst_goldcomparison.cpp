// A student's spans judged against a gold coder's, span by span (hits,
// misses, false alarms) and as the report handed out, consistent with the
// scores of GoldComparison::compare.
#include "base/ProjectError.h"
#include "reliability/GoldComparison.h"
#include "reliability/GoldReport.h"
#include "store/ProjectSession.h"

#include <QTemporaryDir>
#include <QTest>

using Verdict = GoldComparison::Verdict;

class TestGoldComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void classifiesEverySpan();
    void agreesWithTheScores();
    void report();
    void refusals();

private:
    void annotate(const QString &coder, const QString &phrase, const QString &code);
    std::pair<qint64, qint64> span(const QString &phrase) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectSession> m_session;
    QString m_text;
    qint64 m_article = 0;
    qint64 m_fear = 0, m_hope = 0;
};

void TestGoldComparison::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_session = ProjectSession::open(m_dir->filePath(QStringLiteral("class.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
    m_text = QStringLiteral("Alpha fears war now. Beta hopes for peace soon. Gamma warns of "
                            "danger. Delta says <nothing> at all.");
    Article a;
    a.title = QStringLiteral("Four voices");
    a.text = m_text;
    m_article = m_session->articles().add(a).id;
    m_fear = m_session->codebook().ensureCode(QStringLiteral("Fear")).id;
    m_hope = m_session->codebook().ensureCode(QStringLiteral("Hope")).id;
    // Gold.
    annotate(QStringLiteral("teacher"), QStringLiteral("Alpha fears"), QStringLiteral("Fear"));
    annotate(QStringLiteral("teacher"), QStringLiteral("warns of danger"), QStringLiteral("Fear"));
    annotate(QStringLiteral("teacher"), QStringLiteral("Delta says <nothing>"),
             QStringLiteral("Fear"));
    annotate(QStringLiteral("teacher"), QStringLiteral("hopes for peace"), QStringLiteral("Hope"));
    // The student: an exact hit, two overlapping spans that join into one
    // partial hit, a span of the wrong code, one of the right code in the
    // wrong place; Delta and the Hope span are missed.
    annotate(QStringLiteral("student"), QStringLiteral("Alpha fears"), QStringLiteral("Fear"));
    annotate(QStringLiteral("student"), QStringLiteral("Gamma warns"), QStringLiteral("Fear"));
    annotate(QStringLiteral("student"), QStringLiteral("warns of"), QStringLiteral("Fear"));
    annotate(QStringLiteral("student"), QStringLiteral("hopes"), QStringLiteral("Fear"));
    annotate(QStringLiteral("student"), QStringLiteral("Beta"), QStringLiteral("Hope"));
}

void TestGoldComparison::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

std::pair<qint64, qint64> TestGoldComparison::span(const QString &phrase) const
{
    const qint64 at = m_text.indexOf(phrase);
    [&] { QVERIFY2(at >= 0, qPrintable(phrase)); }();
    return {at, at + phrase.size()};
}

void TestGoldComparison::annotate(const QString &coder, const QString &phrase, const QString &code)
{
    NewAnnotation n;
    n.articleId = m_article;
    std::tie(n.start, n.end) = span(phrase);
    n.coderName = coder;
    n.codeIds = {m_session->codebook().codeByName(code)->id};
    m_session->annotations().add(n);
}

void TestGoldComparison::classifiesEverySpan()
{
    const QList<GoldComparison::Span> spans = GoldComparison::classify(
        *m_session, QStringLiteral("class"), QStringLiteral("teacher"), QStringLiteral("student"));
    struct Expected
    {
        QString phrase;
        qint64 code;
        Verdict verdict;
        bool exact;
    };
    // In reading order (start, then code).
    const QList<Expected> expected {
        {QStringLiteral("Alpha fears"), m_fear, Verdict::Hit, true},
        {QStringLiteral("Beta"), m_hope, Verdict::FalseAlarm, false},
        {QStringLiteral("hopes"), m_fear, Verdict::FalseAlarm, false},
        {QStringLiteral("hopes for peace"), m_hope, Verdict::Miss, false},
        {QStringLiteral("Gamma warns of"), m_fear, Verdict::Hit, false},
        {QStringLiteral("Delta says <nothing>"), m_fear, Verdict::Miss, false},
    };
    QCOMPARE(spans.size(), expected.size());
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const auto [start, end] = span(expected[i].phrase);
        QCOMPARE(spans[i].articleId, m_article);
        QCOMPARE(spans[i].start, start);
        QCOMPARE(spans[i].end, end);
        QCOMPARE(spans[i].codeId, expected[i].code);
        QCOMPARE(spans[i].verdict, expected[i].verdict);
        QCOMPARE(spans[i].exact, expected[i].exact);
    }
    QCOMPARE(GoldComparison::verdictName(Verdict::FalseAlarm), QStringLiteral("false alarm"));
}

void TestGoldComparison::agreesWithTheScores()
{
    const QList<GoldComparison::Row> rows = GoldComparison::compare(
        *m_session, QStringLiteral("class"), QStringLiteral("teacher"), QStringLiteral("student"));
    const QList<GoldComparison::Span> spans = GoldComparison::classify(
        *m_session, QStringLiteral("class"), QStringLiteral("teacher"), QStringLiteral("student"));
    const GoldReport report(*m_session, QStringLiteral("teacher"), QStringLiteral("student"), rows,
                            spans);
    QCOMPARE(rows.size(), 3); // Fear, Hope, (all codes)
    for (const GoldComparison::Row &r : rows) {
        const GoldReport::Counts n = report.counts(r.code);
        // Hits and false alarms are the student's spans; a miss is a gold
        // span with no credit, so recall is below 1 when there is one.
        QCOMPARE(n.hits + n.falseAlarms, r.partial.coderSpans);
        QVERIFY(n.misses <= r.partial.goldSpans);
        if (n.misses > 0)
            QVERIFY(*r.partial.recall < 1.0);
        int exact = 0;
        for (const GoldComparison::Span &s : spans)
            exact += s.exact
                && (r.code == QLatin1String("(all codes)")
                    || s.codeId == m_session->codebook().codeByName(r.code)->id);
        QCOMPARE(double(exact) / r.exact.coderSpans, *r.exact.precision);
    }
    const GoldReport::Counts fear = report.counts(QStringLiteral("Fear"));
    QCOMPARE(fear.hits, 2);
    QCOMPARE(fear.misses, 1);
    QCOMPARE(fear.falseAlarms, 1);
    const GoldReport::Counts all = report.counts(QStringLiteral("(all codes)"));
    QCOMPARE(all.hits, 2);
    QCOMPARE(all.misses, 2);
    QCOMPARE(all.falseAlarms, 2);
}

void TestGoldComparison::report()
{
    const QList<GoldComparison::Row> rows = GoldComparison::compare(
        *m_session, QStringLiteral("class"), QStringLiteral("teacher"), QStringLiteral("student"));
    const GoldReport report(*m_session, QStringLiteral("teacher"), QStringLiteral("student"), rows,
                            GoldComparison::classify(*m_session, QStringLiteral("class"),
                                                     QStringLiteral("teacher"),
                                                     QStringLiteral("student")));
    const QStringList lines = report.csv().split(QStringLiteral("\r\n"));
    QCOMPARE(lines[0],
             QStringLiteral("gold,coder,code,gold_spans,coder_spans,precision,recall,f1,exact_"
                            "precision,exact_recall,exact_f1,hits,misses,false_alarms,note"));
    // Fear: precision (1 + 8/14 + 0) / 3 ("Gamma warns of" has "warns of"
    // in gold), recall (1 + 8/15 + 0) / 3; exact 1/3 both ways.
    const double p = (1 + 8.0 / 14) / 3, r = (1 + 8.0 / 15) / 3;
    QCOMPARE(lines[1],
             QStringLiteral("teacher,student,Fear,3,3,%1,%2,%3,0.333,0.333,0.333,2,1,1,")
                 .arg(QString::number(p, 'f', 3), QString::number(r, 'f', 3),
                      QString::number(2 * p * r / (p + r), 'f', 3)));
    QCOMPARE(lines[2],
             QStringLiteral("teacher,student,Hope,1,1,0.000,0.000,0.000,0.000,0.000,"
                            "0.000,0,1,1,"));
    QVERIFY(lines[3].startsWith(QLatin1String("teacher,student,(all codes),4,4,")));

    const QString html = report.html();
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(html.contains(QLatin1String("<h1>student against the gold standard (teacher)</h1>")));
    // Misses and false alarms with their quotes, escaped.
    const qsizetype misses = html.indexOf(QLatin1String("<h2>Misses"));
    const qsizetype alarms = html.indexOf(QLatin1String("<h2>False alarms"));
    QVERIFY(misses > 0 && alarms > misses);
    const qsizetype delta = html.indexOf(QLatin1String("Delta says &lt;nothing&gt;"));
    QVERIFY(delta > misses && delta < alarms);
    QVERIFY(html.indexOf(QLatin1String("hopes for peace")) > misses);
    QVERIFY(html.indexOf(QLatin1String("<br>Beta</blockquote>")) > alarms);
    QVERIFY(!html.contains(QLatin1String("<nothing>")));
    QVERIFY(!html.contains(QLatin1String("<script")));
}

void TestGoldComparison::refusals()
{
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             GoldComparison::classify(*m_session, QStringLiteral("class"),
                                                      QStringLiteral("nobody"),
                                                      QStringLiteral("student")));
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             GoldComparison::classify(*m_session, QStringLiteral("class"),
                                                      QStringLiteral("teacher"),
                                                      QStringLiteral("teacher")));
}

QTEST_GUILESS_MAIN(TestGoldComparison)
#include "tst_goldcomparison.moc"
