// Saved queries on the hand-built analysis project (AnalysisFixture.h):
// kept in the meta table by name with one change event per save or delete,
// expanded by set:NAME wherever a query is taken, and wrong ones (unknown,
// circular, broken, naming what the project lacks) said where.
#include "AnalysisFixture.h"
#include "TestProject.h"
#include "analysis/SegmentQueryParser.h"
#include "base/ProjectError.h"
#include "domain/AnnotationVisibility.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"
#include "store/SavedQueryRepository.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Ids = QList<qint64>;

class TestSavedQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void savesListsAndDeletesWithOneEventEach();
    void refusesBlankNamesAndQueries();
    void setExpandsTheSavedQuery_data();
    void setExpandsTheSavedQuery();
    void formatsAsSet();
    void restrictsMatricesAndCooccurrence();
    void blindCodingReachesInsideSets();
    void errorsSayWhere_data();
    void errorsSayWhere();
    void savingACycleIsRefused();
    void survivesReopening();

private:
    SegmentQuery parse(const QString &text);
    Ids ids(const QString &query);
    TestProject m_project;
    QString m_path;
    std::unique_ptr<ProjectSession> m_session;
};

void TestSavedQueries::initTestCase()
{
    REQUIRE_BACKEND(m_project);
    m_path = m_project.location(QStringLiteral("saved.framewise"));
    AnalysisFixture::build(m_path);
    m_session = ProjectSession::open(m_path);
    SavedQueryRepository saved(m_session->database());
    saved.save(QStringLiteral("bobs"), QStringLiteral("coder:bob"));
    saved.save(QStringLiteral("Kim quotes"), QStringLiteral("Person AND actor:Kim Jong Un"));
    saved.save(QStringLiteral("insults"), QStringLiteral("\"Loaded language\" AND NOT set:bobs"));
    saved.save(QStringLiteral("kim in claims"), QStringLiteral("Person WITHIN \"Factual claim\""));
    // Stored without the parser's checks, as an older copy might hold them.
    saved.save(QStringLiteral("broken"), QStringLiteral("Person AND (Justification"));
    saved.save(QStringLiteral("stale"), QStringLiteral("Person OR Propaganda"));
    saved.save(QStringLiteral("loop a"), QStringLiteral("set:loop b"));
    saved.save(QStringLiteral("loop b"), QStringLiteral("Person OR set:loop a"));
}

SegmentQuery TestSavedQueries::parse(const QString &text)
{
    return SegmentQueryParser::parse(text, SavedQueryRepository(m_session->database()).lookup());
}

Ids TestSavedQueries::ids(const QString &query)
{
    AnalysisRepository analysis(m_session->database());
    Ids list;
    for (const CodedSegment &s : analysis.segments(parse(query)))
        list << s.annotationId;
    return list;
}

void TestSavedQueries::savesListsAndDeletesWithOneEventEach()
{
    const QString path = m_project.location(QStringLiteral("events.framewise"));
    AnalysisFixture::build(path);
    auto s = ProjectSession::open(path);
    SavedQueryRepository saved(s->database());
    QVERIFY(saved.all().isEmpty());
    QSignalSpy changed(s.get(), &ProjectSession::changed);

    saved.save(QStringLiteral("  guns  "), QStringLiteral("Person"));
    QCOMPARE(changed.size(), 1);
    const auto first = changed.takeFirst().at(0).value<ChangeSet>();
    QCOMPARE(first.settings(), QSet<QString> {QLatin1String(SavedQueryRepository::changeKey)});
    QCOMPARE(saved.text(QStringLiteral("guns")), std::optional(QStringLiteral("Person")));

    saved.save(QStringLiteral("guns"), QStringLiteral("Person")); // the same: nothing changes
    QCOMPARE(changed.size(), 0);
    saved.save(QStringLiteral("guns"), QStringLiteral("Person OR Slur"));
    QCOMPARE(changed.size(), 1);
    changed.clear();
    saved.save(QStringLiteral("Alpha"), QStringLiteral("coder:bob"));
    saved.save(QStringLiteral("beta"), QStringLiteral("coder:alice"));
    QCOMPARE(changed.size(), 2);
    changed.clear();

    QStringList listed;
    for (const SavedQuery &q : saved.all())
        listed << q.name + QLatin1Char('=') + q.text;
    QCOMPARE(listed, (QStringList {"Alpha=coder:bob", "beta=coder:alice", "guns=Person OR Slur"}));

    saved.remove(QStringLiteral("beta"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!saved.text(QStringLiteral("beta")));
    QVERIFY_THROWS_EXCEPTION(ProjectError, saved.remove(QStringLiteral("beta")));
    QCOMPARE(changed.size(), 1); // a refusal announces nothing
    QCOMPARE(saved.all().size(), 2);
}

void TestSavedQueries::refusesBlankNamesAndQueries()
{
    SavedQueryRepository saved(m_session->database());
    try {
        saved.save(QStringLiteral("   "), QStringLiteral("Person"));
        QFAIL("a blank name was saved");
    } catch (const ProjectError &e) {
        QCOMPARE(e.message(), QStringLiteral("a saved query needs a name"));
    }
    try {
        saved.save(QStringLiteral("empty"), QStringLiteral("  "));
        QFAIL("a blank query was saved");
    } catch (const ProjectError &e) {
        QCOMPARE(e.message(), QStringLiteral("the saved query “empty” needs a query"));
    }
    QVERIFY(!saved.text(QStringLiteral("empty")));
}

void TestSavedQueries::setExpandsTheSavedQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Ids>("expected");
    QTest::newRow("alone") << "set:bobs" << Ids {4, 7, 11};
    QTest::newRow("quoted name") << "set:\"Kim quotes\"" << Ids {1, 5, 6, 12};
    QTest::newRow("bare words") << "set:Kim quotes AND coder:alice" << Ids {1, 5, 6, 12};
    QTest::newRow("combined") << "\"Factual claim\" AND NOT set:bobs" << Ids {14};
    // insults: Loaded language (with Slur) but not bob's: a set inside a set.
    QTest::newRow("nested") << "set:insults" << Ids {3, 9, 13};
    QTest::newRow("in a relation") << "set:bobs OVERLAPS set:\"Kim quotes\"" << Ids {4};
}

void TestSavedQueries::setExpandsTheSavedQuery()
{
    QFETCH(QString, query);
    QFETCH(Ids, expected);
    QCOMPARE(ids(query), expected);
    AnalysisRepository analysis(m_session->database());
    QCOMPARE(analysis.countSegments(parse(query)), int(expected.size()));
}

void TestSavedQueries::formatsAsSet()
{
    const SegmentQuery q = parse(QStringLiteral("set:Kim quotes OR set:bobs"));
    QCOMPARE(SegmentQueryParser::format(q.root),
             QStringLiteral("(set:\"Kim quotes\" OR set:\"bobs\")"));
    const SegmentQuery::Node &saved = q.root.children.at(0);
    QCOMPARE(saved.op, SegmentQuery::Op::Saved);
    QCOMPARE(saved.name, QStringLiteral("Kim quotes"));
    QCOMPARE(saved.children.size(), size_t(1));
    // The saved text as parsed, positions in that text.
    QCOMPARE(SegmentQueryParser::format(saved.children.at(0)),
             QStringLiteral("(\"Person\" AND actor:\"Kim Jong Un\")"));
    QCOMPARE(saved.children.at(0).children.at(1).position, 11);
}

void TestSavedQueries::restrictsMatricesAndCooccurrence()
{
    AnalysisRepository analysis(m_session->database());
    auto rows = [&](const QString &query) {
        QStringList out;
        for (const FrequencyCell &c : analysis.frequencies(AnalysisDimension::Month, parse(query)))
            out << QStringLiteral("%1|%2|%3").arg(c.code, c.column).arg(c.segments);
        return out;
    };
    const QStringList expected
        = {"Factual claim|2025-05|1", "Justification|2025-06|1", "Loaded language|2025-05|1"};
    QCOMPARE(rows(QStringLiteral("set:bobs")), expected);
    QCOMPARE(rows(QStringLiteral("coder:bob")), expected);
    QStringList pairs;
    for (const CodePair &p :
         analysis.cooccurrence(CooccurrenceUnit::Article, parse(QStringLiteral("set:insults"))))
        pairs << QStringLiteral("%1|%2|%3").arg(p.nameA, p.nameB).arg(p.both);
    QCOMPARE(pairs, QStringList {"Loaded language|Slur|1"});
}

void TestSavedQueries::blindCodingReachesInsideSets()
{
    AnnotationVisibility blind;
    blind.setBlind(true);
    blind.setCurrentCoder(QStringLiteral("alice"));
    AnalysisRepository analysis(m_session->database());
    auto found = [&](const QString &query) {
        Ids list;
        for (const CodedSegment &s : analysis.segments(blind.restricted(parse(query))))
            list << s.annotationId;
        return list;
    };
    QCOMPARE(found(QStringLiteral("set:bobs OR Slur")), Ids {9});
    // Alice's Kim (5) lies within bob's claim (4): blind, she does not see it.
    QCOMPARE(ids(QStringLiteral("set:kim in claims")), Ids {5});
    QCOMPARE(found(QStringLiteral("set:kim in claims")), Ids {});
}

void TestSavedQueries::errorsSayWhere_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << "Person AND set:guns" << 11 << "position 12: no saved query “guns”";
    QTest::newRow("names are exact") << "set:Bobs" << 0 << "position 1: no saved query “Bobs”";
    QTest::newRow("broken inside")
        << "Slur OR set:broken" << 8
        << "position 9: in saved query “broken”: position 12: “(” is never closed";
    QTest::newRow("names what the project lacks")
        << "Person AND set:stale" << 11
        << "position 12: in saved query “stale”: position 11: no code “Propaganda”";
    QTest::newRow("cycle")
        << "set:loop a" << 0
        << "position 1: in saved query “loop a”: position 1: in saved query “loop b”: "
           "position 11: the saved query “loop a” leads back to itself (loop a → loop b → loop a)";
}

void TestSavedQueries::errorsSayWhere()
{
    QFETCH(QString, query);
    QFETCH(int, position);
    QFETCH(QString, message);
    try {
        ids(query);
        QFAIL("no error");
    } catch (const SegmentQueryError &e) {
        QCOMPARE(e.message(), message);
        QCOMPARE(e.position(), position);
    }
}

void TestSavedQueries::savingACycleIsRefused()
{
    // What the command line and the window check before saving: "bobs"
    // saved as set:insults would lead back to itself through insults.
    try {
        SegmentQueryParser::parse(QStringLiteral("Slur OR set:insults"),
                                  SavedQueryRepository(m_session->database()).lookup(),
                                  QStringLiteral("bobs"));
        QFAIL("no error");
    } catch (const SegmentQueryError &e) {
        QCOMPARE(e.message(),
                 QStringLiteral("position 9: in saved query “insults”: position 27: the saved "
                                "query “bobs” leads back to itself (bobs → insults → bobs)"));
    }
    try {
        SegmentQueryParser::parse(QStringLiteral("set:me"), {}, QStringLiteral("me"));
        QFAIL("no error");
    } catch (const SegmentQueryError &e) {
        QCOMPARE(e.message(),
                 QStringLiteral("position 1: the saved query “me” leads back to itself (me → me)"));
    }
    // Without saved queries at all, set: names none.
    QVERIFY_THROWS_EXCEPTION(SegmentQueryError,
                             SegmentQueryParser::parse(QStringLiteral("set:bobs")));
}

void TestSavedQueries::survivesReopening()
{
    m_session.reset();
    m_session = ProjectSession::open(m_path);
    QCOMPARE(ids(QStringLiteral("set:bobs")), (Ids {4, 7, 11}));
    QStringList names;
    for (const SavedQuery &q : SavedQueryRepository(m_session->database()).all())
        names << q.name;
    QCOMPARE(names,
             (QStringList {"bobs", "broken", "insults", "kim in claims", "Kim quotes", "loop a",
                           "loop b", "stale"}));
}

QTEST_GUILESS_MAIN(TestSavedQueries)
#include "tst_savedqueries.moc"
