#pragma once

#include "Repository.h"
#include "domain/Feed.h"
#include "domain/FeedSubscription.h"

#include <optional>

// Feeds, their folders and items.
class FeedRepository : public Repository
{
public:
    explicit FeedRepository(Database &db);

    QList<FeedFolder> folders() const;
    // The folder with that name, created if missing.
    qint64 ensureFolder(const QString &name);
    // Its feeds move to the top level: nothing is lost.
    void removeFolder(qint64 id);

    // Feeds with their unread counts, ordered by folder and title.
    QList<Feed> all() const;
    std::optional<Feed> get(qint64 id) const;
    std::optional<Feed> byUrl(const QString &url) const;
    // Returns the id; a feed with the same URL is not added twice.
    qint64 add(const Feed &feed);
    // Unsubscribes, returning the feed and its items for undo.
    FeedSubscription remove(qint64 id);
    void restore(const FeedSubscription &subscription);
    void move(qint64 feedId, qint64 folderId);
    // Records a refresh (validators, time, error; title and site when the
    // document was parsed) and adds the new items; returns how many were new.
    int recordRefresh(const Feed &state, const QList<FeedItem> &items);

    QList<FeedItem> items(qint64 feedId) const;
    std::optional<FeedItem> item(qint64 id) const;
    // Items that became these articles (id -> article id).
    QList<QPair<qint64, qint64>> itemsLinkedTo(const QList<qint64> &articleIds) const;
    void setItemsRead(const QList<qint64> &itemIds, bool read);
    void linkItem(qint64 itemId, qint64 articleId);

private:
    QList<Feed> feeds(const QString &where, const QVariant &bound) const;
    QList<FeedItem> loadItems(const QString &where, const QVariant &bound) const;
};
