#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// The original page an article was extracted from, kept so extraction can
// be re-run later. The article's stored text never changes because of it.
struct ArticleSource
{
    qint64 articleId = 0;
    QString url; // where it was fetched from, or the file it was read from
    QDateTime fetchedAt;
    QString contentType; // e.g. "text/html; charset=utf-8"; empty for files
    QByteArray html; // the raw bytes as received (not decoded)
};
