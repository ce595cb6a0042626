// Store operations of the annotation workbench: codes on existing
// annotations, span changes with recut quotes, claims, actors (aliases,
// suggestions, merge and its exact undo) and bulk add/remove.
#include "TestProject.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
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
    qint64 code(const QString &name) { return m_session->codebook().ensureCode(name).id; }
    Annotation annotate(qint64 start, qint64 end, QList<qint64> codes = {});

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
    qint64 m_article = 0;
};

namespace {
// "😀" is outside the BMP: one code point, two UTF-16 units.
const QString kText
    = QStringLiteral("Kim Jong Un spoke in Pyongyang. 😀 Kim warned Seoul. Kim left.");
} // namespace

void TestAnnotating::init()
{
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("a.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Speech");
    a.text = kText;
    m_article = m_session->articles().add(a).id;
}

void TestAnnotating::cleanup()
{
    m_session.reset();
    m_project.reset();
}

Annotation TestAnnotating::annotate(qint64 start, qint64 end, QList<qint64> codes)
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = start;
    n.end = end;
    n.codeIds = codes.isEmpty() ? QList<qint64> {code(QStringLiteral("Person"))} : codes;
    return m_session->annotations().add(n);
}

void TestAnnotating::addAndRemoveCodes()
{
    const qint64 person = code(QStringLiteral("Person"));
    const qint64 frame = code(QStringLiteral("Security"));
    const Annotation a = annotate(0, 11, {person});
    m_session->annotations().addCode(a.id, frame);
    m_session->annotations().addCode(a.id, frame); // twice is once
    QCOMPARE(m_session->annotations().get(a.id)->codeIds, (QList<qint64> {person, frame}));
    m_session->annotations().removeCode(a.id, person);
    QCOMPARE(m_session->annotations().get(a.id)->codeIds, QList<qint64> {frame});
    // The last code stays: an annotation without codes means nothing.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().removeCode(a.id, frame));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().addCode(a.id, 9999));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().addCode(9999, frame));
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
    m_session->annotations().setSpan(a.id, start, end);
    const Annotation b = *m_session->annotations().get(a.id);
    QCOMPARE(b.start, start);
    QCOMPARE(b.end, end);
    QCOMPARE(b.quote, quote);
    QVERIFY(kText.contains(b.prefix + b.quote + b.suffix));
    QCOMPARE(b.codeIds, a.codeIds);
}

void TestAnnotating::badSpanLeavesAnnotationAlone()
{
    const Annotation a = annotate(0, 11);
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().setSpan(a.id, 5, 5));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().setSpan(a.id, 0, 10000));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().setSpan(a.id, -1, 3));
    const Annotation b = *m_session->annotations().get(a.id);
    QCOMPARE(b.start, 0);
    QCOMPARE(b.end, 11);
    QCOMPARE(b.quote, QStringLiteral("Kim Jong Un"));
}

void TestAnnotating::noteActorPrimary()
{
    const Annotation a = annotate(0, 11);
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    const qint64 kimId = m_session->actors().add(kim);
    m_session->annotations().setNote(a.id, QStringLiteral("the speaker"));
    m_session->annotations().setActor(a.id, kimId);
    m_session->annotations().setPrimary(a.id, true);
    Annotation b = *m_session->annotations().get(a.id);
    QCOMPARE(b.note, QStringLiteral("the speaker"));
    QCOMPARE(b.actorId, kimId);
    QVERIFY(b.primary);
    QCOMPARE(m_session->actors().mentionCounts().value(kimId), 1);
    m_session->annotations().setActor(a.id, 0);
    m_session->annotations().setPrimary(a.id, false);
    b = *m_session->annotations().get(a.id);
    QCOMPARE(b.actorId, 0);
    QVERIFY(!b.primary);
    QCOMPARE(m_session->actors().mentionCounts().value(kimId), 0);
}

void TestAnnotating::documentLevelCode()
{
    NewAnnotation n;
    n.articleId = m_article;
    n.document = true;
    n.primary = true;
    n.codeIds = {code(QStringLiteral("Security and defense"))};
    const Annotation a = m_session->annotations().add(n);
    QVERIFY(a.document);
    QVERIFY(a.primary);
    QCOMPARE(a.start, 0);
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().setSpan(a.id, 0, 3));
}

void TestAnnotating::claimsRoundTrip()
{
    const Annotation a = annotate(0, 17);
    QVERIFY(!m_session->annotations().claim(a.id));
    Actor kim, seoul;
    kim.name = QStringLiteral("Kim Jong Un");
    seoul.name = QStringLiteral("South Korea");
    Claim c;
    c.annotationId = a.id;
    c.speakerId = m_session->actors().add(kim);
    c.targetId = m_session->actors().add(seoul);
    c.stance = QStringLiteral("opposes");
    c.kind = QStringLiteral("prediction");
    c.status = QStringLiteral("misleading");
    c.evidence = QStringLiteral("See the KCNA transcript.");
    m_session->annotations().setClaim(c);
    QCOMPARE(*m_session->annotations().claim(a.id), c);
    c.status = QStringLiteral("false");
    m_session->annotations().setClaim(c);
    QCOMPARE(m_session->annotations().claim(a.id)->status, QStringLiteral("false"));
    Claim bad = c;
    bad.stance = QStringLiteral("sideways");
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().setClaim(bad));
    QCOMPARE(*m_session->annotations().claim(a.id), c);
    m_session->annotations().clearClaim(a.id);
    QVERIFY(!m_session->annotations().claim(a.id));
    // Claims go with their annotation.
    m_session->annotations().setClaim(c);
    m_session->annotations().remove(a.id);
    QVERIFY(!m_session->annotations().claim(a.id));
}

void TestAnnotating::claimsSurviveReopen()
{
    const Annotation a = annotate(0, 17);
    Claim c;
    c.annotationId = a.id;
    c.kind = QStringLiteral("fact");
    c.evidence = QStringLiteral("note");
    m_session->annotations().setClaim(c);
    const QString path = m_session->path();
    m_session.reset();
    m_session = ProjectSession::open(path);
    QCOMPARE(*m_session->annotations().claim(a.id), c);
}

void TestAnnotating::actorEditingAndAliases()
{
    Actor a;
    a.name = QStringLiteral("Kim Jong-un");
    a.id = m_session->actors().add(a);
    a.uuid = m_session->actors().get(a.id)->uuid;
    a.version = 1; // as added
    a.name = QStringLiteral("Kim Jong Un");
    a.kind = QStringLiteral("person");
    a.description = QStringLiteral("Leader of North Korea");
    a.aliases = {QStringLiteral("Kim")};
    a.version = m_session->actors().update(a);
    QCOMPARE(m_session->actors().get(a.id)->name, a.name);
    QCOMPARE(m_session->actors().get(a.id)->aliases, QStringList {QStringLiteral("Kim")});
    m_session->actors().addAlias(a.id, QStringLiteral("Chairman Kim"));
    QCOMPARE(m_session->actors().get(a.id)->aliases.size(), 2);
    m_session->actors().removeAlias(a.id, QStringLiteral("Chairman Kim"));
    a.version += 2; // each alias edit is an edit of the actor
    QCOMPARE(*m_session->actors().get(a.id), a);
    Actor other;
    other.name = QStringLiteral("Putin");
    other.id = m_session->actors().add(other);
    other.version = 1;
    other.name = QStringLiteral("kim jong un"); // names are unique, any case
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->actors().update(other));
    QCOMPARE(m_session->actors().get(other.id)->name, QStringLiteral("Putin"));
    m_session->actors().remove(other.id);
    QVERIFY(!m_session->actors().get(other.id));
    other.name = QStringLiteral("Putin");
    m_session->actors().restore(other); // same id back
    QCOMPARE(m_session->actors().get(other.id)->name, QStringLiteral("Putin"));
}

void TestAnnotating::actorsMatching()
{
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    kim.aliases = {QStringLiteral("Kim")};
    m_session->actors().add(kim);
    Actor kimYo;
    kimYo.name = QStringLiteral("Kim Yo Jong");
    m_session->actors().add(kimYo);
    const auto byAlias = m_session->actors().matching(QStringLiteral(" kim "));
    QCOMPARE(byAlias.size(), 2);
    QCOMPARE(byAlias.first().name, QStringLiteral("Kim Jong Un")); // exact alias first
    QCOMPARE(m_session->actors().matching(QStringLiteral("Kim Jong Un")).size(), 1);
    QVERIFY(m_session->actors().matching(QStringLiteral("Seoul")).isEmpty());
    QVERIFY(m_session->actors().matching(QString()).isEmpty());
}

void TestAnnotating::mergeActorsAndUndo()
{
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    kim.id = m_session->actors().add(kim);
    Actor dup;
    dup.name = QStringLiteral("Kim Jong-un");
    dup.kind = QStringLiteral("person");
    dup.aliases = {QStringLiteral("Kim"), QStringLiteral("Kim Jong Un")};
    dup.id = m_session->actors().add(dup);
    dup.uuid = m_session->actors().get(dup.id)->uuid;
    dup.version = 2; // as the merge found it: it raised the version before taking it
    const Annotation m1 = annotate(0, 11);
    const Annotation m2 = annotate(34, 37);
    m_session->annotations().setActor(m1.id, dup.id);
    m_session->annotations().setActor(m2.id, kim.id);
    Claim c;
    c.annotationId = m2.id;
    c.speakerId = dup.id;
    c.targetId = dup.id;
    m_session->annotations().setClaim(c);

    const ActorMerge merge = m_session->actors().merge(kim.id, dup.id);
    QVERIFY(!m_session->actors().get(dup.id));
    QCOMPARE(m_session->annotations().get(m1.id)->actorId, kim.id);
    QCOMPARE(m_session->annotations().claim(m2.id)->speakerId, kim.id);
    QCOMPARE(m_session->annotations().claim(m2.id)->targetId, kim.id);
    QCOMPARE(m_session->actors().mentionCounts().value(kim.id), 2);
    const QStringList aliases = m_session->actors().get(kim.id)->aliases;
    QVERIFY(aliases.contains(QStringLiteral("Kim Jong-un")));
    QVERIFY(aliases.contains(QStringLiteral("Kim")));
    QVERIFY(!aliases.contains(QStringLiteral("Kim Jong Un"))); // its own name
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->actors().merge(kim.id, kim.id));

    m_session->actors().undoMerge(merge);
    QCOMPARE(*m_session->actors().get(dup.id), dup); // aliases come back sorted, as given
    QVERIFY(m_session->actors().get(kim.id)->aliases.isEmpty());
    QCOMPARE(m_session->annotations().get(m1.id)->actorId, dup.id);
    QCOMPARE(m_session->annotations().get(m2.id)->actorId, kim.id);
    QCOMPARE(*m_session->annotations().claim(m2.id), c);
}

void TestAnnotating::bulkRemoveAndRestore()
{
    const Annotation a = annotate(0, 3);
    const Annotation b = annotate(34, 37);
    const QList<AnnotationRecord> removed = m_session->annotations().removeMany({a.id, b.id});
    QCOMPARE(removed.size(), 2);
    QCOMPARE(m_session->annotations().count(), 0);
    m_session->annotations().restoreMany(removed);
    QCOMPARE(m_session->annotations().count(), 2);
    QCOMPARE(m_session->annotations().get(b.id)->quote, b.quote);
    QCOMPARE(m_session->annotations().get(a.id)->created, a.created);
    // All or nothing: a missing id rolls the whole removal back.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().removeMany({a.id, 9999}));
    QCOMPARE(m_session->annotations().count(), 2);
}

void TestAnnotating::signalsAfterCommit()
{
    using A = ChangeSet::Aggregate;
    const Annotation a = annotate(0, 11);
    QSignalSpy changed(m_session.get(), &ProjectSession::changed);
    const auto last = [&] { return changed.last().first().value<ChangeSet>(); };
    // When the event arrives, a fresh read already sees the change.
    qint64 seenEnd = 0;
    connect(m_session.get(), &ProjectSession::changed, this,
            [&] { seenEnd = m_session->annotations().get(a.id)->end; });
    m_session->annotations().setSpan(a.id, 0, 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(last().annotatedArticles(), QSet<qint64>{m_article});
    QCOMPARE(last().of(A::Annotation).modified, QSet<qint64>{a.id});
    QCOMPARE(seenEnd, 3);
    Actor kim;
    kim.name = QStringLiteral("Kim");
    const qint64 kimId = m_session->actors().add(kim);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(last().of(A::Actor).added, QSet<qint64>{kimId});
    Claim c;
    c.annotationId = a.id;
    c.speakerId = kimId;
    m_session->annotations().setClaim(c);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(last().of(A::Annotation).modified, QSet<qint64>{a.id});
    QCOMPARE(last().actorUsage(), QSet<qint64>{kimId});
    // A refused change emits nothing.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->annotations().setSpan(a.id, 3, 1));
    QCOMPARE(changed.size(), 3);
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
