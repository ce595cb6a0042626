#include "ArticleExtractor.h"

#include "ContentScorer.h"
#include "ElementHints.h"
#include "html/HtmlDocument.h"
#include "MetadataReader.h"
#include "TextSerializer.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

QString tidy(QString text)
{
    static const QRegularExpression manyBreaks(u"\n{3,}"_s);
    text.replace(manyBreaks, u"\n\n"_s);
    return text.trimmed();
}

// Calls to action at the edges of an article (newsletter sign-ups, "follow
// us on ...", "share this story") and news-agency staff credits at its end
// ("Reporting by ...; Editing by ...") belong to the page, not to the text.
QString dropPromoEdges(const QString &text)
{
    static const QRegularExpression promo(
        u"\\b(sign(ing)? up|subscribe|newsletter|follow (us|\\w+) on|click here|download (the|our)|"
        "share (this|it)|like this (story|article)|all rights reserved|copyright)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    QStringList paragraphs = text.split(u"\n\n"_s);
    static const QRegularExpression credits(
        u"^\\W*(additional )?(reporting|writing|editing|compiled) by\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    auto isPromo = [](const QString &p) {
        return p.size() < 300 && (promo.match(p).hasMatch() || credits.match(p).hasMatch());
    };
    for (int i = 0; i < 3 && paragraphs.size() > 1 && isPromo(paragraphs.last()); ++i)
        paragraphs.removeLast();
    for (int i = 0; i < 2 && paragraphs.size() > 1 && isPromo(paragraphs.first()); ++i)
        paragraphs.removeFirst();
    return paragraphs.join(u"\n\n"_s);
}

QString bodyFromDom(const HtmlDocument &doc, const QString &pageUrl)
{
    const QString domain = ElementHints::siteDomain(QUrl(pageUrl).host());
    // Like readability: if strict rules leave too little text, relax them
    // one at a time.
    const ContentScorer::Options attempts[] = {{true, true, true, domain},
                                               {false, true, true, domain},
                                               {false, false, true, domain},
                                               {false, false, false, domain}};
    QString best;
    for (const ContentScorer::Options &options : attempts) {
        ContentScorer scorer(doc.body(), options);
        const QString text
            = dropPromoEdges(tidy(TextSerializer(scorer.removed()).serialize(scorer.content())));
        // A relaxed pass must find clearly more, not just the junk the
        // stricter pass rightly dropped from a short article.
        if (best.isEmpty() || text.size() > best.size() * 3 / 2 + 100)
            best = text;
        if (best.size() >= 500)
            break;
    }
    return best;
}

QSet<QString> words(const QString &text)
{
    static const QRegularExpression word(u"\\w+"_s, QRegularExpression::UseUnicodePropertiesOption);
    QSet<QString> out;
    for (auto it = word.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured().toLower());
    return out;
}

// A JSON-LD articleBody is publisher-supplied but often truncated, stale or
// stuffed with extras, so it only replaces a DOM result that is much
// shorter (script-rendered pages), and only if it is about this page: its
// headline is the page title, or most of its words are on the page.
QString jsonLdFallback(const HtmlDocument &doc, const QString &domBody, QString jsonBody,
                       bool describesPage)
{
    if (jsonBody.size() < 200 || jsonBody.size() < 2 * domBody.size())
        return {};
    if (jsonBody.contains(u'<') && jsonBody.contains(u'>')) {
        const HtmlDocument fragment(jsonBody.toUtf8());
        const QSet<const GumboNode *> none;
        jsonBody = TextSerializer(none).serialize({fragment.body()});
    }
    if (describesPage)
        return tidy(jsonBody);
    const QSet<QString> bodyWords = words(jsonBody);
    const QSet<QString> pageWords = words(HtmlDocument::text(doc.root()));
    if (bodyWords.isEmpty())
        return {};
    qsizetype found = 0;
    for (const QString &w : bodyWords)
        found += pageWords.contains(w);
    return double(found) / bodyWords.size() >= 0.8 ? tidy(jsonBody) : QString();
}

} // namespace

ExtractedArticle ArticleExtractor::extract(const QByteArray &html, const QUrl &baseUrl)
{
    if (html.trimmed().isEmpty())
        return {};
    const HtmlDocument doc(html);
    const MetadataReader reader(doc, baseUrl);
    ExtractedArticle article = reader.metadata();
    article.body = bodyFromDom(doc, article.url);
    const QString fallback = jsonLdFallback(doc, article.body, reader.jsonLdArticleBody(),
                                            reader.jsonLdDescribesPage());
    if (!fallback.isEmpty())
        article.body = fallback;
    return article;
}
