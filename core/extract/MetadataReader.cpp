#include "MetadataReader.h"

#include "html/HtmlDocument.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

bool isArticleType(const QJsonValue &type)
{
    if (type.isArray()) {
        for (const QJsonValue &t : type.toArray())
            if (isArticleType(t))
                return true;
        return false;
    }
    const QString t = type.toString();
    // Article, NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting,
    // SocialMediaPosting, Report, ... all describe one piece of writing.
    return t.contains("Article"_L1) || t.endsWith("Posting"_L1) || t == "Report"_L1;
}

bool isType(const QJsonValue &type, QLatin1StringView name)
{
    if (type.isArray()) {
        for (const QJsonValue &t : type.toArray())
            if (t.toString() == name)
                return true;
        return false;
    }
    return type.toString() == name;
}

QString clean(const QString &s)
{
    return HtmlDocument::collapseWhitespace(s);
}

// A JSON-LD value that may be a string, an object with a name, or an array.
void names(const QJsonValue &value, QStringList &out, int depth = 0)
{
    if (depth > 3)
        return;
    if (value.isString()) {
        // "Jane Doe | May 3, 2024": some templates append the date.
        const QString n = clean(value.toString().section(u" | "_s, 0, 0));
        if (!n.isEmpty() && !n.startsWith("http"_L1) && !out.contains(n))
            out.append(n);
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            names(v, out, depth + 1);
    } else if (value.isObject()) {
        names(value.toObject().value("name"_L1), out, depth + 1);
    }
}

QString stringOrNested(const QJsonValue &value, QLatin1StringView key)
{
    if (value.isString())
        return clean(value.toString());
    if (value.isArray() && !value.toArray().isEmpty())
        return stringOrNested(value.toArray().first(), key);
    if (value.isObject())
        return clean(value.toObject().value(key).toString());
    return {};
}

QJsonDocument parseJsonLd(QString text)
{
    text = text.trimmed();
    // Some pages wrap the JSON in an HTML comment or CDATA section.
    static const QRegularExpression wrapper(u"^(<!--|<!\\[CDATA\\[)|(-->|\\]\\]>)$"_s);
    text.remove(wrapper);
    if (text.endsWith(u';'))
        text.chop(1);
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError)
        return doc;
    // Raw newlines and tabs inside strings are invalid JSON but common;
    // outside strings they are whitespace, so replacing them is safe.
    for (QChar &c : text)
        if (c.unicode() < 0x20)
            c = u' ';
    return QJsonDocument::fromJson(text.toUtf8());
}

} // namespace

MetadataReader::MetadataReader(const HtmlDocument &document, const QUrl &baseUrl)
    : m_baseUrl(baseUrl)
{
    readJsonLd(document);
    readMeta(document);
    readFallbacks(document);
}

QString MetadataReader::resolve(const QString &url) const
{
    const QString u = url.trimmed();
    if (u.isEmpty() || !m_baseUrl.isValid())
        return u;
    return m_baseUrl.resolved(QUrl(u)).toString();
}

void MetadataReader::collectArticles(const QJsonValue &value, int depth)
{
    if (depth > 5)
        return;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectArticles(v, depth + 1);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject obj = value.toObject();
    const QJsonValue type = obj.value("@type"_L1);
    if (isArticleType(type))
        m_articles.append(obj);
    else if ((isType(type, "WebPage"_L1) || isType(type, "ItemPage"_L1)) && m_webPage.isEmpty())
        m_webPage = obj;
    collectArticles(obj.value("@graph"_L1), depth + 1);
    collectArticles(obj.value("mainEntity"_L1), depth + 1);
    if (!isArticleType(type))
        collectArticles(obj.value("mainEntityOfPage"_L1), depth + 1);
}

void MetadataReader::readJsonLd(const HtmlDocument &document)
{
    for (const GumboNode *script : HtmlDocument::elementsByTag(document.root(), GUMBO_TAG_SCRIPT)) {
        if (!HtmlDocument::attribute(script, "type").contains("ld+json"_L1, Qt::CaseInsensitive))
            continue;
        QString text;
        for (const GumboNode *c : HtmlDocument::children(script))
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE
                || c->type == GUMBO_NODE_CDATA)
                text += QString::fromUtf8(c->v.text.text);
        const QJsonDocument doc = parseJsonLd(text);
        collectArticles(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), 0);
    }
    if (m_articles.isEmpty())
        return;
    // With several article objects (e.g. related stories), prefer the one
    // that carries a body, then the first.
    QJsonObject a = m_articles.first();
    for (const QJsonObject &o : std::as_const(m_articles))
        if (o.value("articleBody"_L1).toString().size()
            > a.value("articleBody"_L1).toString().size())
            a = o;
    m_meta.title = clean(a.value("headline"_L1).toString());
    m_jsonLdHeadline = m_meta.title;
    if (m_meta.title.isEmpty())
        m_meta.title = clean(a.value("name"_L1).toString());
    names(a.value("author"_L1), m_meta.authors);
    if (m_meta.authors.isEmpty())
        names(a.value("creator"_L1), m_meta.authors);
    m_meta.published = clean(a.value("datePublished"_L1).toString());
    if (m_meta.published.isEmpty())
        m_meta.published = clean(a.value("dateCreated"_L1).toString());
    m_meta.siteName = stringOrNested(a.value("publisher"_L1), "name"_L1);
    m_meta.language = stringOrNested(a.value("inLanguage"_L1), "alternateName"_L1);
    m_meta.description = clean(a.value("description"_L1).toString());
    QString url = stringOrNested(a.value("mainEntityOfPage"_L1), "@id"_L1);
    if (!url.startsWith("http"_L1))
        url = stringOrNested(a.value("url"_L1), "@id"_L1);
    if (url.startsWith("http"_L1))
        m_meta.url = url;
    m_jsonLdBody = a.value("articleBody"_L1).toString();
    if (m_jsonLdBody.isEmpty())
        m_jsonLdBody = a.value("text"_L1).toString();
}

void MetadataReader::readMeta(const HtmlDocument &document)
{
    QHash<QString, QString> meta; // lower-case name/property -> first content
    for (const GumboNode *m : HtmlDocument::elementsByTag(document.root(), GUMBO_TAG_META)) {
        QString key = HtmlDocument::attribute(m, "property");
        if (key.isEmpty())
            key = HtmlDocument::attribute(m, "name");
        if (key.isEmpty())
            key = HtmlDocument::attribute(m, "itemprop");
        if (key.isEmpty())
            key = HtmlDocument::attribute(m, "http-equiv");
        const QString content = clean(HtmlDocument::attribute(m, "content"));
        if (!key.isEmpty() && !content.isEmpty() && !meta.contains(key.toLower()))
            meta.insert(key.toLower(), content);
    }
    auto first = [&meta](std::initializer_list<const char *> keys) {
        for (const char *k : keys) {
            const QString v = meta.value(QString::fromLatin1(k));
            if (!v.isEmpty())
                return v;
        }
        return QString();
    };
    auto fill = [](QString &field, const QString &value) {
        if (field.isEmpty())
            field = value;
    };
    fill(m_meta.title, first({"og:title", "twitter:title", "dc.title", "headline", "title"}));
    fill(m_meta.siteName, first({"og:site_name", "application-name", "publisher", "dc.publisher"}));
    fill(m_meta.published,
         first({"article:published_time", "datepublished", "og:published_time", "pubdate",
                "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.date",
                "sailthru.date", "parsely-pub-date", "article.published",
                "citation_publication_date", "original-publish-date"}));
    fill(m_meta.description, first({"og:description", "description", "twitter:description"}));
    fill(m_meta.language,
         first({"content-language", "dc.language", "og:locale"}).replace(u'_', u'-'));
    if (m_meta.authors.isEmpty()) {
        for (const char *k : {"author", "article:author", "dc.creator", "parsely-author",
                              "sailthru.author", "byl"}) {
            QString v = meta.value(QString::fromLatin1(k)).section(u" | "_s, 0, 0);
            v.remove(QRegularExpression(u"^[Bb]y\\s+"_s));
            if (!v.isEmpty() && !v.startsWith("http"_L1)) {
                m_meta.authors.append(v);
                break;
            }
        }
    }
    for (const GumboNode *l : HtmlDocument::elementsByTag(document.root(), GUMBO_TAG_LINK)) {
        if (HtmlDocument::attribute(l, "rel").toLower().split(u' ').contains("canonical"_L1)) {
            const QString href = HtmlDocument::attribute(l, "href").trimmed();
            if (!href.isEmpty()) {
                m_meta.url = href; // the page's own statement beats JSON-LD
                break;
            }
        }
    }
    fill(m_meta.url, first({"og:url", "twitter:url"}));
    if (m_meta.url.isEmpty() && !m_webPage.isEmpty())
        m_meta.url = stringOrNested(m_webPage.value("url"_L1), "@id"_L1);
    if (m_meta.url.isEmpty() && m_baseUrl.isValid())
        m_meta.url = m_baseUrl.toString();
    m_meta.url = resolve(m_meta.url);
}

void MetadataReader::readFallbacks(const HtmlDocument &document)
{
    const GumboNode *root = document.root();
    const QString lang = HtmlDocument::attribute(root, "lang").trimmed();
    if (!lang.isEmpty())
        m_meta.language = lang; // what the page says about its own text
    else if (m_meta.language.isEmpty())
        m_meta.language = HtmlDocument::attribute(root, "xml:lang").trimmed();

    // Microdata and <time> for pages without structured metadata.
    QList<const GumboNode *> stack {root};
    const GumboNode *firstTime = nullptr;
    const GumboNode *publishTime = nullptr;
    while (!stack.isEmpty()) {
        const GumboNode *n = stack.takeLast();
        if (!HtmlDocument::isElement(n))
            continue;
        const QString prop = HtmlDocument::attribute(n, "itemprop");
        if (!prop.isEmpty()) {
            QString value = HtmlDocument::attribute(n, "content");
            if (value.isEmpty())
                value = HtmlDocument::attribute(n, "datetime");
            if (prop == "datePublished"_L1 && m_meta.published.isEmpty()) {
                m_meta.published = value.isEmpty() ? HtmlDocument::text(n) : value.trimmed();
            } else if (prop == "author"_L1 && m_meta.authors.isEmpty()) {
                QString name = value;
                for (const GumboNode *c : HtmlDocument::children(n))
                    if (HtmlDocument::attribute(c, "itemprop") == "name"_L1)
                        name = HtmlDocument::text(c);
                if (name.isEmpty())
                    name = HtmlDocument::text(n);
                name.remove(QRegularExpression(u"^[Bb]y\\s+"_s));
                if (!name.isEmpty() && name.size() < 100)
                    m_meta.authors.append(name);
            } else if (prop == "headline"_L1 && m_meta.title.isEmpty()) {
                m_meta.title = HtmlDocument::text(n);
            }
        }
        if (HtmlDocument::tag(n) == GUMBO_TAG_TIME && HtmlDocument::hasAttribute(n, "datetime")) {
            if (!firstTime)
                firstTime = n;
            const QString cls = HtmlDocument::attribute(n, "class").toLower();
            if (!publishTime
                && (HtmlDocument::hasAttribute(n, "pubdate") || cls.contains("publish"_L1)))
                publishTime = n;
        }
        const QList<const GumboNode *> kids = HtmlDocument::children(n);
        for (auto it = kids.crbegin(); it != kids.crend(); ++it)
            stack.append(*it);
    }
    if (m_meta.published.isEmpty() && (publishTime || firstTime))
        m_meta.published
            = HtmlDocument::attribute(publishTime ? publishTime : firstTime, "datetime").trimmed();

    const QList<const GumboNode *> titles = HtmlDocument::elementsByTag(root, GUMBO_TAG_TITLE);
    const QString pageTitle = titles.isEmpty() ? QString() : HtmlDocument::text(titles.first());
    m_jsonLdMatchesTitle = m_jsonLdHeadline.size() >= 10
        && pageTitle.contains(m_jsonLdHeadline, Qt::CaseInsensitive);
    if (m_meta.title.isEmpty()) {
        QString title = pageTitle;
        // "Headline | Outlet": drop the outlet when the headline stays long.
        static const QRegularExpression suffix(
            u"\\s+[|\u2013\u2014-]\\s+[^|\u2013\u2014-]{1,40}$"_s);
        const QRegularExpressionMatch m = suffix.match(title);
        if (m.hasMatch() && m.capturedStart() > 15)
            title.truncate(m.capturedStart());
        if (title.isEmpty()) {
            const QList<const GumboNode *> h1 = HtmlDocument::elementsByTag(root, GUMBO_TAG_H1);
            if (!h1.isEmpty())
                title = HtmlDocument::text(h1.first());
        }
        m_meta.title = title;
    }
}
