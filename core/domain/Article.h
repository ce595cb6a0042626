#pragma once

#include <QDateTime>
#include <QString>

// An imported news article. Its text never changes after import: every
// annotation offset points into it.
struct Article
{
    qint64 id = 0;
    QString uuid; // stable identity, never changed
    QString title;
    QString outlet;
    QString author;
    QString published; // ISO 8601 date or date-time as found; may be empty
    QString url;
    QString language;  // BCP 47 tag, may be empty
    QString text;
    QString contentHash; // SHA-256 hex of the UTF-8 text
    QDateTime importedAt;
    QString origin; // where it came from: a file path or a URL
};

// One row of the library: what the list shows without loading the text.
struct ArticleSummary
{
    qint64 id = 0;
    QString title;
    QString outlet;
    QString published;
    int annotationCount = 0;
};

// One full-text search hit: the article and its best-matching passage.
struct ArticleSearchHit
{
    qint64 articleId = 0;
    QString title;
    QString snippet; // matches between U+0002 and U+0003
};
