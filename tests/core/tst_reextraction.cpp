// Extracting an article again from its stored page: the new text replaces
// the old only when every annotation finds its exact quote again.
#include "TestProject.h"
#include "base/ProjectError.h"
#include "import/ReExtraction.h"
#include "import/WebArticleReader.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {
const QByteArray kPage = R"(<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Kim links Ukraine war to Korea</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Kim links Ukraine war to Korea</h1>
<p>Kim Jong Un said the war in Ukraine concerns Korean security 🇰🇷 directly.</p>
<p>He praised Moscow. Analysts said Moscow welcomed the speech at once.</p>
<p>Seoul called the remarks a threat to peace on the peninsula.</p>
</article>
<footer>Subscribe to our newsletter for more news</footer></body></html>)";
} // namespace

class TestReExtraction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void placesEveryAnnotationAndRewrites();
    void refusesWhenAnAnnotationLosesItsPlace();
    void contextTellsRepeatedQuotesApart();
    void articleWithoutPageIsRefused();

private:
    qint64 annotate(const QString &quote, int occurrence = 0);

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
    QString m_newText; // what extraction gives today
    QString m_oldText; // what an older extraction stored
    qint64 m_article = 0;
    qint64 m_code = 0;
};

void TestReExtraction::init()
{
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("r.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
    const auto read = WebArticleReader::fromHtml(kPage, QUrl(QStringLiteral("https://news.example/kim")),
                                                 QStringLiteral("kim.html"));
    QVERIFY(std::holds_alternative<WebArticle>(read));
    WebArticle web = std::get<WebArticle>(read);
    m_newText = web.article.text;
    QVERIFY(m_newText.contains(QStringLiteral("praised Moscow")));
    QVERIFY(!m_newText.contains(QStringLiteral("Subscribe")));
    // An older, worse extraction kept the navigation and the footer.
    m_oldText = QStringLiteral("Home | World\n") + m_newText
        + QStringLiteral("\nSubscribe to our newsletter for more news");
    web.article.text = m_oldText;
    web.article.contentHash.clear();
    m_article = m_session->articles().addMany({web.article}, {web.source}).constFirst().id;
    m_code = m_session->codebook().ensureCode(QStringLiteral("Loaded language")).id;
}

void TestReExtraction::cleanup()
{
    m_session.reset();
    m_project.reset();
}

qint64 TestReExtraction::annotate(const QString &quote, int occurrence)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = m_oldText.indexOf(quote, at + 1);
    const TextOffsets offsets(m_oldText);
    NewAnnotation n;
    n.articleId = m_article;
    n.start = offsets.toCodePoint(at);
    n.end = offsets.toCodePoint(at + quote.size());
    n.codeIds = {m_code};
    return m_session->annotations().add(n).id;
}

void TestReExtraction::placesEveryAnnotationAndRewrites()
{
    const qint64 kim = annotate(QStringLiteral("Kim Jong Un"));
    const qint64 flag = annotate(QStringLiteral("🇰🇷 directly"));
    const qint64 seoul = annotate(QStringLiteral("a threat to peace"));
    NewAnnotation whole;
    whole.articleId = m_article;
    whole.document = true;
    whole.codeIds = {m_code};
    const qint64 document = m_session->annotations().add(whole).id;
    const QString uuid = m_session->annotations().get(kim)->uuid;
    const qint64 startBefore = m_session->annotations().get(kim)->start;

    const ReExtraction::Plan plan = ReExtraction::plan(*m_session, m_article);
    QVERIFY(plan.textChanged);
    QVERIFY(plan.unplaced.isEmpty());
    QCOMPARE(plan.placed, 4);
    QVERIFY(plan.canApply());
    m_session->articles().rewriteText(plan.rewrite);

    QCOMPARE(m_session->articles().get(m_article)->text, m_newText);
    const TextOffsets offsets(m_newText);
    for (const auto &[id, quote] : {std::pair{kim, QStringLiteral("Kim Jong Un")},
                                    std::pair{flag, QStringLiteral("🇰🇷 directly")},
                                    std::pair{seoul, QStringLiteral("a threat to peace")}}) {
        const Annotation a = *m_session->annotations().get(id);
        QCOMPARE(a.quote, quote);
        QCOMPARE(a.start, offsets.toCodePoint(m_newText.indexOf(quote)));
        QCOMPARE(a.end - a.start, qint64(quote.toUcs4().size()));
    }
    QCOMPARE(m_session->annotations().get(kim)->uuid, uuid); // the same annotation, moved
    QCOMPARE(m_session->annotations().get(document)->end, qint64(m_newText.toUcs4().size()));
    // Undo is the same operation backwards.
    m_session->articles().rewriteText(plan.rewrite.reversed());
    QCOMPARE(m_session->articles().get(m_article)->text, m_oldText);
    QCOMPARE(m_session->annotations().get(kim)->start, startBefore);
}

void TestReExtraction::refusesWhenAnAnnotationLosesItsPlace()
{
    annotate(QStringLiteral("Kim Jong Un"));
    const qint64 footer = annotate(QStringLiteral("Subscribe to our newsletter"));
    const ReExtraction::Plan plan = ReExtraction::plan(*m_session, m_article);
    QVERIFY(plan.textChanged);
    QVERIFY(!plan.canApply());
    QCOMPARE(plan.unplaced.size(), 1);
    QCOMPARE(plan.unplaced.constFirst().id, footer);
    // The store refuses a rewrite that leaves an annotation behind.
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->articles().rewriteText(plan.rewrite));
    QCOMPARE(m_session->articles().get(m_article)->text, m_oldText);
}

void TestReExtraction::contextTellsRepeatedQuotesApart()
{
    const qint64 second = annotate(QStringLiteral("Moscow"), 1); // "said Moscow welcomed"
    const ReExtraction::Plan plan = ReExtraction::plan(*m_session, m_article);
    QVERIFY(plan.canApply());
    const qsizetype expected = m_newText.indexOf(QStringLiteral("Moscow"), m_newText.indexOf(QStringLiteral("Moscow")) + 1);
    QCOMPARE(plan.rewrite.spans.value(second).first, TextOffsets(m_newText).toCodePoint(expected));

    // Without any context two equal quotes cannot be told apart.
    Annotation bare;
    bare.quote = QStringLiteral("Moscow");
    QVERIFY(!ReExtraction::anchor(m_newText, TextOffsets(m_newText), bare));
    bare.prefix = QStringLiteral("He praised ");
    QCOMPARE(ReExtraction::anchor(m_newText, TextOffsets(m_newText), bare)->first,
             TextOffsets(m_newText).toCodePoint(m_newText.indexOf(QStringLiteral("Moscow"))));
    bare.quote = QStringLiteral("Pyongyang");
    QVERIFY(!ReExtraction::anchor(m_newText, TextOffsets(m_newText), bare));
}

void TestReExtraction::articleWithoutPageIsRefused()
{
    Article plain;
    plain.title = QStringLiteral("Typed by hand");
    plain.text = QStringLiteral("No page behind this one.");
    const qint64 id = m_session->articles().add(plain).id;
    try {
        ReExtraction::plan(*m_session, id);
        QFAIL("planned without a page");
    } catch (const ProjectError &e) {
        QVERIFY(e.message().contains(QStringLiteral("Typed by hand")));
        QVERIFY(e.message().contains(QStringLiteral("no stored page")));
    }
}

QTEST_GUILESS_MAIN(TestReExtraction)
#include "tst_reextraction.moc"
