// Adjudication into a consensus coder: what accepting one coder's version
// or several (their union) writes, which places count as resolved, and the
// decisions kept in the project's meta table.
#include "TestProject.h"
#include "base/ProjectError.h"
#include "export/AnnotationExporter.h"
#include "reliability/Adjudication.h"
#include "store/ProjectSession.h"
#include "text/TextSegments.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestAdjudication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void proposalCopiesOneCoderOrUnitesSeveral();
    void resolveRecordsAndReplacesDecisions();
    void handCodingResolves();
    void refusals();
    void decisionsSurviveReopeningAndDeletion();
    void resolvesTheBrowsersDisagreements();

private:
    qint64 annotate(const QString &coder, const QString &phrase, const QStringList &codes);
    // [start, end) of a phrase of the text, in code points (the text is ASCII).
    std::pair<qint64, qint64> span(const QString &phrase) const;
    Adjudication::Place sentence(int index, const QStringList &codes) const;
    QList<Annotation> consensus() const;

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
    QString m_text;
    qint64 m_article = 0;
    qint64 m_alice = 0, m_bob = 0;
};

void TestAdjudication::init()
{
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("p.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
    m_text = QStringLiteral("Alpha fears war now. Beta hopes for peace soon. Gamma warns of "
                            "danger. Delta says nothing at all.");
    Article a;
    a.title = QStringLiteral("Four voices");
    a.text = m_text;
    m_article = m_session->articles().add(a).id;
    m_session->codebook().ensureCode(QStringLiteral("Fear"));
    m_session->codebook().ensureCode(QStringLiteral("Hope"));
    m_alice = m_session->coders().ensure(QStringLiteral("alice"));
    m_bob = m_session->coders().ensure(QStringLiteral("bob"));
}

void TestAdjudication::cleanup()
{
    m_session.reset();
    m_project.reset();
}

std::pair<qint64, qint64> TestAdjudication::span(const QString &phrase) const
{
    const qint64 at = m_text.indexOf(phrase);
    [&] { QVERIFY2(at >= 0, qPrintable(phrase)); }();
    return {at, at + phrase.size()};
}

qint64 TestAdjudication::annotate(const QString &coder, const QString &phrase,
                                  const QStringList &codes)
{
    NewAnnotation n;
    n.articleId = m_article;
    std::tie(n.start, n.end) = span(phrase);
    n.coderName = coder;
    for (const QString &c : codes)
        n.codeIds.append(m_session->codebook().codeByName(c)->id);
    return m_session->annotations().add(n).id;
}

Adjudication::Place TestAdjudication::sentence(int index, const QStringList &codes) const
{
    const QList<TextSegments::Segment> sentences = TextSegments::sentences(m_text);
    Adjudication::Place p;
    p.unit = AgreementUnit::Sentence;
    p.articleId = m_article;
    p.start = sentences.at(index).start;
    p.end = sentences.at(index).end;
    for (const QString &c : codes)
        p.codeIds.append(m_session->codebook().codeByName(c)->id);
    std::sort(p.codeIds.begin(), p.codeIds.end());
    return p;
}

QList<Annotation> TestAdjudication::consensus() const
{
    QList<Annotation> out;
    for (const Annotation &a : m_session->annotations().forArticle(m_article))
        if (a.coderName == Adjudication::defaultConsensusName())
            out.append(a);
    return out;
}

void TestAdjudication::proposalCopiesOneCoderOrUnitesSeveral()
{
    const qint64 fear = m_session->codebook().codeByName(QStringLiteral("Fear"))->id;
    const qint64 hope = m_session->codebook().codeByName(QStringLiteral("Hope"))->id;
    annotate(QStringLiteral("alice"), QStringLiteral("Alpha fears"), {QStringLiteral("Fear")});
    annotate(QStringLiteral("bob"), QStringLiteral("fears war"), {QStringLiteral("Fear")});
    annotate(QStringLiteral("alice"), QStringLiteral("Beta hopes"),
             {QStringLiteral("Fear"), QStringLiteral("Hope")});
    annotate(QStringLiteral("bob"), QStringLiteral("Beta hopes"), {QStringLiteral("Hope")});
    annotate(QStringLiteral("bob"), QStringLiteral("peace soon"), {QStringLiteral("Fear")});
    // Outside the first two sentences: never part of their versions.
    annotate(QStringLiteral("alice"), QStringLiteral("warns"), {QStringLiteral("Fear")});

    const Adjudication adj(*m_session, Adjudication::defaultConsensusName());
    QCOMPARE(adj.consensusCoderId(), 0); // not created by looking

    // One coder: a copy, for the consensus coder.
    QList<NewAnnotation> p = adj.proposal(sentence(0, {QStringLiteral("Fear")}), {m_alice});
    QCOMPARE(p.size(), 1);
    QCOMPARE(std::make_pair(p[0].start, p[0].end), span(QStringLiteral("Alpha fears")));
    QCOMPARE(p[0].codeIds, QList<qint64> {fear});
    QCOMPARE(p[0].coderName, QStringLiteral("Consensus"));
    QCOMPARE(p[0].articleId, m_article);
    // Both: overlapping spans of a code joined.
    p = adj.proposal(sentence(0, {QStringLiteral("Fear")}), {m_alice, m_bob});
    QCOMPARE(p.size(), 1);
    QCOMPARE(std::make_pair(p[0].start, p[0].end), span(QStringLiteral("Alpha fears war")));

    // Only the place's codes are copied: alice's Fear+Hope span gives Fear.
    p = adj.proposal(sentence(1, {QStringLiteral("Fear")}), {m_alice});
    QCOMPARE(p.size(), 1);
    QCOMPARE(p[0].codeIds, QList<qint64> {fear});
    // A category of both codes, both coders: the same span shares one
    // annotation with both codes; bob's separate Fear span stays apart.
    p = adj.proposal(sentence(1, {QStringLiteral("Fear"), QStringLiteral("Hope")}),
                     {m_alice, m_bob});
    QCOMPARE(p.size(), 2);
    QCOMPARE(std::make_pair(p[0].start, p[0].end), span(QStringLiteral("Beta hopes")));
    QList<qint64> both = p[0].codeIds;
    std::sort(both.begin(), both.end());
    QList<qint64> expected {fear, hope};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(both, expected);
    QCOMPARE(std::make_pair(p[1].start, p[1].end), span(QStringLiteral("peace soon")));
    QCOMPARE(p[1].codeIds, QList<qint64> {fear});

    // Nobody coded Fear in sentence 3 (Delta): nothing to copy.
    QVERIFY(adj.proposal(sentence(3, {QStringLiteral("Fear")}), {m_alice, m_bob}).isEmpty());

    // A whole article: every annotation of the codes, wherever it is.
    Adjudication::Place article = sentence(0, {QStringLiteral("Fear")});
    article.unit = AgreementUnit::Document;
    article.start = article.end = 0;
    QCOMPARE(adj.proposal(article, {m_alice}).size(), 3);
}

void TestAdjudication::resolveRecordsAndReplacesDecisions()
{
    annotate(QStringLiteral("alice"), QStringLiteral("Alpha fears"), {QStringLiteral("Fear")});
    annotate(QStringLiteral("bob"), QStringLiteral("fears war"), {QStringLiteral("Fear")});
    Adjudication adj(*m_session, Adjudication::defaultConsensusName());
    const Adjudication::Place first = sentence(0, {QStringLiteral("Fear")});
    const Adjudication::Place third = sentence(2, {QStringLiteral("Fear")});
    QCOMPARE(adj.status({first}).front().resolved, false);

    QSignalSpy changed(m_session.get(), &ProjectSession::changed);
    Adjudication::Resolution r = adj.resolve(first, {m_alice});
    // One unit of work: one change event with the annotation and the decision.
    QCOMPARE(changed.size(), 1);
    const ChangeSet changes = changed.front().front().value<ChangeSet>();
    QCOMPARE(changes.of(ChangeSet::Aggregate::Adjudication).added, QSet<qint64> {r.decision.id});
    QCOMPARE(changes.of(ChangeSet::Aggregate::Annotation).added, QSet<qint64> {r.added.front()});

    // The consensus coder exists now: a coder like any other.
    const auto coder = m_session->coders().byName(QStringLiteral("Consensus"));
    QVERIFY(coder);
    QCOMPARE(adj.consensusCoderId(), coder->id);
    QCOMPARE(r.added.size(), 1);
    QVERIFY(!r.replaced);
    QCOMPARE(consensus().size(), 1);
    QCOMPARE(std::make_pair(consensus()[0].start, consensus()[0].end),
             span(QStringLiteral("Alpha fears")));
    QCOMPARE(r.decision.acceptedCoderIds, QList<qint64> {m_alice});
    QCOMPARE(r.decision.annotationUuids, QStringList {consensus()[0].uuid});
    QCOMPARE(r.decision.unit, QStringLiteral("sentence"));

    QList<Adjudication::Status> s = adj.status({first, third});
    QVERIFY(s[0].resolved);
    QCOMPARE(s[0].decision->id, r.decision.id);
    QVERIFY(!s[1].resolved);

    // Deciding again replaces the first decision and its annotation.
    r = adj.resolve(first, {m_bob});
    QVERIFY(r.replaced);
    QCOMPARE(r.removed.size(), 1);
    QCOMPARE(r.removed.front().annotation.coderName, QStringLiteral("Consensus"));
    QCOMPARE(consensus().size(), 1);
    QCOMPARE(std::make_pair(consensus()[0].start, consensus()[0].end),
             span(QStringLiteral("fears war")));
    QCOMPARE(m_session->adjudications().forCoder(coder->id).size(), 1);
    QCOMPARE(adj.status({first}).front().decision->acceptedCoderIds, QList<qint64> {m_bob});

    // Accepting a version that says "absent" adds nothing but resolves.
    r = adj.resolve(third, {m_bob});
    QVERIFY(r.added.isEmpty());
    QVERIFY(r.decision.annotationUuids.isEmpty());
    s = adj.status({first, third});
    QVERIFY(s[0].resolved && s[1].resolved);
    QCOMPARE(consensus().size(), 1);
}

void TestAdjudication::handCodingResolves()
{
    annotate(QStringLiteral("alice"), QStringLiteral("Beta hopes"), {QStringLiteral("Hope")});
    const Adjudication adj(*m_session, QStringLiteral("Panel"));
    const Adjudication::Place second = sentence(1, {QStringLiteral("Hope")});
    const Adjudication::Place fear = sentence(1, {QStringLiteral("Fear")});
    QVERIFY(!adj.status({second}).front().resolved);
    // The consensus coder codes the sentence by hand (Edit in the app).
    annotate(QStringLiteral("Panel"), QStringLiteral("hopes for peace"), {QStringLiteral("Hope")});
    const QList<Adjudication::Status> s = adj.status({second, fear});
    QVERIFY(s[0].resolved);
    QVERIFY(!s[0].decision);
    QVERIFY(!s[1].resolved); // another code at the same sentence is still open
    // What the consensus has already is not proposed again.
    QVERIFY(adj.proposal(second, {m_alice}).size() == 1); // a different span
    annotate(QStringLiteral("Panel"), QStringLiteral("Beta hopes"), {QStringLiteral("Hope")});
    QVERIFY(adj.proposal(second, {m_alice}).isEmpty());
}

void TestAdjudication::refusals()
{
    annotate(QStringLiteral("alice"), QStringLiteral("Alpha fears"), {QStringLiteral("Fear")});
    Adjudication adj(*m_session, QStringLiteral("alice"));
    const Adjudication::Place first = sentence(0, {QStringLiteral("Fear")});
    try {
        adj.resolve(first, {m_alice});
        QFAIL("the consensus coder accepted its own version");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QLatin1String("\"alice\" is the consensus coder")),
                 qPrintable(e.message()));
    }
    Adjudication other(*m_session, QStringLiteral("Consensus"));
    QVERIFY_THROWS_EXCEPTION(ProjectError, other.resolve(first, {}));
    // Nothing was kept of either: no coder, no decision, no annotation.
    QVERIFY(!m_session->coders().byName(QStringLiteral("Consensus")));
    QVERIFY(m_session->adjudications().forCoder(m_alice).isEmpty());
    QCOMPARE(m_session->annotations().count(), 1);
}

void TestAdjudication::decisionsSurviveReopeningAndDeletion()
{
    annotate(QStringLiteral("alice"), QStringLiteral("Alpha fears"), {QStringLiteral("Fear")});
    AdjudicationDecision kept;
    {
        Adjudication adj(*m_session, QStringLiteral("Consensus"));
        kept = adj.resolve(sentence(0, {QStringLiteral("Fear")}), {m_alice}).decision;
    }
    const QString path = m_session->path();
    m_session.reset();
    m_session = ProjectSession::open(path);
    const qint64 consensus = m_session->coders().byName(QStringLiteral("Consensus"))->id;
    QList<AdjudicationDecision> all = m_session->adjudications().forCoder(consensus);
    QCOMPARE(all.size(), 1);
    const AdjudicationDecision &d = all.front();
    QCOMPARE(d.id, kept.id);
    QCOMPARE(d.articleId, m_article);
    QCOMPARE(d.start, kept.start);
    QCOMPARE(d.end, kept.end);
    QCOMPARE(d.codeIds, kept.codeIds);
    QCOMPARE(d.acceptedCoderIds, QList<qint64> {m_alice});
    QCOMPARE(d.annotationUuids, kept.annotationUuids);
    QCOMPARE(d.decided, kept.decided);
    QVERIFY(Adjudication(*m_session, QStringLiteral("Consensus"))
                .status({sentence(0, {QStringLiteral("Fear")})})
                .front()
                .resolved);

    // Remove and restore keep the id.
    const AdjudicationDecision removed = m_session->adjudications().remove(d.id);
    QVERIFY(m_session->adjudications().forCoder(consensus).isEmpty());
    m_session->adjudications().restore(removed);
    QCOMPARE(m_session->adjudications().get(d.id)->annotationUuids, kept.annotationUuids);

    // Deleting the article takes its decisions out of sight; undoing the
    // deletion brings them back.
    const ArticleDeletion deletion = m_session->articles().remove({m_article});
    QVERIFY(m_session->adjudications().forCoder(consensus).isEmpty());
    m_session->articles().restore(deletion);
    QCOMPARE(m_session->adjudications().forCoder(consensus).size(), 1);
}

void TestAdjudication::resolvesTheBrowsersDisagreements()
{
    // alice codes Fear in sentences 0-2, bob in 0 and 3.
    for (const QString &phrase :
         {QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")})
        annotate(QStringLiteral("alice"), phrase, {QStringLiteral("Fear")});
    for (const QString &phrase : {QStringLiteral("Alpha"), QStringLiteral("Delta")})
        annotate(QStringLiteral("bob"), phrase, {QStringLiteral("Fear")});
    const ProjectAgreement agreement(*m_session, QStringLiteral("p"));
    const QList<Coder> coders = agreement.coders({QStringLiteral("alice"), QStringLiteral("bob")});
    const ProjectAgreement::Subject fear = agreement.subjects({}, coders).front();
    const QList<ProjectAgreement::Disagreement> list
        = agreement.disagreements(fear, AgreementUnit::Sentence, coders);
    QCOMPARE(list.size(), 3); // sentences 1, 2 and 3
    QList<Adjudication::Place> places;
    for (const ProjectAgreement::Disagreement &d : list)
        places.append(Adjudication::place(d, fear, AgreementUnit::Sentence));
    Adjudication adj(*m_session, Adjudication::defaultConsensusName());
    adj.resolve(places[0], {m_alice}); // Beta: present
    adj.resolve(places[1], {m_bob}); // Gamma: absent
    adj.resolve(places[2], {m_alice, m_bob}); // Delta: bob's span
    const QList<Adjudication::Status> s = adj.status(places);
    QVERIFY(std::all_of(s.begin(), s.end(), [](const auto &x) { return x.resolved; }));
    // The consensus holds what was accepted at each place, nothing else.
    QStringList quotes;
    for (const Annotation &a : consensus())
        quotes.append(a.quote);
    QCOMPARE(quotes, (QStringList {QStringLiteral("Beta"), QStringLiteral("Delta")}));
    // A coder like any other: exported and measured.
    const QByteArray tsv = AnnotationExporter::toTsv(*m_session);
    QCOMPARE(tsv.count("\tConsensus\t"), 2);
    const ProjectAgreement again(*m_session, QStringLiteral("p"));
    AgreementRequest request;
    request.coders = {QStringLiteral("alice"), Adjudication::defaultConsensusName()};
    request.unit = AgreementUnit::Sentence;
    request.measures = {AgreementMeasure::Percent};
    const QList<AgreementRow> rows = again.run(request);
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows.front().result.value);
    // The span continuum's disagreements are listed by sentence.
    QCOMPARE(Adjudication::place(list[0], fear, AgreementUnit::Span).unit, AgreementUnit::Sentence);
}

QTEST_GUILESS_MAIN(TestAdjudication)
#include "tst_adjudication.moc"
