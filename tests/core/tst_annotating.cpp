// Store operations of the annotation workbench: codes on existing
// annotations, span changes with recut quotes, claims, actors (aliases,
// suggestions, merge and its exact undo) and bulk add/remove.
#include "base/ProjectError.h"
#include "store/ProjectStore.h"
#include "text/PhraseFinder.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestAnnotating : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addAndRemoveCodes();
    void spanChangeRecutsQuote_data();
    void spanChangeRecutsQuote();
    void badSpanLeavesAnnotationAlone();
    void noteActorPrimary();
    void documentLevelCode();
    void claimsRoundTrip();
    void claimsSurviveReopen();
    void actorEditingAndAliases();
    void actorsMatching();
    void mergeActorsAndUndo();
    void bulkRemoveAndRestore();
    void signalsAfterCommit();
    void phraseOccurrences();

private:
    qint64 code(const QString &name) { return m_store->ensureCode(name).id; }
    Annotation annotate(qint64 start, qint64 end, QList<qint64> codes = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectStore> m_store;
    qint64 m_article = 0;
};

namespace {
// "😀" is outside the BMP: one code point, two UTF-16 units.
const QString kText
    = QStringLiteral("Kim Jong Un spoke in Pyongyang. 😀 Kim warned Seoul. Kim left.");
} // namespace

void TestAnnotating::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = ProjectStore::open(m_dir->filePath(QStringLiteral("a.framewise")),
                                 ProjectStore::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Speech");
    a.text = kText;
    m_article = m_store->addArticle(a).id;
}

void TestAnnotating::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

Annotation TestAnnotating::annotate(qint64 start, qint64 end, QList<qint64> codes)
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = start;
    n.end = end;
    n.codeIds = codes.isEmpty() ? QList<qint64> {code(QStringLiteral("Person"))} : codes;
    return m_store->addAnnotation(n);
}

void TestAnnotating::addAndRemoveCodes()
{
    const qint64 person = code(QStringLiteral("Person"));
    const qint64 frame = code(QStringLiteral("Security"));
    const Annotation a = annotate(0, 11, {person});
    m_store->addAnnotationCode(a.id, frame);
    m_store->addAnnotationCode(a.id, frame); // twice is once
    QCOMPARE(m_store->annotation(a.id)->codeIds, (QList<qint64> {person, frame}));
    m_store->removeAnnotationCode(a.id, person);
    QCOMPARE(m_store->annotation(a.id)->codeIds, QList<qint64> {frame});
    // The last code stays: an annotation without codes means nothing.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->removeAnnotationCode(a.id, frame));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->addAnnotationCode(a.id, 9999));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->addAnnotationCode(9999, frame));
}

void TestAnnotating::spanChangeRecutsQuote_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QString>("quote");
    QTest::newRow("shrink") << qint64(0) << qint64(3) << QStringLiteral("Kim");
    QTest::newRow("grow") << qint64(0) << qint64(17) << QStringLiteral("Kim Jong Un spoke");
    // After the emoji, code points and UTF-16 differ by one.
    QTest::newRow("past emoji") << qint64(34) << qint64(37) << QStringLiteral("Kim");
    QTest::newRow("emoji itself") << qint64(32) << qint64(33) << QStringLiteral("😀");
}

void TestAnnotating::spanChangeRecutsQuote()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(QString, quote);
    const Annotation a = annotate(0, 11);
    m_store->setAnnotationSpan(a.id, start, end);
    const Annotation b = *m_store->annotation(a.id);
    QCOMPARE(b.start, start);
    QCOMPARE(b.end, end);
    QCOMPARE(b.quote, quote);
    QVERIFY(kText.contains(b.prefix + b.quote + b.suffix));
    QCOMPARE(b.codeIds, a.codeIds);
}

void TestAnnotating::badSpanLeavesAnnotationAlone()
{
    const Annotation a = annotate(0, 11);
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->setAnnotationSpan(a.id, 5, 5));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->setAnnotationSpan(a.id, 0, 10000));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->setAnnotationSpan(a.id, -1, 3));
    const Annotation b = *m_store->annotation(a.id);
    QCOMPARE(b.start, 0);
    QCOMPARE(b.end, 11);
    QCOMPARE(b.quote, QStringLiteral("Kim Jong Un"));
}

void TestAnnotating::noteActorPrimary()
{
    const Annotation a = annotate(0, 11);
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    const qint64 kimId = m_store->addActor(kim);
    m_store->setAnnotationNote(a.id, QStringLiteral("the speaker"));
    m_store->setAnnotationActor(a.id, kimId);
    m_store->setAnnotationPrimary(a.id, true);
    Annotation b = *m_store->annotation(a.id);
    QCOMPARE(b.note, QStringLiteral("the speaker"));
    QCOMPARE(b.actorId, kimId);
    QVERIFY(b.primary);
    QCOMPARE(m_store->actorMentionCounts().value(kimId), 1);
    m_store->setAnnotationActor(a.id, 0);
    m_store->setAnnotationPrimary(a.id, false);
    b = *m_store->annotation(a.id);
    QCOMPARE(b.actorId, 0);
    QVERIFY(!b.primary);
    QCOMPARE(m_store->actorMentionCounts().value(kimId), 0);
}

void TestAnnotating::documentLevelCode()
{
    NewAnnotation n;
    n.articleId = m_article;
    n.document = true;
    n.primary = true;
    n.codeIds = {code(QStringLiteral("Security and defense"))};
    const Annotation a = m_store->addAnnotation(n);
    QVERIFY(a.document);
    QVERIFY(a.primary);
    QCOMPARE(a.start, 0);
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->setAnnotationSpan(a.id, 0, 3));
}

void TestAnnotating::claimsRoundTrip()
{
    const Annotation a = annotate(0, 17);
    QVERIFY(!m_store->claim(a.id));
    Actor kim, seoul;
    kim.name = QStringLiteral("Kim Jong Un");
    seoul.name = QStringLiteral("South Korea");
    Claim c;
    c.annotationId = a.id;
    c.speakerId = m_store->addActor(kim);
    c.targetId = m_store->addActor(seoul);
    c.stance = QStringLiteral("opposes");
    c.kind = QStringLiteral("prediction");
    c.status = QStringLiteral("misleading");
    c.evidence = QStringLiteral("See the KCNA transcript.");
    m_store->setClaim(c);
    QCOMPARE(*m_store->claim(a.id), c);
    c.status = QStringLiteral("false");
    m_store->setClaim(c);
    QCOMPARE(m_store->claim(a.id)->status, QStringLiteral("false"));
    Claim bad = c;
    bad.stance = QStringLiteral("sideways");
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->setClaim(bad));
    QCOMPARE(*m_store->claim(a.id), c);
    m_store->clearClaim(a.id);
    QVERIFY(!m_store->claim(a.id));
    // Claims go with their annotation.
    m_store->setClaim(c);
    m_store->removeAnnotation(a.id);
    QVERIFY(!m_store->claim(a.id));
}

void TestAnnotating::claimsSurviveReopen()
{
    const Annotation a = annotate(0, 17);
    Claim c;
    c.annotationId = a.id;
    c.kind = QStringLiteral("fact");
    c.evidence = QStringLiteral("note");
    m_store->setClaim(c);
    const QString path = m_store->path();
    m_store.reset();
    m_store = ProjectStore::open(path);
    QCOMPARE(*m_store->claim(a.id), c);
}

void TestAnnotating::actorEditingAndAliases()
{
    Actor a;
    a.name = QStringLiteral("Kim Jong-un");
    a.id = m_store->addActor(a);
    a.name = QStringLiteral("Kim Jong Un");
    a.kind = QStringLiteral("person");
    a.description = QStringLiteral("Leader of North Korea");
    a.aliases = {QStringLiteral("Kim")};
    m_store->updateActor(a);
    QCOMPARE(m_store->actor(a.id)->name, a.name);
    QCOMPARE(m_store->actor(a.id)->aliases, QStringList {QStringLiteral("Kim")});
    m_store->addActorAlias(a.id, QStringLiteral("Chairman Kim"));
    QCOMPARE(m_store->actor(a.id)->aliases.size(), 2);
    m_store->removeActorAlias(a.id, QStringLiteral("Chairman Kim"));
    QCOMPARE(*m_store->actor(a.id), a);
    Actor other;
    other.name = QStringLiteral("Putin");
    other.id = m_store->addActor(other);
    other.name = QStringLiteral("kim jong un"); // names are unique, any case
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->updateActor(other));
    QCOMPARE(m_store->actor(other.id)->name, QStringLiteral("Putin"));
    m_store->removeActor(other.id);
    QVERIFY(!m_store->actor(other.id));
    other.name = QStringLiteral("Putin");
    m_store->restoreActor(other); // same id back
    QCOMPARE(m_store->actor(other.id)->name, QStringLiteral("Putin"));
}

void TestAnnotating::actorsMatching()
{
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    kim.aliases = {QStringLiteral("Kim")};
    m_store->addActor(kim);
    Actor kimYo;
    kimYo.name = QStringLiteral("Kim Yo Jong");
    m_store->addActor(kimYo);
    const auto byAlias = m_store->actorsMatching(QStringLiteral(" kim "));
    QCOMPARE(byAlias.size(), 2);
    QCOMPARE(byAlias.first().name, QStringLiteral("Kim Jong Un")); // exact alias first
    QCOMPARE(m_store->actorsMatching(QStringLiteral("Kim Jong Un")).size(), 1);
    QVERIFY(m_store->actorsMatching(QStringLiteral("Seoul")).isEmpty());
    QVERIFY(m_store->actorsMatching(QString()).isEmpty());
}

void TestAnnotating::mergeActorsAndUndo()
{
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    kim.id = m_store->addActor(kim);
    Actor dup;
    dup.name = QStringLiteral("Kim Jong-un");
    dup.kind = QStringLiteral("person");
    dup.aliases = {QStringLiteral("Kim"), QStringLiteral("Kim Jong Un")};
    dup.id = m_store->addActor(dup);
    const Annotation m1 = annotate(0, 11);
    const Annotation m2 = annotate(34, 37);
    m_store->setAnnotationActor(m1.id, dup.id);
    m_store->setAnnotationActor(m2.id, kim.id);
    Claim c;
    c.annotationId = m2.id;
    c.speakerId = dup.id;
    c.targetId = dup.id;
    m_store->setClaim(c);

    const ActorMerge merge = m_store->mergeActors(kim.id, dup.id);
    QVERIFY(!m_store->actor(dup.id));
    QCOMPARE(m_store->annotation(m1.id)->actorId, kim.id);
    QCOMPARE(m_store->claim(m2.id)->speakerId, kim.id);
    QCOMPARE(m_store->claim(m2.id)->targetId, kim.id);
    QCOMPARE(m_store->actorMentionCounts().value(kim.id), 2);
    const QStringList aliases = m_store->actor(kim.id)->aliases;
    QVERIFY(aliases.contains(QStringLiteral("Kim Jong-un")));
    QVERIFY(aliases.contains(QStringLiteral("Kim")));
    QVERIFY(!aliases.contains(QStringLiteral("Kim Jong Un"))); // its own name
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->mergeActors(kim.id, kim.id));

    m_store->undoActorMerge(merge);
    QCOMPARE(*m_store->actor(dup.id), dup); // aliases come back sorted, as given
    QVERIFY(m_store->actor(kim.id)->aliases.isEmpty());
    QCOMPARE(m_store->annotation(m1.id)->actorId, dup.id);
    QCOMPARE(m_store->annotation(m2.id)->actorId, kim.id);
    QCOMPARE(*m_store->claim(m2.id), c);
}

void TestAnnotating::bulkRemoveAndRestore()
{
    const Annotation a = annotate(0, 3);
    const Annotation b = annotate(34, 37);
    m_store->removeAnnotations({a.id, b.id});
    QCOMPARE(m_store->annotationCount(), 0);
    m_store->restoreAnnotations({a, b});
    QCOMPARE(m_store->annotationCount(), 2);
    QCOMPARE(m_store->annotation(b.id)->quote, b.quote);
    QCOMPARE(m_store->annotation(a.id)->created, a.created);
    // All or nothing: a missing id rolls the whole removal back.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->removeAnnotations({a.id, 9999}));
    QCOMPARE(m_store->annotationCount(), 2);
}

void TestAnnotating::signalsAfterCommit()
{
    const Annotation a = annotate(0, 11);
    QSignalSpy changed(m_store.get(), &ProjectStore::annotationsChanged);
    QSignalSpy actors(m_store.get(), &ProjectStore::actorsChanged);
    QSignalSpy claims(m_store.get(), &ProjectStore::claimChanged);
    // When the signal arrives, a fresh read already sees the change.
    qint64 seenEnd = 0;
    connect(m_store.get(), &ProjectStore::annotationsChanged, this,
            [&] { seenEnd = m_store->annotation(a.id)->end; });
    m_store->setAnnotationSpan(a.id, 0, 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toLongLong(), m_article);
    QCOMPARE(seenEnd, 3);
    Actor kim;
    kim.name = QStringLiteral("Kim");
    m_store->addActor(kim);
    QCOMPARE(actors.size(), 1);
    Claim c;
    c.annotationId = a.id;
    m_store->setClaim(c);
    QCOMPARE(claims.size(), 1);
    // A refused change emits nothing.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_store->setAnnotationSpan(a.id, 3, 1));
    QCOMPARE(changed.size(), 1);
}

void TestAnnotating::phraseOccurrences()
{
    const auto hits = PhraseFinder::find(kText, QStringLiteral("kim"));
    QCOMPARE(hits.size(), 3);
    QCOMPARE(hits[1].start, 34); // after the emoji: code points
    QCOMPARE(hits[1].match, QStringLiteral("Kim"));
    QCOMPARE(PhraseFinder::find(QStringLiteral("Kimchi and Kim"), QStringLiteral("Kim")).size(), 1);
    QCOMPARE(PhraseFinder::find(kText, QStringLiteral("Kim Jong Un")).size(), 1);
    QVERIFY(PhraseFinder::find(kText, QStringLiteral("  ")).isEmpty());
}

QTEST_GUILESS_MAIN(TestAnnotating)
#include "tst_annotating.moc"
