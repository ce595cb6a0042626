// Live team projects: what one session commits on a PostgreSQL project, the
// other sessions announce as their own changed() within a second, carried
// by LISTEN/NOTIFY (ChangeNotifications, ChangeListener). Two sessions on
// one fresh database, as two coders' apps would have. Registered only as
// tst_live_pg (scripts/with-postgres).
#include "ChangeSetText.h"
#include "NewSpan.h"
#include "TestProject.h"
#include "store/ChangeNotifications.h"
#include "store/ProjectSession.h"
#include "store/TeamAdmin.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <functional>

namespace {
using A = ChangeSet::Aggregate;

ChangeSet changesAt(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(0).value<ChangeSet>();
}

} // namespace

class TestLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void annotationsReachTheOtherSession();
    void codebookActorsMemosAndSettingsReachIt();
    void bigUnitArrivesWholeInPieces();
    void ownCommitsAreAnnouncedOnce();
    void rollbackSendsNothing();
    void changeWaitsForTheOpenUnitOfWork();
    void commitsArriveInOrder();
    void coderRoleHearsAndIsHeard();

private:
    // Runs edit on session A (one committed unit of work) and checks that
    // B announces the same change set within a second; returns it.
    ChangeSet expectHeard(const std::function<void()> &edit);

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_a, m_b;
    qint64 m_article = 0;
    qint64 m_code = 0;
};

void TestLive::initTestCase()
{
    QVERIFY2(TestProject::onPostgres(),
             "tst_live runs as tst_live_pg only (FRAMEWISE_TEST_BACKEND=postgresql)");
}

void TestLive::init()
{
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    const QString url = m_project->location(QStringLiteral("live"));
    m_a = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
    m_a->coders().setCurrent(QStringLiteral("ana"));
    Article article;
    article.title = QStringLiteral("Talks resume");
    article.text = QStringLiteral("The ministers met again on Monday and agreed on a ceasefire. ")
                       .repeated(40);
    m_article = m_a->articles().add(article).id;
    m_code = m_a->codebook().ensureCode(QStringLiteral("Conflict")).id;
    m_b = ProjectSession::open(url);
    m_b->coders().setCurrent(QStringLiteral("ben"));
}

void TestLive::cleanup()
{
    m_b.reset();
    m_a.reset();
    m_project.reset();
}

ChangeSet TestLive::expectHeard(const std::function<void()> &edit)
{
    QSignalSpy local(m_a.get(), &ProjectSession::changed);
    QSignalSpy remote(m_b.get(), &ProjectSession::changed);
    edit();
    if (local.count() != 1) {
        QTest::qFail("the edit did not commit one unit of work", __FILE__, __LINE__);
        return {};
    }
    const ChangeSet sent = changesAt(local, 0);
    QElapsedTimer waited;
    waited.start();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(remote.count(), 1, 1000); }();
    if (QTest::currentTestFailed())
        return {};
    qInfo("heard after %lld ms", qlonglong(waited.elapsed()));
    [&] { QCOMPARE(changeSetText(changesAt(remote, 0)), changeSetText(sent)); }();
    return sent;
}

void TestLive::annotationsReachTheOtherSession()
{
    REQUIRE_BACKEND(*m_project);
    qint64 id = 0;
    ChangeSet heard
        = expectHeard([&] { id = m_a->annotations().add(newSpan(m_article, 4, 13, m_code)).id; });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.of(A::Annotation).added, QSet<qint64> {id});
    QCOMPARE(heard.annotatedArticles(), QSet<qint64> {m_article});
    QCOMPARE(heard.codeUsage(), QSet<qint64> {m_code});
    QVERIFY(heard.touches(A::Coder)); // ana codes for the first time
    // B reads what A committed, as the models do on changed().
    QCOMPARE(m_b->annotations().get(id)->quote, QStringLiteral("ministers"));
    QCOMPARE(m_b->annotations().get(id)->coderName, QStringLiteral("ana"));
    QCOMPARE(m_b->codebook().codeAnnotationCounts({m_code}).value(m_code), 1);
    QCOMPARE(m_b->articles().summaries({m_article}).constFirst().annotationCount, 1);

    // Values are written into the statements on PostgreSQL (SqlQuery):
    // quotes, placeholders and comment marks in them stay text.
    const QString note = QStringLiteral("first mention? it's \"odd\" -- /* no */ \\ $$ ?");
    heard = expectHeard([&] { m_a->annotations().setNote(id, note); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.of(A::Annotation).modified, QSet<qint64> {id});
    QCOMPARE(m_b->annotations().get(id)->note, note);

    heard = expectHeard([&] { m_a->annotations().setSpan(id, 0, 3); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_b->annotations().get(id)->quote, QStringLiteral("The"));

    heard = expectHeard([&] { m_a->annotations().remove(id); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.of(A::Annotation).removed, QSet<qint64> {id});
    QVERIFY(!m_b->annotations().get(id));
    QCOMPARE(m_b->articles().summaries({m_article}).constFirst().annotationCount, 0);
}

void TestLive::codebookActorsMemosAndSettingsReachIt()
{
    REQUIRE_BACKEND(*m_project);
    const qint64 category = m_a->codebook().code(m_code)->categoryId;
    Code code;
    code.categoryId = category;
    code.name = QStringLiteral("Diplomacy");
    qint64 codeId = 0;
    ChangeSet heard = expectHeard([&] { codeId = m_a->codebook().addCode(code); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.of(A::Code).added, QSet<qint64> {codeId});
    QCOMPARE(m_b->codebook().code(codeId)->name, QStringLiteral("Diplomacy"));

    code = *m_a->codebook().code(codeId);
    code.name = QStringLiteral("Diplomacy and talks");
    heard = expectHeard([&] { m_a->codebook().updateCode(code); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_b->codebook().code(codeId)->name, QStringLiteral("Diplomacy and talks"));

    heard = expectHeard([&] { m_a->codebook().removeCode(codeId); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.of(A::Code).removed, QSet<qint64> {codeId});
    QVERIFY(!m_b->codebook().code(codeId));

    Actor actor;
    actor.name = QStringLiteral("United Nations");
    actor.kind = QStringLiteral("organisation");
    actor.aliases = {QStringLiteral("UN")};
    qint64 actorId = 0;
    heard = expectHeard([&] { actorId = m_a->actors().add(actor); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.of(A::Actor).added, QSet<qint64> {actorId});
    QCOMPARE(m_b->actors().matching(QStringLiteral("UN")).constFirst().id, actorId);

    qint64 annotation = 0;
    expectHeard([&] { annotation = m_a->annotations().add(newSpan(m_article, 4, 13, m_code)).id; });
    QVERIFY(!QTest::currentTestFailed());
    heard = expectHeard([&] { m_a->annotations().setActor(annotation, actorId); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.actorUsage(), QSet<qint64> {actorId});
    QCOMPARE(m_b->actors().mentionCounts().value(actorId), 1);

    heard = expectHeard([&] { m_a->actors().remove(actorId); });
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(heard.of(A::Actor).removed.contains(actorId));
    QVERIFY(!m_b->actors().get(actorId));

    Memo memo;
    memo.target = Memo::Target::Code;
    memo.targetId = m_code;
    memo.title = QStringLiteral("Scope");
    memo.body = QStringLiteral("Armed conflict only.");
    qint64 memoId = 0;
    heard = expectHeard([&] { memoId = m_a->memos().add(memo); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.of(A::Memo).added, QSet<qint64> {memoId});
    QCOMPARE(m_b->memos().get(memoId)->body, QStringLiteral("Armed conflict only."));
    memo = *m_a->memos().get(memoId);
    memo.body = QStringLiteral("Armed conflict and threats.");
    heard = expectHeard([&] { m_a->memos().update(memo); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_b->memos().get(memoId)->body, QStringLiteral("Armed conflict and threats."));
    heard = expectHeard([&] { m_a->memos().remove(memoId); });
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(!m_b->memos().get(memoId));

    QVERIFY(!m_b->settings().blindCoding());
    heard = expectHeard([&] { m_a->settings().setBlindCoding(true); });
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(heard.settings(),
             QSet<QString> {QLatin1String(ProjectSettingsRepository::blindCodingKey)});
    QVERIFY(m_b->settings().blindCoding());
}

void TestLive::bigUnitArrivesWholeInPieces()
{
    REQUIRE_BACKEND(*m_project);
    // 3,000 new annotations, 1,500 others removed and more changed: more
    // than one payload's worth of ids.
    QList<NewAnnotation> first, second;
    for (int i = 0; i < 3000; ++i) {
        first.append(newSpan(m_article, i % 500, i % 500 + 5, m_code));
        second.append(newSpan(m_article, i % 400 + 1, i % 400 + 8, m_code));
    }
    QList<qint64> firstIds;
    expectHeard([&] { firstIds = m_a->annotations().addMany(first); });
    QVERIFY(!QTest::currentTestFailed());
    QList<qint64> secondIds;
    const ChangeSet heard = expectHeard([&] {
        UnitOfWork unit(m_a->database());
        // Every other one, so the removed ids do not run in steps of one.
        QList<qint64> gone;
        for (qsizetype i = 0; i < firstIds.size(); i += 2)
            gone << firstIds[i];
        m_a->annotations().removeMany(gone);
        secondIds = m_a->annotations().addMany(second);
        for (qsizetype i = 0; i < secondIds.size(); i += 3)
            m_a->annotations().setNote(secondIds[i], QStringLiteral("checked"));
        for (qsizetype i = 1; i < firstIds.size(); i += 4)
            m_a->annotations().setNote(firstIds[i], QStringLiteral("kept"));
        unit.commit();
    });
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(ChangeNotifications::pieces(heard, 1).size() >= 2,
             "the unit should need more than one notification");
    QCOMPARE(heard.of(A::Annotation).added.size(), 3000);
    QCOMPARE(heard.of(A::Annotation).removed.size(), 1500);
    QCOMPARE(heard.of(A::Annotation).modified.size(), 750);
    QCOMPARE(m_b->annotations().count(), 4500);
    QCOMPARE(m_b->annotations().get(secondIds.last())->end, second.last().end);
}

void TestLive::ownCommitsAreAnnouncedOnce()
{
    REQUIRE_BACKEND(*m_project);
    QSignalSpy local(m_a.get(), &ProjectSession::changed);
    QSignalSpy remote(m_b.get(), &ProjectSession::changed);
    m_a->annotations().add(newSpan(m_article, 4, 13, m_code));
    QCOMPARE(local.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(remote.count(), 1, 1000);
    // A hears its own notification too, and lets it pass; B hears it once.
    QTest::qWait(300);
    QCOMPARE(local.count(), 1);
    QCOMPARE(remote.count(), 1);

    // Both ways: B's commit reaches A, and B announces it only once.
    m_b->annotations().add(newSpan(m_article, 14, 20, m_code));
    QCOMPARE(remote.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(local.count(), 2, 1000);
    QCOMPARE(changeSetText(changesAt(local, 1)), changeSetText(changesAt(remote, 1)));
    QTest::qWait(300);
    QCOMPARE(local.count(), 2);
    QCOMPARE(remote.count(), 2);
}

void TestLive::rollbackSendsNothing()
{
    REQUIRE_BACKEND(*m_project);
    QSignalSpy remote(m_b.get(), &ProjectSession::changed);
    {
        UnitOfWork unit(m_a->database());
        m_a->annotations().add(newSpan(m_article, 4, 13, m_code));
        m_a->annotations().add(newSpan(m_article, 14, 20, m_code));
        // Rolled back unless committed.
    }
    QTest::qWait(500);
    QCOMPARE(remote.count(), 0);
    // The next commit is the first thing B hears.
    const ChangeSet heard = expectHeard([&] { m_a->settings().setBlindCoding(true); });
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(!heard.touches(A::Annotation));
    QCOMPARE(m_b->annotations().count(), 0);
}

void TestLive::changeWaitsForTheOpenUnitOfWork()
{
    REQUIRE_BACKEND(*m_project);
    QSignalSpy remote(m_b.get(), &ProjectSession::changed);
    m_a->annotations().add(newSpan(m_article, 4, 13, m_code));
    // No event loop yet: the server's message waits at B's socket until
    // B's next statement (BEGIN) reads it.
    QTest::qSleep(300);
    {
        UnitOfWork unit(m_b->database());
        QTest::qWait(300); // the driver passes the notification on now
        QCOMPARE(remote.count(), 0);
        m_b->memos().add(Memo {});
        QCOMPARE(remote.count(), 0);
        unit.commit();
    }
    // B's own commit first, then A's, after B's unit closed.
    QCOMPARE(remote.count(), 1);
    QVERIFY(changesAt(remote, 0).touches(A::Memo));
    QTRY_COMPARE_WITH_TIMEOUT(remote.count(), 2, 1000);
    QVERIFY(changesAt(remote, 1).touches(A::Annotation));
}

void TestLive::commitsArriveInOrder()
{
    REQUIRE_BACKEND(*m_project);
    QSignalSpy local(m_a.get(), &ProjectSession::changed);
    QSignalSpy remote(m_b.get(), &ProjectSession::changed);
    for (int i = 0; i < 20; ++i)
        m_a->annotations().add(newSpan(m_article, i, i + 3, m_code));
    QTRY_COMPARE_WITH_TIMEOUT(remote.count(), 20, 1000);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(changeSetText(changesAt(remote, i)), changeSetText(changesAt(local, i)));
}

void TestLive::coderRoleHearsAndIsHeard()
{
    REQUIRE_BACKEND(*m_project);
    // A coder connected with its own role, under row-level security, may
    // listen and notify like the owner. Roles are the cluster's: unique names.
    const QString lead = QStringLiteral("live_lead_%1").arg(QCoreApplication::applicationPid());
    const QString coder = QStringLiteral("live_coder_%1").arg(QCoreApplication::applicationPid());
    TeamAdmin team(m_a->database());
    team.init(lead);
    team.addCoder(coder);
    QString url = m_a->path();
    url.replace(QStringLiteral("postgresql://"), QStringLiteral("postgresql://%1@").arg(coder));
    auto session = ProjectSession::open(url);
    session->coders().setCurrent(coder);

    QSignalSpy coderHears(session.get(), &ProjectSession::changed);
    QSignalSpy ownerHears(m_a.get(), &ProjectSession::changed);
    const qint64 mine = session->annotations().add(newSpan(m_article, 4, 13, m_code)).id;
    QCOMPARE(coderHears.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(ownerHears.count(), 1, 1000);
    QCOMPARE(changeSetText(changesAt(ownerHears, 0)), changeSetText(changesAt(coderHears, 0)));
    QCOMPARE(m_a->annotations().get(mine)->coderName, coder);

    m_a->codebook().ensureCode(QStringLiteral("Diplomacy"));
    QCOMPARE(ownerHears.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(coderHears.count(), 2, 1000);
    QCOMPARE(changeSetText(changesAt(coderHears, 1)), changeSetText(changesAt(ownerHears, 1)));
    QVERIFY(session->codebook().codeByName(QStringLiteral("Diplomacy")));
}

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
