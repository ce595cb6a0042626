#pragma once

#include "ParsedFeed.h"

#include <QByteArray>
#include <QUrl>

// Reads RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 with KF6
// Syndication, into plain text fields. Tolerant where feeds in the wild are
// sloppy (HTML in descriptions, RFC 822 dates with odd zones), strict where
// it matters: malformed XML is an error saying where, never half a feed.
class FeedParser
{
public:
    // baseUrl resolves relative links. Never throws, never crashes.
    static ParsedFeed parse(const QByteArray &xml, const QUrl &baseUrl = {});

    // RFC 822 / RFC 3339 / ISO 8601 to ISO 8601 (UTC offset kept); the
    // text unchanged if no format fits.
    static QString normaliseDate(const QString &date);
    // Feed summaries are often HTML: their visible text, one paragraph per line.
    static QString plainText(const QString &maybeHtml);
};
