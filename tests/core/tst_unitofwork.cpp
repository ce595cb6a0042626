// Store v2: units of work (transactions and savepoints), the one change
// event per committed unit, and what the repositories record in it.
#include "NewSpan.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "store/SqlQuery.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
using A = ChangeSet::Aggregate;

ChangeSet changesAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<ChangeSet>();
}
} // namespace

class TestUnitOfWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changeSetKeepsEachIdInOneSet();
    void oneEventPerCommittedUnit();
    void innerRollbackUndoesOnlyItsPart();
    void outerRollbackAnnouncesNothing();
    void repositoriesRecordWhatTheyTouch();
    void refusesCarriageReturnsAndLoneSurrogates_data();
    void refusesCarriageReturnsAndLoneSurrogates();
    void deletesArticlesAndRestoresThemExactly();
    void rewritesTextWithItsAnnotations();
    void undoRecordHoldsClaimAndNote();
    void everyRowHasAStableUuid();
    void heldWritesGoBeforeReadsOrWithTheCommit();

private:
    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
    qint64 m_article = 0;
    qint64 m_code = 0;
};

void TestUnitOfWork::init()
{
    qRegisterMetaType<ChangeSet>();
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("p.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Kim and Moscow");
    a.text = QStringLiteral("Kim Jong Un praised Moscow. Seoul 🇰🇷 answered.\nA second paragraph.");
    m_article = m_session->articles().add(a).id;
    Category c;
    c.name = QStringLiteral("Techniques");
    c.kind = Category::Kind::Technique;
    Code code;
    code.categoryId = m_session->codebook().addCategory(c);
    code.name = QStringLiteral("Loaded language");
    m_code = m_session->codebook().addCode(code);
}

void TestUnitOfWork::cleanup()
{
    m_session.reset();
    m_project.reset();
}

void TestUnitOfWork::changeSetKeepsEachIdInOneSet()
{
    ChangeSet s;
    s.add(A::Annotation, 1);
    s.modify(A::Annotation, 1);
    QCOMPARE(s.of(A::Annotation).added, QSet<qint64>{1});
    QVERIFY(s.of(A::Annotation).modified.isEmpty());
    s.remove(A::Annotation, 1);
    QVERIFY(s.of(A::Annotation).isEmpty()); // added then removed: nothing happened
    s.remove(A::Annotation, 2);
    s.add(A::Annotation, 2); // removed then put back (undo inside one unit)
    QCOMPARE(s.of(A::Annotation).modified, QSet<qint64>{2});
    s.modify(A::Code, 5);
    s.remove(A::Code, 5);
    QCOMPARE(s.of(A::Code).removed, QSet<qint64>{5});
    QVERIFY(s.of(A::Code).modified.isEmpty());

    ChangeSet outer;
    outer.add(A::Memo, 7);
    ChangeSet inner;
    inner.remove(A::Memo, 7);
    inner.touchAnnotationsOf(3);
    outer.merge(inner);
    QVERIFY(!outer.touches(A::Memo));
    QCOMPARE(outer.annotatedArticles(), QSet<qint64>{3});
}

void TestUnitOfWork::oneEventPerCommittedUnit()
{
    QSignalSpy spy(m_session.get(), &ProjectSession::changed);
    {
        UnitOfWork unit(m_session->database());
        NewAnnotation n;
        n.articleId = m_article;
        n.start = 0;
        n.end = 3;
        n.codeIds = {m_code};
        const qint64 first = m_session->annotations().add(n).id;
        n.start = 20;
        n.end = 26;
        m_session->annotations().add(n);
        m_session->annotations().setNote(first, QStringLiteral("the speaker"));
        QCOMPARE(spy.count(), 0); // nothing is announced before the commit
        unit.commit();
    }
    QCOMPARE(spy.count(), 1);
    const ChangeSet changes = changesAt(spy, 0);
    QCOMPARE(changes.of(A::Annotation).added.size(), 2);
    QVERIFY(changes.of(A::Annotation).modified.isEmpty()); // a note on a new one is still new
    QCOMPARE(changes.annotatedArticles(), QSet<qint64>{m_article});
    QCOMPARE(changes.codeUsage(), QSet<qint64>{m_code});
    QVERIFY(!changes.touches(A::Article));
}

void TestUnitOfWork::innerRollbackUndoesOnlyItsPart()
{
    QSignalSpy spy(m_session.get(), &ProjectSession::changed);
    UnitOfWork outer(m_session->database());
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    const qint64 kept = m_session->actors().add(kim);
    try {
        UnitOfWork inner(m_session->database());
        Actor russia;
        russia.name = QStringLiteral("Russia");
        m_session->actors().add(russia);
        NewAnnotation bad;
        bad.articleId = m_article;
        bad.start = 5;
        bad.end = 500; // outside the text: the store refuses
        bad.codeIds = {m_code};
        m_session->annotations().add(bad);
        inner.commit();
        QFAIL("the bad span was stored");
    } catch (const ProjectError &e) {
        QVERIFY(e.message().contains(QStringLiteral("outside the article")));
    }
    outer.commit();
    QCOMPARE(m_session->actors().all().size(), 1);
    QCOMPARE(m_session->actors().all().constFirst().id, kept);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changesAt(spy, 0).of(A::Actor).added, QSet<qint64>{kept});
}

void TestUnitOfWork::outerRollbackAnnouncesNothing()
{
    QSignalSpy spy(m_session.get(), &ProjectSession::changed);
    const int codes = int(m_session->codebook().codes().size());
    try {
        UnitOfWork unit(m_session->database());
        m_session->codebook().ensureCode(QStringLiteral("Brand new"));
        throw ProjectError(QStringLiteral("the user's action failed later"));
    } catch (const ProjectError &) {
    }
    QCOMPARE(spy.count(), 0);
    QCOMPARE(m_session->codebook().codes().size(), codes);
    QVERIFY(!m_session->codebook().categoryByName(QStringLiteral("Custom")));
}

void TestUnitOfWork::repositoriesRecordWhatTheyTouch()
{
    QSignalSpy spy(m_session.get(), &ProjectSession::changed);
    Code other;
    other.categoryId = m_session->codebook().code(m_code)->categoryId;
    other.name = QStringLiteral("Name calling");
    const qint64 otherCode = m_session->codebook().addCode(other);
    NewAnnotation n;
    n.articleId = m_article;
    n.start = 0;
    n.end = 3;
    n.codeIds = {otherCode};
    const qint64 annotation = m_session->annotations().add(n).id;
    spy.clear();

    const CodeMerge merge = m_session->codebook().mergeCodes(otherCode, m_code);
    QCOMPARE(spy.count(), 1);
    ChangeSet c = changesAt(spy, 0);
    QCOMPARE(c.of(A::Code).removed, QSet<qint64>{otherCode});
    QVERIFY(c.of(A::Annotation).modified.contains(annotation));
    QCOMPARE(c.annotatedArticles(), QSet<qint64>{m_article});
    QVERIFY(c.codeUsage().contains(m_code) && c.codeUsage().contains(otherCode));

    m_session->codebook().undoCodeMerge(merge);
    QCOMPARE(spy.count(), 2);
    c = changesAt(spy, 1);
    QCOMPARE(c.of(A::Code).added, QSet<qint64>{otherCode});
    QCOMPARE(m_session->annotations().get(annotation)->codeIds, QList<qint64>{otherCode});

    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    const qint64 actor = m_session->actors().add(kim);
    spy.clear();
    m_session->annotations().setActor(annotation, actor);
    QCOMPARE(changesAt(spy, 0).actorUsage(), QSet<qint64>{actor});
    m_session->actors().remove(actor);
    c = changesAt(spy, 1);
    QCOMPARE(c.of(A::Actor).removed, QSet<qint64>{actor});
    QVERIFY(c.of(A::Annotation).modified.contains(annotation)); // its link went
    QCOMPARE(m_session->annotations().get(annotation)->actorId, 0);
}

void TestUnitOfWork::refusesCarriageReturnsAndLoneSurrogates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("CRLF") << QStringLiteral("one\r\ntwo") << QStringLiteral("carriage returns");
    QTest::newRow("lone high surrogate") << QStringLiteral("a") + QChar(0xD83D) + QStringLiteral("b")
                                         << QStringLiteral("unpaired surrogate at position 1");
    QTest::newRow("lone low surrogate at end") << QStringLiteral("ab") + QChar(0xDE00)
                                               << QStringLiteral("unpaired surrogate at position 2");
}

void TestUnitOfWork::refusesCarriageReturnsAndLoneSurrogates()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    Article a;
    a.title = QStringLiteral("Bad text");
    a.text = text;
    const int before = m_session->articles().count();
    try {
        m_session->articles().add(a);
        QFAIL("stored");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
        QVERIFY(e.message().contains(QStringLiteral("Bad text")));
    }
    QCOMPARE(m_session->articles().count(), before);
}

void TestUnitOfWork::deletesArticlesAndRestoresThemExactly()
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = 0;
    n.end = 3;
    n.codeIds = {m_code};
    n.note = QStringLiteral("who speaks");
    const qint64 annotation = m_session->annotations().add(n).id;
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    Claim claim;
    claim.annotationId = annotation;
    claim.speakerId = m_session->actors().add(kim);
    claim.stance = QStringLiteral("supports");
    m_session->annotations().setClaim(claim);
    Memo onArticle;
    onArticle.target = Memo::Target::Article;
    onArticle.targetId = m_article;
    onArticle.body = QStringLiteral("framing");
    m_session->memos().add(onArticle);
    Memo onAnnotation = onArticle;
    onAnnotation.target = Memo::Target::Annotation;
    onAnnotation.targetId = annotation;
    m_session->memos().add(onAnnotation);
    ArticleSource page;
    page.html = "<html><body><p>page</p></body></html>";
    page.url = QStringLiteral("https://example.org/a");
    Article other;
    other.title = QStringLiteral("With a page");
    other.text = QStringLiteral("Another text.");
    const qint64 withPage = m_session->articles().addMany({other}, {page}).constFirst().id;

    const Article before = *m_session->articles().get(m_article);
    const AnnotationRecord recordBefore = m_session->annotations().record(annotation);
    QSignalSpy spy(m_session.get(), &ProjectSession::changed);
    const ArticleDeletion preview = m_session->articles().removalPreview({m_article, withPage});
    QCOMPARE(preview.annotations.size(), 1);
    QCOMPARE(preview.memos.size(), 2);
    const ArticleDeletion deleted = m_session->articles().remove({m_article, withPage});
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changesAt(spy, 0).of(A::Article).removed, (QSet<qint64>{m_article, withPage}));
    QCOMPARE(m_session->articles().count(), 0);
    QCOMPARE(m_session->annotations().count(), 0);
    QVERIFY(m_session->memos().all().isEmpty());
    QCOMPARE(deleted.sources.size(), 1);

    m_session->articles().restore(deleted);
    QCOMPARE(spy.count(), 2);
    const Article after = *m_session->articles().get(m_article);
    QCOMPARE(after.uuid, before.uuid);
    QCOMPARE(after.text, before.text);
    QCOMPARE(after.importedAt, before.importedAt);
    const AnnotationRecord recordAfter = m_session->annotations().record(annotation);
    QCOMPARE(recordAfter.annotation.uuid, recordBefore.annotation.uuid);
    QCOMPARE(recordAfter.annotation.note, QStringLiteral("who speaks"));
    QCOMPARE(recordAfter.claim, recordBefore.claim);
    QCOMPARE(recordAfter.claim->uuid, recordBefore.claim->uuid);
    QCOMPARE(m_session->memos().all().size(), 2);
    QCOMPARE(m_session->articles().source(withPage)->html, page.html);
    // Restored articles wait for the index again, and are found once indexed.
    QVERIFY(m_session->articles().unindexedCount() >= 2);
    while (m_session->articles().indexPending(100) > 0) {
    }
    QCOMPARE(m_session->articles().search(QStringLiteral("Moscow")).size(), 1);
}

void TestUnitOfWork::rewritesTextWithItsAnnotations()
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = 20; // "Moscow"
    n.end = 26;
    n.codeIds = {m_code};
    const qint64 span = m_session->annotations().add(n).id;
    NewAnnotation whole = n;
    whole.document = true;
    const qint64 document = m_session->annotations().add(whole).id;
    while (m_session->articles().indexPending(100) > 0) {
    }

    TextRewrite r;
    r.articleId = m_article;
    r.previousText = m_session->articles().get(m_article)->text;
    r.text = QStringLiteral("Kim Jong Un warmly praised Moscow. Seoul 🇰🇷 answered.");
    r.spans.insert(span, {27, 33});
    r.previousSpans.insert(span, {20, 26});
    m_session->articles().rewriteText(r);
    QCOMPARE(m_session->articles().get(m_article)->text, r.text);
    QCOMPARE(m_session->annotations().get(span)->quote, QStringLiteral("Moscow"));
    QCOMPARE(m_session->annotations().get(span)->prefix, QStringLiteral("Kim Jong Un warmly praised "));
    QCOMPARE(m_session->annotations().get(document)->end, qint64(r.text.toUcs4().size()));
    // The index follows the new text.
    QCOMPARE(m_session->articles().search(QStringLiteral("warmly")).size(), 1);
    QCOMPARE(m_session->articles().search(QStringLiteral("paragraph")).size(), 0);

    m_session->articles().rewriteText(r.reversed());
    QCOMPARE(m_session->articles().get(m_article)->text, r.previousText);
    QCOMPARE(m_session->annotations().get(span)->start, 20);

    // A rewrite that forgets an annotation changes nothing.
    TextRewrite incomplete = r;
    incomplete.spans.clear();
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->articles().rewriteText(incomplete));
    QCOMPARE(m_session->articles().get(m_article)->text, r.previousText);
    // Outside a rewrite the text stays immutable.
    QVERIFY(!m_session->database().inUnitOfWork());
}

void TestUnitOfWork::undoRecordHoldsClaimAndNote()
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = 0;
    n.end = 11;
    n.codeIds = {m_code};
    const qint64 id = m_session->annotations().add(n).id;
    m_session->annotations().setNote(id, QStringLiteral("later note"));
    Claim claim;
    claim.annotationId = id;
    claim.kind = QStringLiteral("opinion");
    claim.evidence = QStringLiteral("speech");
    m_session->annotations().setClaim(claim);

    QSignalSpy spy(m_session.get(), &ProjectSession::changed);
    const AnnotationRecord removed = m_session->annotations().remove(id);
    QVERIFY(!m_session->annotations().get(id));
    QVERIFY(!m_session->annotations().claim(id));
    m_session->annotations().restore(removed);
    QCOMPARE(spy.count(), 2); // one step each way
    QCOMPARE(m_session->annotations().get(id)->note, QStringLiteral("later note"));
    QCOMPARE(m_session->annotations().claim(id)->evidence, QStringLiteral("speech"));
    QCOMPARE(m_session->annotations().claim(id)->coderId, m_session->annotations().get(id)->coderId);
}

void TestUnitOfWork::everyRowHasAStableUuid()
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = 0;
    n.end = 3;
    n.codeIds = {m_code};
    const Annotation a = m_session->annotations().add(n);
    const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QVERIFY(uuid.match(a.uuid).hasMatch());
    QVERIFY(uuid.match(m_session->articles().get(m_article)->uuid).hasMatch());
    QVERIFY(uuid.match(m_session->codebook().code(m_code)->uuid).hasMatch());
    QVERIFY(uuid.match(m_session->codebook().categories().constFirst().uuid).hasMatch());
    QVERIFY(uuid.match(m_session->coders().all().constFirst().uuid).hasMatch());
    QVERIFY(Code::isColour(m_session->coders().all().constFirst().colour));
    const QString before = a.uuid;
    m_session->annotations().setSpan(a.id, 1, 4);
    QCOMPARE(m_session->annotations().get(a.id)->uuid, before);
    QCOMPARE(m_session->codebook().codeByUuid(m_session->codebook().code(m_code)->uuid)->id, m_code);
}

// On PostgreSQL an annotation's INSERTs are held back and sent with the
// next round trip (DeferredStatements); on SQLite they run at once. Either
// way a read in the same unit sees them, a rolled-back savepoint takes
// only its own, and a held write the server refuses fails the commit and
// leaves nothing of the unit.
void TestUnitOfWork::heldWritesGoBeforeReadsOrWithTheCommit()
{
    NewAnnotation n = newSpan(m_article, 0, 3, m_code);
    qint64 kept = 0;
    {
        UnitOfWork outer(m_session->database());
        kept = m_session->annotations().add(n).id;
        QCOMPARE(m_session->annotations().forArticle(m_article).size(), 1);
        QCOMPARE(m_session->annotations().get(kept)->codeIds, QList<qint64> {m_code});
        try {
            UnitOfWork inner(m_session->database());
            n.start = 20;
            n.end = 26;
            m_session->annotations().add(n);
            throw ProjectError(QStringLiteral("given up"));
        } catch (const ProjectError &) {
        }
        outer.commit();
    }
    const QList<Annotation> stored = m_session->annotations().forArticle(m_article);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().id, kept);
    QCOMPARE(stored.constFirst().codeIds, QList<qint64> {m_code});

    // The refused write goes after good ones, as the server sees them: the
    // answer to the first statement of the round trip says nothing of it.
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    try {
        UnitOfWork unit(m_session->database());
        m_session->actors().add(kim);
        SqlQuery note(m_session->database().connection(),
                      QStringLiteral("UPDATE annotations SET note = ? WHERE id = ?"));
        note.bind(QStringLiteral("held")).bind(kept).execDeferred();
        SqlQuery link(m_session->database().connection(),
                      QStringLiteral("INSERT INTO annotation_codes(annotation_id, code_id) "
                                     "VALUES (?, ?)"));
        link.bind(kept + 1000).bind(m_code).execDeferred();
        unit.commit();
        QFAIL("a link to no annotation was stored");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive),
                 qPrintable(e.message()));
    }
    QVERIFY(m_session->actors().all().isEmpty());
    QCOMPARE(m_session->annotations().get(kept)->note, QString());
    n.start = 30;
    n.end = 34;
    m_session->annotations().add(n); // the connection goes on as before
    QCOMPARE(m_session->annotations().forArticle(m_article).size(), 2);
}

QTEST_GUILESS_MAIN(TestUnitOfWork)
#include "tst_unitofwork.moc"
