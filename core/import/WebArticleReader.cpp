#include "WebArticleReader.h"

#include "ArticleImporter.h"
#include "html/HtmlTextExtractor.h"
#include "text/TextDecoder.h"
#include "extract/ArticleExtractor.h"
#include "net/FetchResult.h"

namespace {
bool hasBom(const QByteArray &bytes)
{
    return bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE")
        || bytes.startsWith("\xFE\xFF");
}
} // namespace

bool WebArticleReader::isHtmlMimeType(const QByteArray &mime)
{
    return mime == "text/html" || mime == "application/xhtml+xml";
}

QByteArray WebArticleReader::withHeaderCharset(const QByteArray &bytes,
                                               const QByteArray &headerCharset)
{
    if (headerCharset.isEmpty() || hasBom(bytes))
        return bytes;
    const DecodedText decoded = TextDecoder::decode(bytes, headerCharset);
    if (!decoded.ok)
        return bytes;
    return QByteArray("\xEF\xBB\xBF") + decoded.text.toUtf8();
}

std::variant<WebArticle, QString> WebArticleReader::fromFetch(const FetchResult &fetch)
{
    const QString where = fetch.url.toDisplayString();
    if (!fetch.ok)
        return fetch.error.isEmpty() ? QStringLiteral("%1: could not be fetched").arg(where)
                                     : fetch.error;
    if (fetch.notModified)
        return QStringLiteral("%1: not modified (HTTP 304)").arg(where);
    const bool declaredHtml = isHtmlMimeType(fetch.mimeType);
    if (!fetch.mimeType.isEmpty() && !declaredHtml) {
        return QStringLiteral("%1: not an HTML page (the server sent %2)")
            .arg(where, QString::fromLatin1(fetch.mimeType));
    }
    if (TextDecoder::looksBinary(fetch.body))
        return QStringLiteral("%1: not an HTML page (binary data)").arg(where);
    auto read = fromHtml(fetch.body, fetch.finalUrl, where, fetch.charset);
    if (auto *web = std::get_if<WebArticle>(&read)) {
        web->article.origin = fetch.url.toString();
        if (web->article.url.isEmpty())
            web->article.url = fetch.finalUrl.toString();
        web->source.url = fetch.finalUrl.toString();
        web->source.fetchedAt = fetch.fetchedAt;
        web->source.contentType = fetch.contentType;
    }
    return read;
}

std::variant<WebArticle, QString> WebArticleReader::fromHtml(const QByteArray &bytes,
                                                             const QUrl &baseUrl,
                                                             const QString &name,
                                                             const QByteArray &headerCharset)
{
    if (bytes.trimmed().isEmpty())
        return QStringLiteral("%1: the page is empty").arg(name);
    const QByteArray page = withHeaderCharset(bytes, headerCharset);
    const ExtractedArticle extracted = ArticleExtractor::extract(page, baseUrl);

    WebArticle web;
    Article &a = web.article;
    a.text = ArticleImporter::withoutBlankEdges(extracted.body);
    a.title = extracted.title.simplified();
    a.outlet = extracted.siteName.simplified();
    a.author = extracted.authors.join(QStringLiteral(", "));
    a.published = extracted.published;
    a.url = extracted.url;
    a.language = extracted.language;
    if (a.text.trimmed().isEmpty()) {
        // No main text found: keep every visible paragraph rather than nothing.
        const DecodedText decoded
            = TextDecoder::decode(page, HtmlTextExtractor::sniffCharset(page));
        if (decoded.ok) {
            const HtmlText plain = HtmlTextExtractor::extract(decoded.text);
            a.text = ArticleImporter::withoutBlankEdges(plain.text);
            if (a.title.isEmpty())
                a.title = plain.title.simplified();
            if (a.language.isEmpty())
                a.language = plain.language;
        }
    }
    if (a.text.trimmed().isEmpty())
        return QStringLiteral("%1: contains no text").arg(name);
    if (a.title.isEmpty())
        a.title = ArticleImporter::titleFromText(a.text);
    web.source.html = bytes;
    web.source.url = baseUrl.toString();
    return web;
}
