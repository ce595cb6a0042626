// Losing the server of a team project: the heartbeat notices, edits are
// refused with a message (never queued), the link reconnects with backoff
// once the server is back, and nothing committed before is lost. The
// server is a private cluster (PrivateCluster) killed like a crash, so
// the shared test cluster of the other _pg tests is never touched.
#include "PrivateCluster.h"
#include "RequiredTool.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QSignalSpy>
#include <QTest>

class TestServerLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fileProjectsHaveNoLink();
    void heartbeatNoticesAKilledServerAndReconnects();
    void anEditAsTheServerDiesIsRefusedAndTheLinkNoticesAtOnce_data();
    void anEditAsTheServerDiesIsRefusedAndTheLinkNoticesAtOnce();
    void readsWaitForNothingAndRetriesBackOff();

private:
    // In a unit of work of its own (as a command's), or as the repository
    // opens one (whose BEGIN goes with its rows; DeferredStatements).
    qint64 addAnnotation(int start, bool ownUnit = true);
    QString requireCluster();

    std::unique_ptr<PrivateCluster> m_cluster;
    std::unique_ptr<ProjectSession> m_session;
    QString m_url;
    qint64 m_article = 0;
    qint64 m_code = 0;
};

QString TestServerLink::requireCluster()
{
    m_cluster = std::make_unique<PrivateCluster>();
    return m_cluster->problem();
}

void TestServerLink::init()
{
    if (QByteArray(QTest::currentTestFunction()) == "fileProjectsHaveNoLink")
        return;
    const QString problem = requireCluster();
    if (!problem.isEmpty()) {
        if (problem.contains(QLatin1String("not installed")) && !RequiredTool::mustFail())
            QSKIP(qPrintable(problem));
        QFAIL(qPrintable(problem));
    }
    m_url = m_cluster->createDatabase(QStringLiteral("serverlink"));
    QVERIFY2(!m_url.isEmpty(), qPrintable(m_cluster->problem()));
    m_session = ProjectSession::open(m_url, ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY(m_session->serverLink());
    QVERIFY(m_session->serverLink()->isOnline());
    Article a;
    a.title = QStringLiteral("Kim and Moscow");
    a.text
        = QStringLiteral("Kim Jong Un praised Moscow. Seoul 🇰🇷 answered, and Beijing kept quiet.");
    m_article = m_session->articles().add(a).id;
    Category c;
    c.name = QStringLiteral("Techniques");
    c.kind = Category::Kind::Technique;
    Code code;
    code.categoryId = m_session->codebook().addCategory(c);
    code.name = QStringLiteral("Loaded language");
    m_code = m_session->codebook().addCode(code);
}

void TestServerLink::cleanup()
{
    m_session.reset();
    m_cluster.reset();
}

qint64 TestServerLink::addAnnotation(int start, bool ownUnit)
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = start;
    n.end = start + 3;
    n.codeIds = {m_code};
    if (!ownUnit)
        return m_session->annotations().add(n).id;
    UnitOfWork unit(m_session->database());
    const qint64 id = m_session->annotations().add(n).id;
    unit.commit();
    return id;
}

void TestServerLink::fileProjectsHaveNoLink()
{
    QTemporaryDir dir;
    auto session = ProjectSession::open(dir.filePath(QStringLiteral("p.framewise")),
                                        ProjectSession::OpenMode::CreateIfMissing);
    QVERIFY(!session->serverLink());
    QVERIFY(!session->database().isServer());
}

void TestServerLink::heartbeatNoticesAKilledServerAndReconnects()
{
    ServerLink *link = m_session->serverLink();
    QSignalSpy lost(link, &ServerLink::lost);
    QSignalSpy restored(link, &ServerLink::restored);
    QList<qint64> saved;
    for (int i = 0; i < 20; ++i)
        saved << addAnnotation(i * 2);

    QVERIFY(m_cluster->kill());
    // No edit needed: the heartbeat finds out while the user only reads.
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, ServerLink::heartbeatMs * 3);
    QVERIFY(!link->isOnline());
    QVERIFY(link->lostAt().isValid());
    try {
        addAnnotation(50);
        QFAIL("an edit was accepted while the server was away");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().startsWith(m_url), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QLatin1String("not saved")), qPrintable(e.message()));
    }

    QVERIFY(m_cluster->start());
    QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, ServerLink::longestRetryMs * 3);
    QVERIFY(link->isOnline());
    QCOMPARE(lost.count(), 1);
    // Every acknowledged commit survived the crash; editing works again.
    QList<qint64> stored;
    for (const Annotation &a : m_session->annotations().forArticle(m_article))
        stored << a.id;
    std::sort(stored.begin(), stored.end());
    QCOMPARE(stored, saved);
    addAnnotation(60);
    QCOMPARE(m_session->annotations().count(), 21);
}

void TestServerLink::anEditAsTheServerDiesIsRefusedAndTheLinkNoticesAtOnce_data()
{
    QTest::addColumn<bool>("ownUnit");
    QTest::newRow("a command's unit of work") << true;
    QTest::newRow("the repository's, BEGIN held") << false;
}

void TestServerLink::anEditAsTheServerDiesIsRefusedAndTheLinkNoticesAtOnce()
{
    QFETCH(bool, ownUnit);
    ServerLink *link = m_session->serverLink();
    QSignalSpy lost(link, &ServerLink::lost);
    addAnnotation(0);
    QVERIFY(m_cluster->kill());
    // Before any heartbeat: the edit itself fails, and the store knows why
    // and says so, as it does for an edit refused while it knows.
    try {
        addAnnotation(4, ownUnit);
        QFAIL("an edit was accepted by a server that is gone");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().startsWith(m_url), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QLatin1String("not saved")), qPrintable(e.message()));
    }
    QVERIFY(m_session->database().isLost());
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 500);
    QVERIFY(!lost.at(0).at(0).toString().isEmpty()); // the driver's reason
    QVERIFY(m_cluster->start());
    QSignalSpy restored(link, &ServerLink::restored);
    link->reconnectNow();
    QCOMPARE(restored.count(), 1);
    QCOMPARE(m_session->annotations().count(), 1);
}

void TestServerLink::readsWaitForNothingAndRetriesBackOff()
{
    ServerLink *link = m_session->serverLink();
    QSignalSpy retrying(link, &ServerLink::retrying);
    QVERIFY(m_cluster->kill());
    QVERIFY(!m_session->database().probe());
    // Three failed attempts: each waits twice as long as the one before.
    QTRY_COMPARE_WITH_TIMEOUT(retrying.count(), 3, 10000);
    QCOMPARE(retrying.at(0).at(1).toInt(), ServerLink::firstRetryMs * 2);
    QCOMPARE(retrying.at(1).at(1).toInt(), ServerLink::firstRetryMs * 4);
    QCOMPARE(retrying.at(2).at(1).toInt(), ServerLink::firstRetryMs * 8);
    QVERIFY2(retrying.at(2).at(2).toString().startsWith(m_url),
             qPrintable(retrying.at(2).at(2).toString()));
    QVERIFY(link->msUntilNextAttempt() > 0);
    // A read while the server is away fails with an error, never hangs.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().count());
    QVERIFY(m_cluster->start());
    QSignalSpy restored(link, &ServerLink::restored);
    link->reconnectNow();
    QCOMPARE(restored.count(), 1);
    QCOMPARE(link->msUntilNextAttempt(), 0);
}

QTEST_GUILESS_MAIN(TestServerLink)
#include "tst_serverlink.moc"
