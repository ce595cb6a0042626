// Adding annotations on a team server keeps what its lookup learned
// (AnnotationLookups): a coder's next commits on the same article with the
// same codes ask the server nothing before their one round trip and take
// ids reserved ahead; what another coder deleted meanwhile is still named
// plainly and nothing is stored. Two sessions on one fresh database, as two
// coders' apps would have. Registered only as tst_annotationlookups_pg.
#include "NewSpan.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "store/SqlQuery.h"

#include <QSignalSpy>
#include <QTest>
#include <algorithm>

class TestAnnotationLookups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void laterCommitsAskTheServerNothing();
    void twoCodersReservedIdsNeverCollide();
    void aCodeDeletedUnheardIsNamedAndNothingStored();
    void anArticleDeletedUnheardIsNamedAndNothingStored();
    void whatOthersRemoveIsForgottenWhenHeard();

private:
    QSqlDatabase db(ProjectSession &s) { return s.database().connection(); }
    // A's failing add: its message, and that it stored nothing.
    QString refusal(const NewAnnotation &n);

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_a, m_b;
    qint64 m_article = 0;
    qint64 m_code = 0;
};

void TestAnnotationLookups::initTestCase()
{
    QVERIFY2(TestProject::onPostgres(),
             "tst_annotationlookups runs as tst_annotationlookups_pg "
             "only (FRAMEWISE_TEST_BACKEND=postgresql)");
}

void TestAnnotationLookups::init()
{
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    const QString url = m_project->location(QStringLiteral("lookups"));
    m_a = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
    m_a->coders().setCurrent(QStringLiteral("ana"));
    Article article;
    article.title = QStringLiteral("Talks resume");
    // Emoji and a combining mark: quotes are cut from the kept text.
    article.text
        = QStringLiteral("The ministers 🇺🇦 met again; the café accord held. ").repeated(20);
    m_article = m_a->articles().add(article).id;
    m_code = m_a->codebook().ensureCode(QStringLiteral("Conflict")).id;
    m_b = ProjectSession::open(url);
    m_b->coders().setCurrent(QStringLiteral("ben"));
}

void TestAnnotationLookups::cleanup()
{
    m_b.reset();
    m_a.reset();
    m_project.reset();
}

QString TestAnnotationLookups::refusal(const NewAnnotation &n)
{
    const int before = m_a->annotations().count();
    QString message;
    try {
        m_a->annotations().add(n);
    } catch (const ProjectError &e) {
        message = e.message();
    }
    if (m_a->annotations().count() != before)
        return QStringLiteral("stored although refused");
    return message;
}

void TestAnnotationLookups::laterCommitsAskTheServerNothing()
{
    REQUIRE_BACKEND(*m_project);
    const Annotation first = m_a->annotations().add(newSpan(m_article, 4, 13, m_code));
    // The first lookup reserved 32 ids beyond its own.
    QCOMPARE(SqlQuery::scalar(db(*m_b),
                              QStringLiteral("SELECT last_value FROM "
                                             "annotations_id_seq"))
                 .toLongLong(),
             first.id + 32);

    // The lookup reads the codes table by name; renamed, it would fail. The
    // foreign keys follow the table itself, so commits that ask nothing
    // still go through and are still checked.
    SqlQuery::run(db(*m_b), QStringLiteral("ALTER TABLE codes RENAME TO codes_away"));
    QList<Annotation> made;
    for (int i = 0; i < 32; ++i)
        made << m_a->annotations().add(newSpan(m_article, 14 + i, 17 + i, m_code));
    SqlQuery::run(db(*m_b), QStringLiteral("ALTER TABLE codes_away RENAME TO codes"));
    for (int i = 0; i < made.size(); ++i) {
        QCOMPARE(made[i].id, first.id + 1 + i);
        const auto stored = m_b->annotations().get(made[i].id);
        QVERIFY(stored);
        QCOMPARE(stored->quote, made[i].quote);
        QCOMPARE(stored->coderName, QStringLiteral("ana"));
        QCOMPARE(stored->codeIds, QList<qint64> {m_code});
    }
    QCOMPARE(m_b->annotations().get(made[0].id)->quote, QStringLiteral("🇺🇦 "));

    // The 34th needs new ids: the server is asked again.
    SqlQuery::run(db(*m_b), QStringLiteral("ALTER TABLE codes RENAME TO codes_away"));
    const QString message = refusal(newSpan(m_article, 50, 55, m_code));
    SqlQuery::run(db(*m_b), QStringLiteral("ALTER TABLE codes_away RENAME TO codes"));
    QVERIFY2(message.contains(QLatin1String("codes")), qPrintable(message));
}

void TestAnnotationLookups::twoCodersReservedIdsNeverCollide()
{
    REQUIRE_BACKEND(*m_project);
    QList<qint64> ofA, ofB;
    for (int i = 0; i < 40; ++i) {
        ofA << m_a->annotations().add(newSpan(m_article, i, i + 3, m_code)).id;
        ofB << m_b->annotations().add(newSpan(m_article, i + 1, i + 4, m_code)).id;
    }
    QVERIFY(std::is_sorted(ofA.cbegin(), ofA.cend()));
    QVERIFY(std::is_sorted(ofB.cbegin(), ofB.cend()));
    const QSet<qint64> all
        = QSet<qint64>(ofA.cbegin(), ofA.cend()) + QSet<qint64>(ofB.cbegin(), ofB.cend());
    QCOMPARE(all.size(), 80);
    QCOMPARE(m_a->annotations().count(), 80);
    for (qint64 id : ofB)
        QCOMPARE(m_a->annotations().get(id)->coderName, QStringLiteral("ben"));
}

void TestAnnotationLookups::aCodeDeletedUnheardIsNamedAndNothingStored()
{
    REQUIRE_BACKEND(*m_project);
    const Code other = m_a->codebook().ensureCode(QStringLiteral("Peace"));
    m_a->annotations().add(newSpan(m_article, 0, 3, other.id));
    // B deletes it; A has not heard yet (no event loop ran).
    m_b->codebook().removeCode(other.id);
    const QString message = refusal(newSpan(m_article, 4, 9, other.id));
    QVERIFY2(message.contains(QStringLiteral("no code with id %1").arg(other.id)),
             qPrintable(message));
    // And A goes on coding with the codes that are there.
    QCOMPARE(m_a->annotations().add(newSpan(m_article, 4, 9, m_code)).codeIds,
             QList<qint64> {m_code});
}

void TestAnnotationLookups::anArticleDeletedUnheardIsNamedAndNothingStored()
{
    REQUIRE_BACKEND(*m_project);
    Article second;
    second.title = QStringLiteral("Second");
    second.text = QStringLiteral("Another text, coded once before it goes.");
    const qint64 id = m_a->articles().add(second).id;
    m_a->annotations().add(newSpan(id, 0, 7, m_code));
    m_b->articles().remove({id});
    const QString message = refusal(newSpan(id, 8, 12, m_code));
    QVERIFY2(message.contains(QStringLiteral("no article with id %1").arg(id)),
             qPrintable(message));
}

void TestAnnotationLookups::whatOthersRemoveIsForgottenWhenHeard()
{
    REQUIRE_BACKEND(*m_project);
    const Code other = m_a->codebook().ensureCode(QStringLiteral("Peace"));
    m_a->annotations().add(newSpan(m_article, 0, 3, other.id));
    QVERIFY(m_a->annotations().lookups().knowsCodes({other.id}));
    QVERIFY(m_a->annotations().lookups().source(m_article));

    QSignalSpy heard(m_a.get(), &ProjectSession::changed);
    m_b->codebook().removeCode(other.id);
    QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 1000);
    QVERIFY(!m_a->annotations().lookups().knowsCodes({other.id}));
    QVERIFY(m_a->annotations().lookups().source(m_article));

    // A coder renamed: names are asked again.
    QVERIFY(m_a->annotations().lookups().coder(QStringLiteral("ana")));
    heard.clear();
    Coder ana = *m_b->coders().byName(QStringLiteral("ana"));
    ana.name = QStringLiteral("Ana M.");
    m_b->coders().update(ana);
    QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 1000);
    QVERIFY(!m_a->annotations().lookups().coder(QStringLiteral("ana")));

    heard.clear();
    m_b->articles().remove({m_article});
    QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 1000);
    QVERIFY(!m_a->annotations().lookups().source(m_article));
}

QTEST_GUILESS_MAIN(TestAnnotationLookups)
#include "tst_annotationlookups.moc"
