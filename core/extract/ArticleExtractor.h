#pragma once

#include "ExtractedArticle.h"

#include <QByteArray>
#include <QUrl>

// Extracts the main text ("article body") and metadata of a news page.
//
// The page is parsed with an HTML5 parser (see HtmlDocument), metadata is
// read by MetadataReader and the body is found by ContentScorer and written
// out by TextSerializer. A JSON-LD articleBody is used as a hint: when it
// agrees with a block of the page, that block wins. No site-specific rules.
class ArticleExtractor
{
public:
    // html: the raw page bytes (not gzip; see Decompressor). baseUrl resolves
    // a relative canonical URL. Never fails: broken or empty input gives
    // empty fields.
    static ExtractedArticle extract(const QByteArray &html, const QUrl &baseUrl = {});
};
