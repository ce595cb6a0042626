// Whose annotations a coder sees: coders hidden by choice, blind coding
// (only one's own, also in retrieval queries) and the blind-coding setting
// kept in the project file itself.
#include "RawSql.h"
#include "TestProject.h"
#include "analysis/SegmentQueryParser.h"
#include "domain/AnnotationVisibility.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCoderVisibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void filteredKeepsOrder();
    void blindCodingIsAProjectSetting();
    void blindQueriesFindOnlyOwnSegments();

private:
    static Annotation by(const QString &coder, qint64 id);
};

Annotation TestCoderVisibility::by(const QString &coder, qint64 id)
{
    Annotation a;
    a.id = id;
    a.coderName = coder;
    return a;
}

void TestCoderVisibility::rules_data()
{
    QTest::addColumn<bool>("blind");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QString>("coder");
    QTest::addColumn<bool>("shown");
    // The current coder is always alice.
    QTest::newRow("everyone") << false << QStringList() << "bob" << true;
    QTest::newRow("own") << false << QStringList() << "alice" << true;
    QTest::newRow("bob hidden") << false << QStringList {"bob"} << "bob" << false;
    QTest::newRow("bob hidden, carol not") << false << QStringList {"bob"} << "carol" << true;
    QTest::newRow("own hidden") << false << QStringList {"alice"} << "alice" << false;
    QTest::newRow("blind: another") << true << QStringList() << "bob" << false;
    QTest::newRow("blind: own") << true << QStringList() << "alice" << true;
    QTest::newRow("blind: names compare trimmed") << true << QStringList() << " alice " << true;
    QTest::newRow("blind: case matters, as in the store")
        << true << QStringList() << "Alice" << false;
    QTest::newRow("blind and own hidden") << true << QStringList {"alice"} << "alice" << false;
}

void TestCoderVisibility::rules()
{
    QFETCH(bool, blind);
    QFETCH(QStringList, hidden);
    QFETCH(QString, coder);
    QFETCH(bool, shown);
    AnnotationVisibility v;
    v.setCurrentCoder(QStringLiteral("alice"));
    v.setBlind(blind);
    for (const QString &name : hidden)
        v.setCoderHidden(name, true);
    QCOMPARE(v.showsCoder(coder), shown);
    QCOMPARE(v.shows(by(coder, 1)), shown);
    QCOMPARE(v.showsEveryone(), !blind && hidden.isEmpty());
}

void TestCoderVisibility::filteredKeepsOrder()
{
    const QList<Annotation> all
        = {by("bob", 1), by("alice", 2), by("carol", 3), by("alice", 4), by("bob", 5)};
    AnnotationVisibility v;
    v.setCurrentCoder(QStringLiteral("alice"));
    const auto ids = [&] {
        QList<qint64> list;
        for (const Annotation &a : v.filtered(all))
            list.append(a.id);
        return list;
    };
    QCOMPARE(ids(), (QList<qint64> {1, 2, 3, 4, 5}));
    v.setCoderHidden(QStringLiteral("bob"), true);
    QCOMPARE(ids(), (QList<qint64> {2, 3, 4}));
    v.setBlind(true);
    QCOMPARE(ids(), (QList<qint64> {2, 4}));
    // Blind coding overrides the choice but keeps it for afterwards.
    QVERIFY(v.isCoderHidden(QStringLiteral("bob")));
    v.setBlind(false);
    QCOMPARE(ids(), (QList<qint64> {2, 3, 4}));
    v.showAllCoders();
    QCOMPARE(ids(), (QList<qint64> {1, 2, 3, 4, 5}));
    // A new coder becomes current: blind coding follows them.
    v.setBlind(true);
    v.setCurrentCoder(QStringLiteral("carol"));
    QCOMPARE(ids(), (QList<qint64> {3}));
}

void TestCoderVisibility::blindCodingIsAProjectSetting()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    const QString path = project.location(QStringLiteral("p.framewise"));
    {
        auto s = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
        QVERIFY(!s->settings().blindCoding());
        QSignalSpy changed(s.get(), &ProjectSession::changed);
        s->settings().setBlindCoding(true);
        QCOMPARE(changed.size(), 1);
        const ChangeSet changes = changed.at(0).at(0).value<ChangeSet>();
        QVERIFY(
            changes.settings().contains(QLatin1String(ProjectSettingsRepository::blindCodingKey)));
        QVERIFY(!changes.touches(ChangeSet::Aggregate::Annotation));
        QVERIFY(s->settings().blindCoding());
        // Setting it again changes nothing and says nothing.
        s->settings().setBlindCoding(true);
        QCOMPARE(changed.size(), 1);
        // Inside a larger unit of work it rolls back with it.
        {
            UnitOfWork unit(s->database());
            s->settings().setBlindCoding(false);
            QVERIFY(!s->settings().blindCoding());
        }
        QVERIFY(s->settings().blindCoding());
        QCOMPARE(changed.size(), 1);
    }
    // In the project file's meta table, so every copy of the project has it.
    QCOMPARE(
        RawSql::scalar(path, QStringLiteral("SELECT value FROM meta WHERE key = 'blind_coding'"))
            .toString(),
        QStringLiteral("1"));
    if (TestProject::onPostgres()) {
        // One database, no copies: the setting is there for the next session.
        {
            auto s = ProjectSession::open(path);
            QVERIFY(s->settings().blindCoding());
            s->settings().setBlindCoding(false);
        }
        QVERIFY(!ProjectSession::open(path)->settings().blindCoding());
        return;
    }
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.framewise"));
    QVERIFY(QFile::copy(path, copy));
    {
        auto s = ProjectSession::open(copy);
        QVERIFY(s->settings().blindCoding());
        s->settings().setBlindCoding(false);
    }
    QVERIFY(!ProjectSession::open(copy)->settings().blindCoding());
    QVERIFY(ProjectSession::open(path)->settings().blindCoding());
}

void TestCoderVisibility::blindQueriesFindOnlyOwnSegments()
{
    TestProject project;
    REQUIRE_BACKEND(project);
    auto s = ProjectSession::open(project.location(QStringLiteral("q.framewise")),
                                  ProjectSession::OpenMode::CreateIfMissing);
    Article article;
    article.title = QStringLiteral("Two coders");
    article.text = QStringLiteral("Fear of the war spread while hope faded in the capital.");
    const qint64 id = s->articles().add(article).id;
    const qint64 fear = s->codebook().ensureCode(QStringLiteral("Fear")).id;
    const qint64 hope = s->codebook().ensureCode(QStringLiteral("Hope")).id;
    const auto add = [&](const QString &coder, qint64 start, qint64 end, qint64 code) {
        NewAnnotation n;
        n.articleId = id;
        n.start = start;
        n.end = end;
        n.coderName = coder;
        n.codeIds = {code};
        return s->annotations().add(n).id;
    };
    const qint64 aliceFear = add(QStringLiteral("alice"), 0, 15, fear);
    const qint64 bobFear = add(QStringLiteral("bob"), 0, 4, fear);
    const qint64 bobHope = add(QStringLiteral("bob"), 5, 20, hope); // overlaps alice's Fear
    add(QStringLiteral("alice"), 30, 40, hope);

    AnalysisRepository analysis(s->database());
    AnnotationVisibility v;
    v.setCurrentCoder(QStringLiteral("alice"));
    const auto ids = [&](const QString &query) {
        QList<qint64> list;
        for (const CodedSegment &seg :
             analysis.segments(v.restricted(SegmentQueryParser::parse(query))))
            list.append(seg.annotationId);
        std::sort(list.begin(), list.end());
        return list;
    };
    QCOMPARE(ids(QStringLiteral("Fear")), (QList<qint64> {aliceFear, bobFear}));
    QCOMPARE(ids(QStringLiteral("Fear OVERLAPS Hope")), (QList<qint64> {aliceFear}));
    QCOMPARE(ids(QStringLiteral("Hope WITHIN Fear")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("coder:bob")), (QList<qint64> {bobFear, bobHope}));
    v.setBlind(true);
    QCOMPARE(ids(QStringLiteral("Fear")), (QList<qint64> {aliceFear}));
    // alice's Fear overlaps only bob's Hope: blind, nothing is found through it.
    QCOMPARE(ids(QStringLiteral("Fear OVERLAPS Hope")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("NOT Fear")).size(), 1);
    QCOMPARE(ids(QStringLiteral("coder:bob")), QList<qint64> {});
    // Hiding by choice is the reader's business; queries keep everyone.
    v.setBlind(false);
    v.setCoderHidden(QStringLiteral("bob"), true);
    QCOMPARE(ids(QStringLiteral("Fear")), (QList<qint64> {aliceFear, bobFear}));
}

QTEST_GUILESS_MAIN(TestCoderVisibility)
#include "tst_codervisibility.moc"
