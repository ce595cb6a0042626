#include "FeedDiscovery.h"

#include "html/HtmlDocument.h"

QList<QUrl> FeedDiscovery::discover(const QByteArray &html, const QUrl &pageUrl)
{
    static const QStringList feedTypes
        = {QStringLiteral("application/rss+xml"), QStringLiteral("application/atom+xml"),
           QStringLiteral("application/rdf+xml")};
    const HtmlDocument doc(html);
    QList<QUrl> found;
    for (const GumboNode *link : HtmlDocument::elementsByTag(doc.root(), GUMBO_TAG_LINK)) {
        const QStringList rel = HtmlDocument::attribute(link, "rel")
                                    .toLower()
                                    .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString type = HtmlDocument::attribute(link, "type").trimmed().toLower();
        const QString href = HtmlDocument::attribute(link, "href").trimmed();
        // JSON Feed is announced the same way but this reader reads XML only.
        if (!rel.contains(QLatin1String("alternate")) || href.isEmpty()
            || !feedTypes.contains(type))
            continue;
        const QUrl url = pageUrl.resolved(QUrl(href));
        if (url.isValid() && !found.contains(url))
            found.append(url);
    }
    return found;
}

bool FeedDiscovery::looksLikeFeed(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(2048).toLower();
    qsizetype i = 0;
    // Skip the XML declaration, comments and processing instructions.
    while (true) {
        i = head.indexOf('<', i);
        if (i < 0 || i + 1 >= head.size())
            return false;
        const char next = head.at(i + 1);
        if (next == '?' || next == '!') {
            ++i;
            continue;
        }
        const QByteArray tag = head.mid(i + 1, 8);
        return tag.startsWith("rss") || tag.startsWith("feed") || tag.startsWith("rdf:rdf");
    }
}
