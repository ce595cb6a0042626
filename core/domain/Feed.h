#pragma once

#include <QDateTime>
#include <QString>

// A folder of the feed list. Feeds without a folder sit at the top level.
struct FeedFolder
{
    qint64 id = 0;
    QString name;
};

// A subscribed RSS or Atom feed and the state of its last refresh.
struct Feed
{
    qint64 id = 0;
    qint64 folderId = 0; // 0: top level
    QString url; // the feed document itself
    QString title;
    QString siteUrl; // the site the feed belongs to
    QString description;
    QString etag; // for conditional GET
    QString lastModified; // the server's Last-Modified, verbatim
    QDateTime lastFetched; // invalid: never refreshed
    QString lastError; // empty after a good refresh
    int refreshMinutes = 60;
    int unreadCount = 0; // filled by FeedRepository::all()
};

// One entry of a feed.
struct FeedItem
{
    qint64 id = 0;
    qint64 feedId = 0;
    QString guid; // id, guid, or link: what identifies it across refreshes
    QString url;
    QString title;
    QString summary; // plain text
    QString author;
    QString published; // ISO 8601 where the feed's date could be parsed
    bool read = false;
    qint64 articleId = 0; // set once added to the corpus
};
