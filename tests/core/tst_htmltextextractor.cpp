#include "TestData.h"
#include "html/HtmlTextExtractor.h"
#include "text/TextDecoder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The shape every extracted text must have, whatever the input.
void verifyWellFormed(const QString &text)
{
    QVERIFY2(!text.contains(u"\n\n"_s), qPrintable(text));
    QVERIFY(!text.contains(u'\r'));
    QVERIFY(!text.contains(QChar(0xA0)));
    QCOMPARE(text, text.trimmed());
}

} // namespace

class TestHtmlTextExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extract_data();
    void extract();
    void titleAndLanguage_data();
    void titleAndLanguage();
    void declaredCharsetFromMeta();
    void sniffCharset_data();
    void sniffCharset();
    void looksLikeHtml_data();
    void looksLikeHtml();
    void articleFixture();
    void brokenFixture();
    void cp1252Fixture();
    void truncatedAnywhere();
    void neverCrashes();
};

void TestHtmlTextExtractor::extract_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("whitespace") << u"  \n\t "_s << QString();
    QTest::newRow("plain text") << u"just text"_s << u"just text"_s;
    QTest::newRow("paragraphs") << u"<p>One</p><p>Two</p>"_s << u"One\nTwo"_s;
    QTest::newRow("whitespace collapsed")
        << u"<p>  Many \n\t  spaces\r\n here  </p>"_s << u"Many spaces here"_s;
    QTest::newRow("inline tags add no space")
        << u"<p>Hel<b>lo</b> <i>wor</i>ld</p>"_s << u"Hello world"_s;
    QTest::newRow("space across inline tags") << u"<p>a <b> b </b> c</p>"_s << u"a b c"_s;
    QTest::newRow("nested blocks")
        << u"<div><div><p>Deep</p><div>er</div></div>tail</div>"_s << u"Deep\ner\ntail"_s;
    QTest::newRow("br splits lines")
        << u"<p>one<br>two<br/>three<BR >four</p>"_s << u"one\ntwo\nthree\nfour"_s;
    QTest::newRow("double br makes no blank line") << u"a<br><br><br>b"_s << u"a\nb"_s;
    QTest::newRow("end br like browsers") << u"a</br>b"_s << u"a\nb"_s;
    QTest::newRow("headings and lists")
        << u"<h1>Title</h1><ul><li>One</li><li>Two<ol><li>Inner</li></ol></li></ul>"_s
        << u"Title\nOne\nTwo\nInner"_s;
    QTest::newRow("unclosed li and p") << u"<ul><li>a<li>b</ul><p>c<p>d"_s << u"a\nb\nc\nd"_s;
    QTest::newRow("table rows and cells")
        << u"<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"_s
        << u"A B\n1 2"_s;
    QTest::newRow("hr and blockquote") << u"x<hr>y<blockquote>z</blockquote>"_s << u"x\ny\nz"_s;
    QTest::newRow("figure and caption")
        << u"<figure><img src=a.jpg alt=photo><figcaption>Cap</figcaption></figure>after"_s
        << u"Cap\nafter"_s;

    QTest::newRow("named entities")
        << u"&amp; &lt; &gt; &quot; &apos; &mdash; &ndash; &hellip; &copy; &reg; &trade; &eacute;"_s
        << u"& < > \" ' — – … © ® ™ é"_s;
    QTest::newRow("quote entities")
        << u"&lsquo;a&rsquo; &ldquo;b&rdquo; &laquo;c&raquo; &bdquo;d&ldquo;"_s
        << u"‘a’ “b” «c» „d“"_s;
    QTest::newRow("numeric entities")
        << u"&#8220;x&#x201D; &#X201c;y&#039; &#65;"_s << u"“x” “y' A"_s;
    QTest::newRow("astral numeric entity")
        << u"&#128330; &#x1F54A;"_s << u"\U0001F54A \U0001F54A"_s;
    QTest::newRow("windows-1252 numeric range") << u"&#150; &#147;q&#148; &#128;"_s << u"– “q” €"_s;
    QTest::newRow("invalid numeric entities")
        << u"&#0; &#xD800; &#99999999999; &#x110000;"_s << u"\uFFFD \uFFFD \uFFFD \uFFFD"_s;
    QTest::newRow("entities without semicolon")
        << u"&amp &copy 2024 &eacute &mdash x"_s << u"& © 2024 é &mdash x"_s;
    QTest::newRow("unknown or bare ampersands")
        << u"AT&T &unknown; & &# &#x; R&D"_s << u"AT&T &unknown; & &# &#x; R&D"_s;
    // HTML5 names are case-sensitive, and &AMP; is one of them.
    QTest::newRow("case-sensitive names") << u"&Eacute; &eacute; &AMP; &Amp;"_s << u"É é & &Amp;"_s;
    QTest::newRow("nbsp is a normal space")
        << u"<p>&nbsp;a&nbsp;&nbsp;b\u00A0c&#160;</p>"_s << u"a b c"_s;
    QTest::newRow("entity cannot make markup") << u"&lt;p&gt;text&lt;/p&gt;"_s << u"<p>text</p>"_s;
    QTest::newRow("unicode text survives") << u"<p>和平会谈 \U0001F54A محادثات السلام</p>"_s
                                           << u"和平会谈 \U0001F54A محادثات السلام"_s;

    QTest::newRow("script and style skipped")
        << u"<p>a</p><script>document.write('<p>no</p>')</script><style>p{}</style><p>b</p>"_s
        << u"a\nb"_s;
    QTest::newRow("script end tag inside a string")
        << u"<script>var s = '<div>x</div>'; if (a<b) {}</script>visible"_s << u"visible"_s;
    QTest::newRow("script end tag in any case") << u"<SCRIPT>x</ScRiPt >y"_s << u"y"_s;
    QTest::newRow("noscript template textarea skipped")
        << u"a<noscript>ns</noscript><template><p>t</p><template>u</template></template>"
           u"<textarea>ta</textarea>b"_s
        << u"ab"_s;
    QTest::newRow("svg and its title skipped")
        << u"<p>a<svg><title>icon</title><text>t</text></svg>b</p>"_s << u"ab"_s;
    QTest::newRow("hidden element skipped")
        << u"<div hidden><div>in</div>still</div><p>shown</p>"_s << u"shown"_s;
    QTest::newRow("hidden p closed by the next p") << u"<p hidden>gone<p>kept</p>"_s << u"kept"_s;
    QTest::newRow("comments skipped") << u"a<!-- <p>c</p> -->b<!---->c<!-->d"_s << u"abcd"_s;
    QTest::newRow("cdata skipped") << u"a<![CDATA[ x<y ]]>b"_s << u"ab"_s;
    QTest::newRow("doctype and processing instruction")
        << u"<?xml version=\"1.0\"?><!DOCTYPE html><p>t</p>"_s << u"t"_s;
    QTest::newRow("head metadata skipped")
        << u"<html><head><meta charset=utf-8><link rel=x><title>T</title></head>"
           u"<body>Body</body></html>"_s
        << u"Body"_s;

    QTest::newRow("pre keeps lines")
        << u"<p>before</p><pre>\n  line 1\n\n    line 2  \r\n</pre><p>after</p>"_s
        << u"before\n  line 1\n    line 2\nafter"_s;
    QTest::newRow("pre with inline markup") << u"<pre><b>x</b>  y\nz</pre>"_s << u"x  y\nz"_s;
    QTest::newRow("xmp is literal") << u"<xmp><p>code</p></xmp>"_s << u"<p>code</p>"_s;

    QTest::newRow("stray less-than")
        << u"<p>3 < 4, 5<6 and <> or <=</p>"_s << u"3 < 4, 5<6 and <> or <="_s;
    QTest::newRow("greater-than in quoted attributes")
        << u"<div title=\"a>b\" data-x='c>d'>text</div>"_s << u"text"_s;
    QTest::newRow("unquoted attribute and self-closing")
        << u"<p class=lead id=x/>text<img src=x.png/>more"_s << u"textmore"_s;
    QTest::newRow("uppercase tags") << u"<P>One<DIV>Two</DIV></P>"_s << u"One\nTwo"_s;
    QTest::newRow("end tag junk") << u"a</ p>b</>c"_s << u"abc"_s;
    QTest::newRow("truncated in a tag") << u"<p>text</p><p cla"_s << u"text"_s;
    QTest::newRow("truncated in a quoted attribute") << u"<p>text<a href=\"x"_s << u"text"_s;
    QTest::newRow("truncated in a comment") << u"<p>text<!-- never ends"_s << u"text"_s;
    QTest::newRow("truncated in a script") << u"<p>text<script>var a = 1;"_s << u"text"_s;
    QTest::newRow("truncated after less-than") << u"text<"_s << u"text<"_s;
    QTest::newRow("truncated end tag opener") << u"text</"_s << u"text</"_s;
    QTest::newRow("truncated entity") << u"text &mda"_s << u"text &mda"_s;
    QTest::newRow("truncated numeric entity") << u"text &#82"_s << u"text R"_s;
    QTest::newRow("bom at start") << u"\uFEFF<p>t</p>"_s << u"t"_s;
}

void TestHtmlTextExtractor::extract()
{
    QFETCH(QString, html);
    QFETCH(QString, text);

    const HtmlText result = HtmlTextExtractor::extract(html);
    QCOMPARE(result.text, text);
    verifyWellFormed(result.text);
}

void TestHtmlTextExtractor::titleAndLanguage_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("language");

    QTest::newRow("none") << u"<p>x</p>"_s << QString() << QString();
    QTest::newRow("title and lang")
        << u"<html lang=\"de-AT\"><head><title>Hallo</title></head></html>"_s << u"Hallo"_s
        << u"de-AT"_s;
    QTest::newRow("title entities and whitespace")
        << u"<title>\n  Talks &ndash;  &#8220;hope&#8221;&nbsp;</title>"_s << u"Talks – “hope”"_s
        << QString();
    QTest::newRow("markup inside title is text")
        << u"<title>a <b>b</b></title>"_s << u"a <b>b</b>"_s << QString();
    QTest::newRow("first title wins")
        << u"<title>One</title><title>Two</title>"_s << u"One"_s << QString();
    QTest::newRow("svg title is not the title")
        << u"<body><svg><title>icon</title></svg></body>"_s << QString() << QString();
    QTest::newRow("unclosed title") << u"<title>Cut off"_s << u"Cut off"_s << QString();
    QTest::newRow("xml:lang fallback")
        << u"<html xml:lang=\"fr\">x</html>"_s << QString() << u"fr"_s;
    QTest::newRow("uppercase LANG") << u"<HTML LANG=ko>x</HTML>"_s << QString() << u"ko"_s;
}

void TestHtmlTextExtractor::titleAndLanguage()
{
    QFETCH(QString, html);
    QFETCH(QString, title);
    QFETCH(QString, language);

    const HtmlText result = HtmlTextExtractor::extract(html);
    QCOMPARE(result.title, title);
    QCOMPARE(result.language, language);
    QVERIFY(!result.text.contains(title) || title.isEmpty());
}

void TestHtmlTextExtractor::declaredCharsetFromMeta()
{
    QCOMPARE(HtmlTextExtractor::extract(u"<meta charset=\"ISO-8859-1\"><p>x"_s).declaredCharset,
             QByteArray("ISO-8859-1"));
    QCOMPARE(HtmlTextExtractor::extract(
                 u"<meta http-equiv=content-type content='text/html; charset=koi8-r'>"_s)
                 .declaredCharset,
             QByteArray("koi8-r"));
    QVERIFY(HtmlTextExtractor::extract(u"<p>x</p>"_s).declaredCharset.isEmpty());
}

void TestHtmlTextExtractor::sniffCharset_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QByteArray>("charset");

    QTest::newRow("none") << QByteArray("<html><p>x</p></html>") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("meta charset quoted")
        << QByteArray("<meta charset=\"utf-8\">") << QByteArray("utf-8");
    QTest::newRow("meta charset single quotes")
        << QByteArray("<META CHARSET='Windows-1252'/>") << QByteArray("Windows-1252");
    QTest::newRow("meta charset unquoted")
        << QByteArray("<meta charset=iso-8859-1>") << QByteArray("iso-8859-1");
    QTest::newRow("http-equiv") << QByteArray(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">")
                                << QByteArray("koi8-r");
    QTest::newRow("http-equiv content first")
        << QByteArray("<meta content='text/html;charset = \"gb2312\"' HTTP-EQUIV='content-type'>")
        << QByteArray("gb2312");
    QTest::newRow("other meta ignored")
        << QByteArray("<meta name=description content=\"charset=fake\"><meta charset=utf-8>")
        << QByteArray("utf-8");
    QTest::newRow("meta in comment ignored")
        << QByteArray("<!-- <meta charset=koi8-r> --><meta charset=utf-8>") << QByteArray("utf-8");
    QTest::newRow("meta in attribute value ignored")
        << QByteArray("<a title=\"<meta charset=koi8-r>\">x</a>") << QByteArray();
    QTest::newRow("after 4 KB ignored")
        << QByteArray(5000, ' ') + QByteArray("<meta charset=utf-8>") << QByteArray();
    QTest::newRow("cut off at 4 KB ignored")
        << QByteArray(4070, ' ') + QByteArray("<meta charset=\"iso-8859-15\">") << QByteArray();
    QTest::newRow("utf-16 claim means utf-8")
        << QByteArray("<meta charset=utf-16le>") << QByteArray("UTF-8");
    QTest::newRow("xml declaration")
        << QByteArray("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>")
        << QByteArray("ISO-8859-2");
    QTest::newRow("bytes above ascii around")
        << QByteArray("<title>\xE9t\xE9</title><meta charset=windows-1252>")
        << QByteArray("windows-1252");
}

void TestHtmlTextExtractor::sniffCharset()
{
    QFETCH(QByteArray, html);
    QFETCH(QByteArray, charset);
    QCOMPARE(HtmlTextExtractor::sniffCharset(html), charset);
}

void TestHtmlTextExtractor::looksLikeHtml_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("html");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("plain text") << u"Seoul, March 1 - Talks resumed.\nMore text."_s << false;
    QTest::newRow("doctype") << u"<!DOCTYPE html>\n<title>x</title>"_s << true;
    QTest::newRow("doctype lower, spaced") << u"  <!doctype   html>"_s << true;
    QTest::newRow("html tag") << u"<html lang=en>"_s << true;
    QTest::newRow("head tag") << u"<HEAD><title>x</title>"_s << true;
    QTest::newRow("body tag") << u"<body>"_s << true;
    QTest::newRow("bom, comments, xml declaration first")
        << u"\uFEFF<?xml version=\"1.0\"?>\n<!-- saved -->\n<!-- x --><html>"_s << true;
    QTest::newRow("fragment with paragraphs") << u"Intro\n<p>One</p>\n<p>Two</p>"_s << true;
    QTest::newRow("div fragment") << u"<div class=\"story\">Text<br>more</div>"_s << true;
    QTest::newRow("one tag mentioned in prose")
        << u"Use the <div> element for layout, they said."_s << false;
    QTest::newRow("htmlx is not html") << u"<htmlx>"_s << false;
    QTest::newRow("markdown") << u"# Title\n\nSome *text* with <3 love."_s << false;
    QTest::newRow("inline tags only") << u"<b>bold</b> and <i>it</i>"_s << false;
    QTest::newRow("tags late in the file") << QString(5000, u'x') + u"<p>a</p><p>b</p>"_s << false;
}

void TestHtmlTextExtractor::looksLikeHtml()
{
    QFETCH(QString, text);
    QFETCH(bool, html);
    QCOMPARE(HtmlTextExtractor::looksLikeHtml(text), html);
}

void TestHtmlTextExtractor::articleFixture()
{
    const QByteArray bytes = TestData::read(u"import/article.html"_s);
    QCOMPARE(HtmlTextExtractor::sniffCharset(bytes), QByteArray("utf-8"));
    const DecodedText decoded = TextDecoder::decode(bytes, HtmlTextExtractor::sniffCharset(bytes));
    QVERIFY(decoded.ok);
    QVERIFY(HtmlTextExtractor::looksLikeHtml(decoded.text));

    const HtmlText result = HtmlTextExtractor::extract(decoded.text);
    QCOMPARE(result.title, u"Talks resume – “cautious hope”"_s);
    QCOMPARE(result.language, u"en-GB"_s);
    QCOMPARE(result.declaredCharset, QByteArray("utf-8"));
    const QString expected
        = u"Home | World\n"
          u"Talks resume in Geneva\n"
          u"Negotiators met on Friday, officials said — the first meeting in "
          u"two years.\n"
          u"“We are cautiously hopeful,” said Ana Lopez, café owner & mediator.\n"
          u"Nothing is agreed until everything is agreed.\n"
          u"Ceasefire\n"
          u"Prisoner exchange\n"
          u"Party Seats\n"
          u"North 12\n"
          u"Delegates arrive.\n"
          u"First line\n"
          u"Second line\n"
          u"  indented code\n"
          u"    more\n"
          u"© 2024 Example News"_s;
    QCOMPARE(result.text, expected);
    verifyWellFormed(result.text);
}

void TestHtmlTextExtractor::brokenFixture()
{
    const DecodedText decoded = TextDecoder::decode(TestData::read(u"import/broken.html"_s));
    QVERIFY(decoded.ok);
    const HtmlText result = HtmlTextExtractor::extract(decoded.text);
    QCOMPARE(result.title, u"Broken <b>page"_s);
    // The unterminated href swallows the rest, as in a browser.
    const QString expected = u"Quoted > attributes\n"
                             u"Unclosed paragraph one\n"
                             u"Unclosed italic and paragraph two\n"
                             u"Math: 3 < 4 and abold end\n"
                             u"Deeply nested\n"
                             u"AT&T &unknown; &#xZZ; \uFFFD – done\n"
                             u"Last paragraph"_s;
    QCOMPARE(result.text, expected);
    verifyWellFormed(result.text);
}

void TestHtmlTextExtractor::cp1252Fixture()
{
    const QByteArray bytes = TestData::read(u"import/article-cp1252.html"_s);
    const QByteArray charset = HtmlTextExtractor::sniffCharset(bytes);
    QCOMPARE(charset, QByteArray("windows-1252"));
    const DecodedText decoded = TextDecoder::decode(bytes, charset);
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.encoding, u"windows-1252"_s);
    const HtmlText result = HtmlTextExtractor::extract(decoded.text);
    QCOMPARE(result.title, u"Café"_s);
    QCOMPARE(result.text, u"“Quoted” – naïve"_s);
}

// Cutting a page anywhere (a broken download) still gives well-formed text
// that is a prefix-ish part of the whole: never a crash, never blank lines.
void TestHtmlTextExtractor::truncatedAnywhere()
{
    const QString html = QString::fromUtf8(TestData::read(u"import/article.html"_s));
    for (qsizetype cut = 0; cut <= html.size(); ++cut) {
        const HtmlText result = HtmlTextExtractor::extract(html.first(cut));
        verifyWellFormed(result.text);
        if (QTest::currentTestFailed()) {
            qWarning() << "cut at" << cut;
            return;
        }
        QVERIFY(!result.text.contains(u"not visible"_s));
        QVERIFY(!result.text.contains(u"color: red"_s));
    }
}

// Random markup soup: no crash, and the output shape holds.
void TestHtmlTextExtractor::neverCrashes()
{
    static const QStringList pieces = {u"<"_s,
                                       u">"_s,
                                       u"</"_s,
                                       u"/>"_s,
                                       u"\""_s,
                                       u"'"_s,
                                       u"="_s,
                                       u"&"_s,
                                       u"&#"_s,
                                       u"&#x"_s,
                                       u";"_s,
                                       u"amp"_s,
                                       u"nbsp"_s,
                                       u"<p>"_s,
                                       u"</p>"_s,
                                       u"<pre>"_s,
                                       u"</pre>"_s,
                                       u"<br>"_s,
                                       u"<script>"_s,
                                       u"</script>"_s,
                                       u"<!--"_s,
                                       u"-->"_s,
                                       u"<![CDATA["_s,
                                       u"]]>"_s,
                                       u"<title>"_s,
                                       u"<svg>"_s,
                                       u"<div hidden>"_s,
                                       u"</div>"_s,
                                       u"text"_s,
                                       u" "_s,
                                       u"\n"_s,
                                       u"\r"_s,
                                       u"\u00A0"_s,
                                       u"\U0001F54A"_s,
                                       u"<td>"_s,
                                       u"<plaintext>"_s,
                                       u"<xmp>"_s,
                                       u"a=b"_s,
                                       u"123"_s,
                                       QString(QChar(0xD800))};
    QRandomGenerator rng(99);
    for (int round = 0; round < 3000; ++round) {
        QString html;
        const int count = int(rng.bounded(40));
        for (int i = 0; i < count; ++i)
            html += pieces.at(int(rng.bounded(pieces.size())));
        const HtmlText result = HtmlTextExtractor::extract(html);
        verifyWellFormed(result.text);
        if (QTest::currentTestFailed()) {
            qWarning() << "input" << html;
            return;
        }
        (void)HtmlTextExtractor::looksLikeHtml(html);
        (void)HtmlTextExtractor::sniffCharset(html.toUtf8());
    }
}

QTEST_GUILESS_MAIN(TestHtmlTextExtractor)
#include "tst_htmltextextractor.moc"
