#pragma once

#include <QString>

// How an article's stored text relates to the file it came from in an
// exchange format (a BOM dropped, CRLF made LF), with its id there. The
// layout is the exchange module's JSON; the store keeps it as it is.
struct ArticleOffsetMap
{
    qint64 articleId = 0;
    QString scheme; // "ptc"
    QString externalId; // the article's id in that corpus
    QString layout; // JSON, see exchange/OriginalLayout
};
