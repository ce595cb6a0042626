#pragma once

#include <QString>
#include <QStringList>

// What ArticleExtractor finds in a news page. Every field may be empty.
struct ExtractedArticle
{
    QString body; // paragraphs separated by a blank line, list items by a newline
    QString title;
    QStringList authors;
    QString published; // as the page gives it, usually ISO 8601
    QString siteName; // the outlet
    QString url; // canonical URL, absolute when a base URL was known
    QString language; // e.g. "en", "de-DE"
    QString description;
};
