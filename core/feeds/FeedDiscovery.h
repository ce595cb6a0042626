#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

// Finds the feeds a web page announces with
// <link rel="alternate" type="application/rss+xml|atom+xml|rdf+xml" href>.
class FeedDiscovery
{
public:
    // Absolute feed URLs in page order, without duplicates.
    static QList<QUrl> discover(const QByteArray &html, const QUrl &pageUrl);
    // True if the bytes start like a feed (<rss, <feed, <rdf:RDF) rather
    // than a web page, whatever the server called them.
    static bool looksLikeFeed(const QByteArray &bytes);
};
