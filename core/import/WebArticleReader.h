#pragma once

#include "WebArticle.h"

#include <QByteArray>
#include <QUrl>
#include <variant>

struct FetchResult;

// Turns a page (fetched, or a saved .html file) into an unsaved article
// with ArticleExtractor, keeping the original bytes. When the extractor
// finds no main text, every visible paragraph (HtmlTextExtractor) is used.
// Encoding: a byte order mark, then the HTTP header's charset, then the
// page's <meta>; invalid bytes become U+FFFD, nothing crashes.
class WebArticleReader
{
public:
    // Refuses failed fetches and anything that is not HTML, naming the URL.
    static std::variant<WebArticle, QString> fromFetch(const FetchResult &fetch);
    // name: how messages refer to the page (its URL or file path).
    static std::variant<WebArticle, QString> fromHtml(const QByteArray &bytes, const QUrl &baseUrl,
                                                      const QString &name,
                                                      const QByteArray &headerCharset = {});

    static bool isHtmlMimeType(const QByteArray &mime);
    // The page as UTF-8 behind a BOM when the header names a charset, so
    // the header wins over a <meta> inside; otherwise the bytes unchanged.
    static QByteArray withHeaderCharset(const QByteArray &bytes, const QByteArray &headerCharset);
};
