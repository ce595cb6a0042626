// Retrieval and analysis on a hand-built project (AnalysisFixture.h): the
// query language (parse errors with positions), span and unit relations,
// filters, code matrices, co-occurrence and the actor network, each
// against figures worked out by hand.
#include "AnalysisFixture.h"
#include "TestProject.h"
#include "analysis/SegmentQueryParser.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"

#include <QTemporaryDir>
#include <QTest>

using Ids = QList<qint64>;

class TestAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parses_data();
    void parses();
    void parseErrorsSayWhere_data();
    void parseErrorsSayWhere();
    void retrieves_data();
    void retrieves();
    void unknownNamesSayWhere_data();
    void unknownNamesSayWhere();
    void segmentsCarryContext();
    void frequenciesByMonth();
    void frequenciesByWeek();
    void isoWeeksAtYearEnds();
    void frequenciesByCoderRestricted();
    void cooccurrenceByParagraph();
    void cooccurrenceByOverlapAndArticle();
    void unitsFollowMovedSpans();
    void keptCountsFollowEdits();
    void network();

private:
    Ids ids(const QString &query);
    TestProject m_project;
    QString m_path;
    std::unique_ptr<ProjectSession> m_session;
};

void TestAnalysis::initTestCase()
{
    REQUIRE_BACKEND(m_project);
    m_path = m_project.location(QStringLiteral("analysis.framewise"));
    AnalysisFixture::build(m_path);
    m_session = ProjectSession::open(m_path);
}

Ids TestAnalysis::ids(const QString &query)
{
    AnalysisRepository analysis(m_session->database());
    Ids list;
    for (const CodedSegment &s : analysis.segments(SegmentQueryParser::parse(query)))
        list << s.annotationId;
    return list;
}

void TestAnalysis::parses_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("quoted") << "\"Loaded language\""
                            << "\"Loaded language\"";
    QTest::newRow("bare words") << "Loaded language"
                                << "\"Loaded language\"";
    QTest::newRow("category") << "Actor:Kim Jong Un"
                              << "Actor:\"Kim Jong Un\"";
    QTest::newRow("category quoted") << "Actor:\"Kim Jong Un\""
                                     << "Actor:\"Kim Jong Un\"";
    QTest::newRow("relation") << "\"Loaded language\" OVERLAPS Actor:Kim Jong Un"
                              << "(\"Loaded language\" OVERLAPS Actor:\"Kim Jong Un\")";
    QTest::newRow("precedence") << "a OR b AND NOT c WITHIN d"
                                << "(\"a\" OR (\"b\" AND NOT (\"c\" WITHIN \"d\")))";
    QTest::newRow("parentheses") << "(a OR b) AND c"
                                 << "((\"a\" OR \"b\") AND \"c\")";
    QTest::newRow("followed by n") << "a FOLLOWED-BY 40 b"
                                   << "(\"a\" FOLLOWED-BY 40 \"b\")";
    QTest::newRow("followed by") << "a FOLLOWED-BY b c"
                                 << "(\"a\" FOLLOWED-BY \"b c\")";
    QTest::newRow("left to right") << "a WITHIN b SAME-SENTENCE c"
                                   << "((\"a\" WITHIN \"b\") SAME-SENTENCE \"c\")";
    QTest::newRow("filters") << "coder:bob AND date:2025-05..2025-06"
                             << "(coder:\"bob\" AND date:\"2025-05..2025-06\")";
    QTest::newRow("lower-case and is a word") << "war and peace"
                                              << "\"war and peace\"";
    QTest::newRow("quote inside") << "\"say \"\"no\"\"\""
                                  << "\"say \"\"no\"\"\"";
}

void TestAnalysis::parses()
{
    QFETCH(QString, query);
    QFETCH(QString, canonical);
    QCOMPARE(SegmentQueryParser::format(SegmentQueryParser::parse(query).root), canonical);
}

void TestAnalysis::parseErrorsSayWhere_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << "  " << 0 << "the query is empty";
    QTest::newRow("dangling relation")
        << "\"Loaded language\" OVERLAPS" << 26
        << "the query ends where a code, a filter or “(” was expected";
    QTest::newRow("unclosed parenthesis")
        << "Person AND (Justification OR x" << 11 << "“(” is never closed";
    QTest::newRow("unclosed quote") << "Person AND \"Loaded" << 11 << "the quote is never closed";
    QTest::newRow("stray parenthesis") << "Person)" << 6 << "“)” without a matching “(”";
    QTest::newRow("two keywords") << "Person AND OR x" << 11
                                  << "expected a code, a filter or “(” before “OR”";
    QTest::newRow("empty value") << "coder: AND x" << 6 << "“coder:” needs a value";
    QTest::newRow("empty parentheses") << "()" << 1 << "empty parentheses";
    QTest::newRow("missing operator")
        << "(a) b" << 4 << "expected AND, OR or a relation before “b”";
}

void TestAnalysis::parseErrorsSayWhere()
{
    QFETCH(QString, query);
    QFETCH(int, position);
    QFETCH(QString, problem);
    try {
        SegmentQueryParser::parse(query);
        QFAIL("no error");
    } catch (const SegmentQueryError &e) {
        QCOMPARE(e.problem(), problem);
        QCOMPARE(e.position(), position);
        QCOMPARE(e.message(), QStringLiteral("position %1: %2").arg(position + 1).arg(problem));
    }
}

void TestAnalysis::retrieves_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Ids>("expected");
    // Codes, with sub-codes, by name or Category:Name, and actors.
    QTest::newRow("code with sub-code") << "\"Loaded language\"" << Ids {3, 7, 9, 13};
    QTest::newRow("sub-code") << "Technique:Slur" << Ids {9};
    QTest::newRow("code: field") << "code:Person" << Ids {1, 5, 6, 10, 12};
    QTest::newRow("actor in actor category") << "Actor:Kim Jong Un" << Ids {1, 5, 6, 12};
    QTest::newRow("actor alias") << "Actor:Kim" << Ids {1, 5, 6, 12};
    QTest::newRow("category") << "category:Claim" << Ids {2, 4, 8, 11, 14};
    // Span relations.
    QTest::newRow("overlaps actor") << "\"Factual claim\" OVERLAPS Actor:Kim Jong Un" << Ids {4};
    QTest::newRow("loaded overlaps actor")
        << "\"Loaded language\" OVERLAPS Actor:Kim Jong Un" << Ids {};
    QTest::newRow("within") << "Actor:Kim Jong Un WITHIN \"Factual claim\"" << Ids {5};
    QTest::newRow("not within") << "\"Factual claim\" WITHIN Person" << Ids {};
    QTest::newRow("contains") << "\"Factual claim\" CONTAINS \"Loaded language\"" << Ids {14};
    QTest::newRow("contains sub-code") << "\"Threat or warning\" CONTAINS Slur" << Ids {8};
    QTest::newRow("followed by 3") << "Person FOLLOWED-BY 3 Justification" << Ids {10};
    QTest::newRow("followed by 2") << "Person FOLLOWED-BY 2 Justification" << Ids {};
    QTest::newRow("followed by anywhere")
        << "Justification FOLLOWED-BY \"Loaded language\"" << Ids {2, 11};
    QTest::newRow("same sentence")
        << "\"Loaded language\" SAME-SENTENCE \"Threat or warning\"" << Ids {7, 9};
    QTest::newRow("same paragraph") << "\"Loaded language\" SAME-PARAGRAPH Person" << Ids {3, 7, 9};
    QTest::newRow("same article") << "\"Loaded language\" SAME-ARTICLE Justification"
                                  << Ids {3, 7, 9, 13};
    QTest::newRow("same paragraph, other article")
        << "Person SAME-PARAGRAPH \"Factual claim\"" << Ids {1, 5};
    // Boolean operators.
    QTest::newRow("and") << "Person AND actor:Putin" << Ids {10};
    QTest::newRow("and not") << "Person AND NOT actor:\"Kim Jong Un\"" << Ids {10};
    QTest::newRow("or") << "Justification OR \"Threat or warning\"" << Ids {2, 8, 11};
    QTest::newRow("nested") << "(Justification OR Person) AND coder:bob" << Ids {11};
    // Filters.
    QTest::newRow("actor: mentions and claims") << "actor:Putin" << Ids {10, 14};
    QTest::newRow("coder") << "coder:BOB" << Ids {4, 7, 11};
    QTest::newRow("outlet") << "outlet:daily" << Ids {10, 11, 12, 14, 13}; // 14 starts first
    QTest::newRow("outlet words") << "outlet:Korea Herald AND Person" << Ids {1, 5, 6};
    QTest::newRow("month") << "date:2025-06 AND Justification" << Ids {11};
    QTest::newRow("date range") << "date:2025-05-01..2025-05-31 AND Person" << Ids {1, 5, 6};
    QTest::newRow("from") << "from:2025-06-01 AND Person" << Ids {10, 12};
    QTest::newRow("to") << "to:2025-05 AND Justification" << Ids {2};
    QTest::newRow("stance") << "stance:opposes" << Ids {8};
    QTest::newRow("speaker") << "speaker:Kim" << Ids {4, 8, 14};
    QTest::newRow("target") << "target:Russia" << Ids {4};
    QTest::newRow("kind") << "kind:fact" << Ids {4, 14};
    QTest::newRow("status") << "status:unverified" << Ids {4, 8, 14};
    QTest::newRow("memo") << "memo:TRANSLATION" << Ids {3};
    QTest::newRow("note") << "memo:insult" << Ids {7};
    QTest::newRow("text") << "text:lackeys" << Ids {7};
    QTest::newRow("text with %") << "text:100%" << Ids {};
    QTest::newRow("article words") << "article:heroic troops AND Person" << Ids {10, 12};
}

void TestAnalysis::retrieves()
{
    QFETCH(QString, query);
    QFETCH(Ids, expected);
    QCOMPARE(ids(query), expected);
    AnalysisRepository analysis(m_session->database());
    QCOMPARE(analysis.countSegments(SegmentQueryParser::parse(query)), int(expected.size()));
    // A page holds the first segments in the same order, and the full count.
    const AnalysisRepository::Page page = analysis.page(SegmentQueryParser::parse(query), 2);
    QCOMPARE(page.total, int(expected.size()));
    QCOMPARE(page.segments.size(), std::min<qsizetype>(2, expected.size()));
    const QList<CodedSegment> all = analysis.segments(SegmentQueryParser::parse(query));
    for (qsizetype i = 0; i < page.segments.size(); ++i)
        QCOMPARE(page.segments[i].annotationId, all[i].annotationId);
}

void TestAnalysis::unknownNamesSayWhere_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QTest::newRow("code") << "Person AND Nonexistent"
                          << "position 12: no code “Nonexistent”";
    QTest::newRow("category")
        << "Person AND Foo:bar"
        << "position 12: no category “Foo” (fields are lower case: coder:, outlet:, actor:…)";
    QTest::newRow("wrong category")
        << "Claim:Person"
        << "position 1: the code “Person” is in category “Actor”, not “Claim”";
    QTest::newRow("actor") << "Actor:Nobody"
                           << "position 1: no code or actor “Nobody” in “Actor”";
    QTest::newRow("coder") << "coder:carol"
                           << "position 1: no coder “carol”";
    QTest::newRow("stance")
        << "stance:angry"
        << "position 1: stance must be one of supports, opposes, neutral, not “angry”";
    QTest::newRow("date") << "date:May"
                          << "position 1: “May” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD";
    QTest::newRow("speaker") << "speaker:Nobody"
                             << "position 1: no actor “Nobody”";
}

void TestAnalysis::unknownNamesSayWhere()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    AnalysisRepository analysis(m_session->database());
    try {
        analysis.segments(SegmentQueryParser::parse(query));
        QFAIL("no error");
    } catch (const SegmentQueryError &e) {
        QCOMPARE(e.message(), message);
    }
}

void TestAnalysis::segmentsCarryContext()
{
    AnalysisRepository analysis(m_session->database());
    const QList<CodedSegment> found
        = analysis.segments(SegmentQueryParser::parse(QStringLiteral("coder:bob")));
    QCOMPARE(found.size(), 3);
    const CodedSegment &s = found.at(2);
    QCOMPARE(s.annotationId, 11);
    QCOMPARE(s.articleId, 2);
    QCOMPARE(s.articleTitle, QStringLiteral("Putin and Kim"));
    QCOMPARE(s.outlet, QStringLiteral("Daily"));
    QCOMPARE(s.published, QStringLiteral("2025-06-01"));
    QCOMPARE(s.start, 8); // code points: the emoji counts once
    QCOMPARE(s.end, 28);
    QCOMPARE(s.quote, QStringLiteral("praised the alliance"));
    QCOMPARE(s.prefix, QStringLiteral("Putin 🙂 "));
    QVERIFY(s.suffix.startsWith(QStringLiteral(" with Kim Jong Un.")));
    QCOMPARE(s.codes, QStringList {QStringLiteral("Justification")});
    QCOMPARE(s.coder, QStringLiteral("bob"));
    const CodedSegment &t = found.at(1);
    QCOMPARE(t.note, QStringLiteral("strong insult"));
    const QList<CodedSegment> kim
        = analysis.segments(SegmentQueryParser::parse(QStringLiteral("Person")), 2);
    QCOMPARE(kim.size(), 2);
    QCOMPARE(kim.at(0).actor, QStringLiteral("Kim Jong Un"));
}

void TestAnalysis::frequenciesByMonth()
{
    AnalysisRepository analysis(m_session->database());
    QStringList rows;
    for (const FrequencyCell &c : analysis.frequencies(AnalysisDimension::Month)) {
        rows << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                    .arg(c.category, c.code, c.column)
                    .arg(c.segments)
                    .arg(c.articles)
                    .arg(c.characters)
                    .arg(c.columnArticles)
                    .arg(c.articleShare(), 0, 'f', 2);
    }
    const QStringList expected = {
        "Claim|Factual claim|2025-05|1|1|58|1|1.00",
        "Claim|Factual claim|2025-06|1|1|42|2|0.50",
        "Claim|Justification|2025-05|1|1|27|1|1.00",
        "Claim|Justification|2025-06|1|1|20|2|0.50",
        "Claim|Threat or warning|2025-05|1|1|42|1|1.00",
        "Actor|Person|2025-05|3|1|33|1|1.00",
        "Actor|Person|2025-06|2|1|16|2|0.50",
        "Technique|Loaded language|2025-05|2|1|40|1|1.00",
        "Technique|Loaded language|2025-06|1|1|8|2|0.50",
        "Technique|Slur|2025-05|1|1|26|1|1.00",
    };
    QCOMPARE(rows, expected);
}

void TestAnalysis::frequenciesByWeek()
{
    // 10 May 2025 is a Saturday (week 19); 1 June a Sunday, the last day of
    // week 22; the uncoded article of 15 June is in week 24.
    AnalysisRepository analysis(m_session->database());
    QStringList rows;
    for (const FrequencyCell &c : analysis.frequencies(AnalysisDimension::Week)) {
        rows << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                    .arg(c.category, c.code, c.column)
                    .arg(c.segments)
                    .arg(c.articles)
                    .arg(c.characters)
                    .arg(c.columnArticles)
                    .arg(c.segmentShare(), 0, 'f', 2);
    }
    const QStringList expected = {
        "Claim|Factual claim|2025-W19|1|1|58|1|0.11",
        "Claim|Factual claim|2025-W22|1|1|42|1|0.20",
        "Claim|Justification|2025-W19|1|1|27|1|0.11",
        "Claim|Justification|2025-W22|1|1|20|1|0.20",
        "Claim|Threat or warning|2025-W19|1|1|42|1|0.11",
        "Actor|Person|2025-W19|3|1|33|1|0.33",
        "Actor|Person|2025-W22|2|1|16|1|0.40",
        "Technique|Loaded language|2025-W19|2|1|40|1|0.22",
        "Technique|Loaded language|2025-W22|1|1|8|1|0.20",
        "Technique|Slur|2025-W19|1|1|26|1|0.11",
    };
    QCOMPARE(rows, expected);
    rows.clear();
    for (const FrequencyCell &c : analysis.frequencies(
             AnalysisDimension::Week, SegmentQueryParser::parse(QStringLiteral("coder:bob"))))
        rows << QStringLiteral("%1|%2|%3").arg(c.code, c.column).arg(c.segments);
    QCOMPARE(rows,
             (QStringList {"Factual claim|2025-W19|1", "Justification|2025-W22|1",
                           "Loaded language|2025-W19|1"}));
}

void TestAnalysis::isoWeeksAtYearEnds()
{
    // The ISO year of a week is not always the calendar year, and a date
    // without a day has no week (a bare year is no Julian day number).
    const QString path = m_project.location(QStringLiteral("weeks.framewise"));
    {
        auto s = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
        const qint64 category
            = AnalysisFixture::addCategory(*s, QStringLiteral("Frames"), Category::Kind::Frame, 0);
        const qint64 code = AnalysisFixture::addCode(*s, category, QStringLiteral("Crisis"));
        const QStringList dates
            = {QStringLiteral("2024-12-30"), QStringLiteral("2021-01-03T10:00:00+01:00"),
               QStringLiteral("2026-12-31"), QStringLiteral("2025-05"),
               QStringLiteral("2025"),       QString()};
        int n = 0;
        for (const QString &date : dates) {
            Article a;
            a.title = QStringLiteral("Article %1").arg(++n);
            a.published = date;
            a.text = QStringLiteral("A crisis, day %1.").arg(n);
            NewAnnotation an;
            an.articleId = s->articles().add(a).id;
            an.start = 2;
            an.end = 8;
            an.codeIds = {code};
            an.coderName = QStringLiteral("alice");
            s->annotations().add(an);
        }
    }
    auto s = ProjectSession::open(path);
    AnalysisRepository analysis(s->database());
    const QStringList expected = {"|3|3", "2020-W53|1|1", "2025-W01|1|1", "2026-W53|1|1"};
    for (const bool kept : {true, false}) {
        QStringList rows;
        for (const FrequencyCell &c : analysis.frequencies(
                 AnalysisDimension::Week,
                 kept ? std::nullopt
                      : std::optional(SegmentQueryParser::parse(QStringLiteral("Crisis")))))
            rows << QStringLiteral("%1|%2|%3").arg(c.column).arg(c.segments).arg(c.columnArticles);
        QCOMPARE(rows, expected);
    }
}

void TestAnalysis::frequenciesByCoderRestricted()
{
    AnalysisRepository analysis(m_session->database());
    QStringList rows;
    for (const FrequencyCell &c : analysis.frequencies(
             AnalysisDimension::Coder, SegmentQueryParser::parse(QStringLiteral("outlet:Daily")))) {
        rows << QStringLiteral("%1|%2|%3|%4|%5")
                    .arg(c.code, c.column)
                    .arg(c.segments)
                    .arg(c.columnSegments)
                    .arg(c.segmentShare(), 0, 'f', 2);
    }
    const QStringList expected = {"Factual claim|alice|1|4|0.25", "Justification|bob|1|1|1.00",
                                  "Person|alice|2|4|0.50", "Loaded language|alice|1|4|0.25"};
    QCOMPARE(rows, expected);
}

void TestAnalysis::cooccurrenceByParagraph()
{
    AnalysisRepository analysis(m_session->database());
    QStringList rows;
    for (const CodePair &p : analysis.cooccurrence(CooccurrenceUnit::Paragraph)) {
        rows << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                    .arg(p.nameA, p.nameB)
                    .arg(p.both)
                    .arg(p.countA)
                    .arg(p.countB)
                    .arg(p.total)
                    .arg(p.jaccard(), 0, 'f', 4)
                    .arg(p.lift(), 0, 'f', 4);
    }
    const QStringList expected = {
        "Factual claim|Loaded language|2|2|3|9|0.6667|3.0000",
        "Justification|Person|2|2|3|9|0.6667|3.0000",
        "Loaded language|Person|2|3|3|9|0.5000|2.0000",
        "Factual claim|Justification|1|2|2|9|0.3333|2.2500",
        "Factual claim|Person|1|2|3|9|0.2500|1.5000",
        "Justification|Loaded language|1|2|3|9|0.2500|1.5000",
        "Loaded language|Slur|1|3|1|9|0.3333|3.0000",
        "Loaded language|Threat or warning|1|3|1|9|0.3333|3.0000",
        "Person|Slur|1|3|1|9|0.3333|3.0000",
        "Person|Threat or warning|1|3|1|9|0.3333|3.0000",
        "Slur|Threat or warning|1|1|1|9|1.0000|9.0000",
    };
    QCOMPARE(rows, expected);
}

void TestAnalysis::cooccurrenceByOverlapAndArticle()
{
    AnalysisRepository analysis(m_session->database());
    QStringList rows;
    for (const CodePair &p : analysis.cooccurrence(CooccurrenceUnit::Overlap))
        rows << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                    .arg(p.nameA, p.nameB)
                    .arg(p.both)
                    .arg(p.countA)
                    .arg(p.countB)
                    .arg(p.total)
                    .arg(p.lift(), 0, 'f', 4);
    QCOMPARE(rows,
             (QStringList {"Factual claim|Loaded language|1|2|3|14|2.3333",
                           "Factual claim|Person|1|2|5|14|1.4000",
                           "Slur|Threat or warning|1|1|1|14|14.0000"}));
    const QList<CodePair> byArticle = analysis.cooccurrence(CooccurrenceUnit::Article);
    // Four codes in both coded articles: 6 pairs with both = 2; Slur and
    // Threat only in article 1: with each other and the four, both = 1.
    QCOMPARE(byArticle.size(), 15);
    QCOMPARE(byArticle.first().nameA, QStringLiteral("Factual claim"));
    QCOMPARE(byArticle.first().nameB, QStringLiteral("Justification"));
    QCOMPARE(byArticle.first().both, 2);
    QCOMPARE(byArticle.first().total, 3);
    QCOMPARE(byArticle.first().lift(), 1.5);
    QCOMPARE(byArticle.last().nameA, QStringLiteral("Slur"));
    QCOMPARE(byArticle.last().both, 1);
}

void TestAnalysis::unitsFollowMovedSpans()
{
    // A copy, so the other tests keep the fixture as built.
    const QString copy = m_project.location(QStringLiteral("moved.framewise"));
    AnalysisFixture::build(copy);
    auto s = ProjectSession::open(copy);
    AnalysisRepository analysis(s->database());
    const auto same
        = SegmentQueryParser::parse(QStringLiteral("\"Loaded language\" SAME-PARAGRAPH Person"));
    QCOMPARE(analysis.countSegments(same), 3);
    // Move annotation 3 (paragraph 1) into paragraph 2, where no person is.
    const QString text = AnalysisFixture::sampleText();
    const auto to = AnalysisFixture::span(text, QStringLiteral("Red Square parade"));
    s->annotations().setSpan(3, to.first, to.second);
    QList<qint64> found;
    for (const CodedSegment &seg : analysis.segments(same))
        found << seg.annotationId;
    QCOMPARE(found, (Ids {7, 9}));
    // A new annotation is placed before the next query.
    NewAnnotation n;
    n.articleId = 1;
    const auto kim = AnalysisFixture::span(text, QStringLiteral("Kim skipped"));
    n.start = kim.first;
    n.end = kim.first + 3;
    n.codeIds = {s->codebook().codeByName(QStringLiteral("Person"))->id};
    n.coderName = QStringLiteral("alice");
    s->annotations().add(n);
    found.clear();
    for (const CodedSegment &seg : analysis.segments(same))
        found << seg.annotationId;
    QCOMPARE(found, (Ids {3, 7, 9}));
}

// The code x outlet/period counts the triggers keep must equal a count over
// the segments themselves (a restriction that selects everything takes that
// route) after every kind of edit.
static QStringList matrix(AnalysisRepository &analysis, AnalysisDimension by, bool kept)
{
    const std::optional<SegmentQuery> all = kept
        ? std::nullopt
        : std::optional(
            SegmentQueryParser::parse(QStringLiteral("coder:alice OR NOT coder:alice")));
    QStringList rows;
    for (const FrequencyCell &c : analysis.frequencies(by, all))
        rows << QStringLiteral("%1|%2|%3|%4|%5")
                    .arg(c.code, c.column)
                    .arg(c.segments)
                    .arg(c.articles)
                    .arg(c.characters);
    return rows;
}

void TestAnalysis::keptCountsFollowEdits()
{
    const QString copy = m_project.location(QStringLiteral("edits.framewise"));
    AnalysisFixture::build(copy);
    auto s = ProjectSession::open(copy);
    AnalysisRepository analysis(s->database());
    auto same = [&](const char *step) {
        for (AnalysisDimension by :
             {AnalysisDimension::None, AnalysisDimension::Month, AnalysisDimension::Week,
              AnalysisDimension::Outlet, AnalysisDimension::Day}) {
            const QStringList kept = matrix(analysis, by, true);
            const QStringList counted = matrix(analysis, by, false);
            if (kept != counted) {
                qWarning() << step << kept << counted;
                return false;
            }
        }
        return true;
    };
    QVERIFY(same("built"));
    const qint64 person = s->codebook().codeByName(QStringLiteral("Person"))->id;
    const qint64 loaded = s->codebook().codeByName(QStringLiteral("Loaded language"))->id;
    const qint64 justification = s->codebook().codeByName(QStringLiteral("Justification"))->id;
    s->annotations().addCode(2, person);
    QVERIFY(same("code added"));
    s->annotations().removeCode(2, justification);
    QVERIFY(same("code removed"));
    s->annotations().setSpan(7, 1290, 1330);
    QVERIFY(same("span moved"));
    const AnnotationRecord removed = s->annotations().remove(4);
    QVERIFY(same("annotation removed"));
    s->annotations().restore(removed);
    QVERIFY(same("annotation restored"));
    // Codebook edits recount their codes in one pass (CodeCounts), undo too.
    const CodeMerge merge = s->codebook().mergeCodes(justification, loaded);
    QVERIFY(same("codes merged"));
    s->codebook().undoCodeMerge(merge);
    QVERIFY(same("merge undone"));
    s->codebook().mergeCodes(justification, loaded);
    QVERIFY(same("codes merged again"));
    const CodeRemoval removal = s->codebook().removeCode(person);
    QVERIFY(same("code removed from the codebook"));
    s->codebook().restoreCode(removal);
    QVERIFY(same("code restored"));
    s->codebook().removeCode(person);
    QVERIFY(same("code removed again"));
    s->articles().remove({2});
    QVERIFY(same("article removed"));
    QCOMPARE(matrix(analysis, AnalysisDimension::None, true),
             (QStringList {"Factual claim||1|1|58", "Threat or warning||1|1|42",
                           "Loaded language||2|1|57", "Slur||1|1|26"}));
}

void TestAnalysis::network()
{
    AnalysisRepository analysis(m_session->database());
    const ActorNetwork net = analysis.network();
    QStringList nodes;
    for (const auto &n : net.nodes)
        nodes << QStringLiteral("%1|%2|%3|%4|%5")
                     .arg(n.name, n.kind)
                     .arg(n.mentions)
                     .arg(n.claimsMade)
                     .arg(n.claimsReceived);
    QCOMPARE(nodes,
             (QStringList {"Kim Jong Un|person|4|3|0", "Putin|person|1|0|1", "Russia|state|0|0|1",
                           "South Korea|state|0|0|1"}));
    QHash<qint64, QString> name;
    for (const auto &n : net.nodes)
        name.insert(n.actorId, n.name);
    QStringList edges;
    for (const auto &e : net.edges)
        edges << QStringLiteral("%1|%2->%3|%4|%5")
                     .arg(e.type == ActorNetwork::Edge::Type::Claim ? "claim" : "co-mention",
                          name[e.from], name[e.to], e.stance)
                     .arg(e.weight);
    QCOMPARE(edges,
             (QStringList {
                 "claim|Kim Jong Un->Putin|supports|1", "claim|Kim Jong Un->Russia|supports|1",
                 "claim|Kim Jong Un->South Korea|opposes|1", "co-mention|Kim Jong Un->Putin||1",
                 "co-mention|Kim Jong Un->Russia||1", "co-mention|Kim Jong Un->South Korea||1",
                 "co-mention|Russia->South Korea||1"}));
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
