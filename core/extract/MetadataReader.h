#pragma once

#include "ExtractedArticle.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

class HtmlDocument;

// Reads an article's metadata from <meta> tags (plain, OpenGraph, Twitter,
// Dublin Core), schema.org JSON-LD (NewsArticle and kin, also inside @graph
// arrays), microdata itemprops, <link rel=canonical>, <html lang> and <time>.
// JSON-LD comes first where it is present because publishers fill it for
// search engines and it is the most structured; OpenGraph is next.
class MetadataReader
{
public:
    MetadataReader(const HtmlDocument &document, const QUrl &baseUrl);

    // All fields except body.
    ExtractedArticle metadata() const { return m_meta; }

    // The JSON-LD articleBody (or "text") of the page's article, empty if none.
    QString jsonLdArticleBody() const { return m_jsonLdBody; }
    // True if the JSON-LD article's headline is the page's own title, so its
    // body describes this page (and not, say, a related story).
    bool jsonLdDescribesPage() const { return m_jsonLdMatchesTitle; }

private:
    void readJsonLd(const HtmlDocument &document);
    void collectArticles(const QJsonValue &value, int depth);
    void readMeta(const HtmlDocument &document);
    void readFallbacks(const HtmlDocument &document);
    QString resolve(const QString &url) const;

    QUrl m_baseUrl;
    ExtractedArticle m_meta;
    QString m_jsonLdBody;
    QString m_jsonLdHeadline;
    bool m_jsonLdMatchesTitle = false;
    QList<QJsonObject> m_articles; // JSON-LD objects of an article type
    QJsonObject m_webPage; // a WebPage object, for the url and name
};
