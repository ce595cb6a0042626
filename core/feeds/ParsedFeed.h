#pragma once

#include "domain/Feed.h"

#include <QList>
#include <QString>

// What FeedParser read from one feed document.
struct ParsedFeed
{
    enum class Format
    {
        Unknown,
        Rss2,
        Rdf,
        Atom
    };

    bool ok = false;
    QString error; // when !ok: what is wrong and where (line, column)
    Format format = Format::Unknown;
    QString title;
    QString siteUrl;
    QString description;
    QList<FeedItem> items; // in document order; ids and feedId are 0
};
