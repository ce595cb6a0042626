#pragma once

#include "domain/Feed.h"

#include <QSqlDatabase>
#include <optional>

// The SQL of feeds, feed folders and feed items, for ProjectStore, which
// owns the transactions and tells the UI what changed.
class FeedTable
{
public:
    explicit FeedTable(const QSqlDatabase &db);

    QList<FeedFolder> folders() const;
    // The folder with that name, created if missing.
    qint64 ensureFolder(const QString &name);
    void removeFolder(qint64 id);

    // Feeds with their unread counts, ordered by folder and title.
    QList<Feed> feeds(const QString &where = {}, const QVariant &bound = {}) const;
    // Inserts a feed, or returns the id of the one with the same URL.
    qint64 insertFeed(const Feed &feed, const QString &time);
    void removeFeed(qint64 id);
    void moveFeed(qint64 feedId, qint64 folderId);
    // After a refresh: conditional-GET validators, time, error and, when
    // the document was parsed, its title and site.
    void updateFeedState(const Feed &feed);

    // Inserts the items not seen before (by guid); returns how many.
    int mergeItems(qint64 feedId, const QList<FeedItem> &items, const QString &time);
    QList<FeedItem> items(const QString &where, const QVariant &bound) const;
    void setRead(const QList<qint64> &itemIds, bool read);
    void linkArticle(qint64 itemId, qint64 articleId);

private:
    QSqlDatabase m_db;
};
