// Main-text extraction: real pages against hand-checked bodies (the same
// 4-shingle F1 as the published benchmark), metadata, structure, and inputs
// that must never crash.
#include "base/Decompressor.h"
#include "extract/ArticleExtractor.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString dataDir = QStringLiteral(FRAMEWISE_TEST_DATA "/extract");

QHash<QString, int> shingles(const QString &text)
{
    static const QRegularExpression word(u"\\w+"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList tokens;
    for (auto it = word.globalMatch(text); it.hasNext();)
        tokens.append(it.next().captured());
    QHash<QString, int> out;
    if (tokens.size() < 4) {
        if (!tokens.isEmpty())
            out[tokens.join(u'\x1f')] += 1;
        return out;
    }
    for (qsizetype i = 0; i + 4 <= tokens.size(); ++i)
        out[tokens.mid(i, 4).join(u'\x1f')] += 1;
    return out;
}

// F1 of the shingle multisets, as in score-extraction.
double shingleF1(const QString &truth, const QString &prediction)
{
    const QHash<QString, int> t = shingles(truth), p = shingles(prediction);
    int tp = 0, fp = 0, fn = 0;
    for (auto it = p.cbegin(); it != p.cend(); ++it) {
        const int common = std::min(it.value(), t.value(it.key()));
        tp += common;
        fp += it.value() - common;
    }
    for (auto it = t.cbegin(); it != t.cend(); ++it)
        fn += it.value() - std::min(it.value(), p.value(it.key()));
    if (fp == 0 && fn == 0)
        return 1.0;
    return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
}

} // namespace

class TestExtract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void benchmarkPages_data();
    void benchmarkPages();
    void metadata();
    void metadataFallbacks();
    void textStructure();
    void boilerplateRemoved();
    void brokenHtml_data();
    void brokenHtml();
    void emptyInput();
    void legacyCharset();
    void jsonLdBodyForScriptPages();
};

void TestExtract::benchmarkPages_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");
    QFile file(dataDir + u"/expected.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject pages = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(pages.size() >= 6);
    for (auto it = pages.constBegin(); it != pages.constEnd(); ++it)
        QTest::newRow(qPrintable(it.key().left(12)))
            << it.key() << it.value().toObject().value("articleBody"_L1).toString();
}

void TestExtract::benchmarkPages()
{
    QFETCH(QString, id);
    QFETCH(QString, expected);
    QString error;
    const QByteArray html = Decompressor::readFile(dataDir + u'/' + id + u".html.gz"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const ExtractedArticle article = ArticleExtractor::extract(html);
    const double f1 = shingleF1(expected, article.body);
    // Every page here scores >= 0.98 today; the margin allows harmless
    // rule changes but catches a lost paragraph or a leaked sidebar.
    QVERIFY2(f1 >= 0.93, qPrintable(u"F1 %1"_s.arg(f1, 0, 'f', 3)));
    QVERIFY(!article.title.isEmpty());
}

void TestExtract::metadata()
{
    const QByteArray html = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Council approves budget | The Daily Example</title>
<meta property="og:title" content="Council approves budget">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:description" content="The council voted 7-2.">
<link rel="canonical" href="/2024/05/council-budget">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example"},
  {"@type": "NewsArticle", "headline": "Council approves 2025 budget",
   "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Max Mustermann"}],
   "datePublished": "2024-05-02T10:00:00Z",
   "publisher": {"@type": "Organization", "name": "Daily Example"}}
]}
</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves budget</h1>
<time datetime="2024-05-03">May 3</time>
<p>The city council approved the 2025 budget on Thursday, after a long debate about schools, roads and parks.</p>
<p>Seven members voted in favour, two against. The mayor said the plan was balanced and fair to every district.</p>
</article></body></html>)";
    const ExtractedArticle a
        = ArticleExtractor::extract(html, QUrl(u"https://news.example.org/front"_s));
    QCOMPARE(a.title, u"Council approves 2025 budget"_s); // JSON-LD first
    QCOMPARE(a.authors, (QStringList {u"Jane Doe"_s, u"Max Mustermann"_s}));
    QCOMPARE(a.published, u"2024-05-02T10:00:00Z"_s);
    QCOMPARE(a.siteName, u"Daily Example"_s);
    QCOMPARE(a.url, u"https://news.example.org/2024/05/council-budget"_s);
    QCOMPARE(a.language, u"en-GB"_s);
    QCOMPARE(a.description, u"The council voted 7-2."_s);
    QVERIFY2(a.body.startsWith(u"The city council approved"_s), qPrintable(a.body));
    QVERIFY(a.body.contains(u"debate about schools, roads and parks.\n\nSeven members"_s));
    QVERIFY(!a.body.contains(u"Home"_s));
}

void TestExtract::metadataFallbacks()
{
    const QByteArray html = R"(<html><head><title>Storm hits the coast - Coastal News</title>
<meta name="author" content="By Sam Lee"></head><body>
<div class="story"><time datetime="2023-11-01T08:00">1 Nov</time>
<p>A storm hit the coast overnight, bringing down trees, power lines and several old sheds.</p></div>
</body></html>)";
    const ExtractedArticle a = ArticleExtractor::extract(html);
    QCOMPARE(a.title, u"Storm hits the coast"_s);
    QCOMPARE(a.authors, QStringList {u"Sam Lee"_s});
    QCOMPARE(a.published, u"2023-11-01T08:00"_s);
    QVERIFY(a.url.isEmpty());
}

void TestExtract::textStructure()
{
    const QByteArray html = R"(<html><body><div id="main-content" class="article-body">
<p>First paragraph has <b>bold</b> and <a href="https://example.com/x">a link</a>, plus commas, many of them, really.</p>
<h2>A subheading</h2>
<p>Second paragraph
   spans lines   and spaces, and it goes on a little, so that it counts as text.</p>
<ul><li>First item</li><li>Second item</li></ul>
<blockquote>A quoted sentence from someone important, which matters.</blockquote>
<p>Last paragraph, closing the article with a final thought, and a comma.</p>
</div></body></html>)";
    const ExtractedArticle a = ArticleExtractor::extract(html);
    const QString expected
        = u"First paragraph has bold and a link, plus commas, many of them, really.\n\n"
          "A subheading\n\n"
          "Second paragraph spans lines and spaces, and it goes on a little, so that it counts as "
          "text.\n\n"
          "First item\nSecond item\n\n"
          "A quoted sentence from someone important, which matters.\n\n"
          "Last paragraph, closing the article with a final thought, and a comma."_s;
    QCOMPARE(a.body, expected);
}

void TestExtract::boilerplateRemoved()
{
    QByteArray html = R"(<html><body>
<header class="site-header"><a href="/">Site</a></header>
<div class="sidebar"><p>Popular now: an unrelated story that is long enough to look like a paragraph, really.</p></div>
<article class="post">)";
    for (int i = 0; i < 5; ++i)
        html += "<p>This is paragraph " + QByteArray::number(i)
            + " of the story, with enough words, commas, and detail to look like real prose.</p>";
    html += R"(<figure><img src="a.jpg"><figcaption>A caption under the photo</figcaption></figure>
<div class="share-tools"><a href="/s">Share on Facebook</a> <a href="/t">Tweet</a></div>
<p>Related articles</p><ul><li><a href="/a">Another story from this site</a></li><li><a href="/b">And one more story here</a></li></ul>
</article>
<div id="comments"><p>Great article, thanks, I agree with everything, absolutely everything.</p></div>
<footer><p>Copyright 2024 Example Media, all rights reserved, every one of them.</p></footer>
</body></html>)";
    const ExtractedArticle a = ArticleExtractor::extract(html);
    QVERIFY(a.body.startsWith(u"This is paragraph 0"_s));
    QVERIFY2(
        a.body.endsWith(
            u"This is paragraph 4 of the story, with enough words, commas, and detail to look like real prose."_s),
        qPrintable(a.body));
    for (const char *junk : {"Popular now", "caption", "Share", "Related", "Another story",
                             "Great article", "Copyright"})
        QVERIFY2(!a.body.contains(QLatin1StringView(junk)), junk);
}

void TestExtract::brokenHtml_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QString>("mustContain");
    const QByteArray prose
        = "The committee met on Monday, and after hours of debate, it agreed on a plan "
          "to repair the old bridge before winter, which pleased everyone.";
    QTest::newRow("unclosed tags") << QByteArray("<html><body><div class=content><p>" + prose
                                                 + "<p>" + prose + "<div><span><b>")
                                   << u"The committee met on Monday"_s;
    QTest::newRow("truncated") << QByteArray(
        "<!doctype html><html><head><title>T</title></head><body><article><p>" + prose + "</p><p>"
        + prose.left(40) + "<a href=\"/x")
                               << u"before winter"_s;
    QTest::newRow("misnested") << QByteArray("<p><b><i>" + prose
                                             + "</b></i></p></div></span></table>")
                               << u"pleased everyone"_s;
    QByteArray junk;
    for (int i = 0; i < 5000; ++i)
        junk += char((i * 7919) % 256);
    QTest::newRow("binary junk") << junk << QString();
    QTest::newRow("junk around text")
        << QByteArray(junk.left(300) + "<p>" + prose + "</p>" + junk.right(300))
        << u"repair the old bridge"_s;
    QTest::newRow("deeply nested inline")
        << QByteArray(QByteArray("<b>").repeated(3000) + "<p>" + prose) << QString();
    QTest::newRow("deeply nested blocks")
        << QByteArray(QByteArray("<div>").repeated(5000) + "<p>" + prose + "</p>") << QString();
    QTest::newRow("nul bytes") << QByteArray("<p>" + prose + QByteArray(20, '\0') + "</p>")
                               << u"The committee"_s;
}

void TestExtract::brokenHtml()
{
    QFETCH(QByteArray, html);
    QFETCH(QString, mustContain);
    const ExtractedArticle a = ArticleExtractor::extract(html);
    if (!mustContain.isEmpty())
        QVERIFY2(a.body.contains(mustContain), qPrintable(a.body));
}

void TestExtract::emptyInput()
{
    for (const QByteArray &input :
         {QByteArray(), QByteArray("   \n"), QByteArray("<html></html>")}) {
        const ExtractedArticle a = ArticleExtractor::extract(input);
        QVERIFY(a.body.isEmpty());
        QVERIFY(a.title.isEmpty());
        QVERIFY(a.authors.isEmpty());
    }
}

void TestExtract::legacyCharset()
{
    const QByteArray html = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 "
                            "society met again, and the discussion, as always, was lively and "
                            "long.</p></body></html>";
    QVERIFY(ArticleExtractor::extract(html).body.startsWith(u"Café society"_s));
    // Invalid UTF-8 without a declaration: replaced, the rest intact.
    const QByteArray broken
        = "<p>Na\xffve text with a broken byte, and still, the sentence goes on and on.</p>";
    QVERIFY(ArticleExtractor::extract(broken).body.contains(u"ve text with a broken byte"_s));
}

void TestExtract::jsonLdBodyForScriptPages()
{
    QString body;
    for (int i = 0; i < 6; ++i)
        body += u"Sentence number %1 of the story that the page renders with script. "_s.arg(i);
    const QByteArray html
        = (uR"(<html><head><title>A scripted story</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"A scripted story","articleBody":")"_s
           + body + uR"("}</script></head><body><div id="app">Loading…</div></body></html>)"_s)
              .toUtf8();
    QCOMPARE(ArticleExtractor::extract(html).body, body.trimmed());
}

QTEST_GUILESS_MAIN(TestExtract)
#include "tst_extract.moc"
