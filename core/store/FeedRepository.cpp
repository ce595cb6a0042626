#include "FeedRepository.h"

#include "base/ProjectError.h"

namespace {
using Aggregate = ChangeSet::Aggregate;

// Every statement of the aggregate (feed_folders, feeds, feed_items).
const QString kFolders = QStringLiteral("SELECT id, name FROM feed_folders ORDER BY position, name");
const QString kFolderInsert
    = QStringLiteral("INSERT INTO feed_folders(name) VALUES (?) ON CONFLICT DO NOTHING");
const QString kFolderByName = QStringLiteral("SELECT id FROM feed_folders WHERE name = ?");
const QString kFolderDelete = QStringLiteral("DELETE FROM feed_folders WHERE id = ?");
const QString kFeedsIn = QStringLiteral("SELECT id FROM feeds WHERE folder_id = ?");
const QString kFeedSelect = QStringLiteral(
    "SELECT f.id, coalesce(f.folder_id, 0), f.url, f.title, f.site_url, f.description, f.etag, "
    "f.last_modified, f.last_fetched_at, f.last_error, f.refresh_minutes, "
    "(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.is_read = 0) "
    "FROM feeds f LEFT JOIN feed_folders d ON d.id = f.folder_id ");
const QString kFeedOrder
    = QStringLiteral(" ORDER BY d.position, d.name, f.title COLLATE NOCASE, f.id");
const QString kFeedInsert = QStringLiteral(
    "INSERT INTO feeds(folder_id, url, title, site_url, description, refresh_minutes, "
    "created_at) VALUES (?,?,?,?,?,?,?)");
const QString kFeedInsertExact = QStringLiteral(
    "INSERT INTO feeds(id, folder_id, url, title, site_url, description, etag, last_modified, "
    "last_fetched_at, last_error, refresh_minutes, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
const QString kFeedDelete = QStringLiteral("DELETE FROM feeds WHERE id = ?");
const QString kFeedMove = QStringLiteral("UPDATE feeds SET folder_id = ? WHERE id = ?");
// A failed refresh keeps the title and validators of the last good one.
const QString kFeedState = QStringLiteral(
    "UPDATE feeds SET title = CASE WHEN ? = '' THEN title ELSE ? END, "
    "site_url = CASE WHEN ? = '' THEN site_url ELSE ? END, "
    "etag = ?, last_modified = ?, last_fetched_at = ?, last_error = ? WHERE id = ?");
const QString kItemSelect = QStringLiteral(
    "SELECT i.id, i.feed_id, i.guid, i.url, i.title, i.summary, i.author, i.published, i.is_read, "
    "coalesce(i.article_id, 0) FROM feed_items i ");
const QString kItemOrder = QStringLiteral(" ORDER BY i.published DESC, i.id DESC");
const QString kItemMerge = QStringLiteral(
    "INSERT INTO feed_items(feed_id, guid, url, title, summary, author, published, fetched_at) "
    "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
const QString kItemInsertExact = QStringLiteral(
    "INSERT INTO feed_items(id, feed_id, guid, url, title, summary, author, published, is_read, "
    "article_id, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
const QString kItemRead = QStringLiteral("UPDATE feed_items SET is_read = ? WHERE id = ?");
const QString kItemLink
    = QStringLiteral("UPDATE feed_items SET article_id = ?, is_read = 1 WHERE id = ?");
} // namespace

FeedRepository::FeedRepository(Database &db)
    : Repository(db)
{
}

QList<FeedFolder> FeedRepository::folders() const
{
    SqlQuery q(sql(), kFolders);
    q.exec();
    QList<FeedFolder> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString()});
    return list;
}

qint64 FeedRepository::ensureFolder(const QString &name)
{
    if (name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a folder needs a name"));
    return write([&](ChangeSet &changes) {
        SqlQuery(sql(), kFolderInsert).bind(name.trimmed()).exec();
        SqlQuery q(sql(), kFolderByName);
        q.bind(name.trimmed()).exec();
        q.next();
        const qint64 id = q.value(0).toLongLong();
        changes.add(Aggregate::FeedFolder, id);
        return id;
    });
}

void FeedRepository::removeFolder(qint64 id)
{
    write([&](ChangeSet &changes) {
        SqlQuery feeds(sql(), kFeedsIn);
        feeds.bind(id).exec();
        while (feeds.next())
            changes.modify(Aggregate::Feed, feeds.value(0).toLongLong());
        // Its feeds move to the top level (ON DELETE SET NULL).
        SqlQuery(sql(), kFolderDelete).bind(id).exec();
        changes.remove(Aggregate::FeedFolder, id);
    });
}

QList<Feed> FeedRepository::feeds(const QString &where, const QVariant &bound) const
{
    SqlQuery q(sql(), kFeedSelect + where + kFeedOrder);
    if (bound.isValid())
        q.bind(bound);
    q.exec();
    QList<Feed> list;
    while (q.next()) {
        Feed f;
        f.id = q.value(0).toLongLong();
        f.folderId = q.value(1).toLongLong();
        f.url = q.value(2).toString();
        f.title = q.value(3).toString();
        f.siteUrl = q.value(4).toString();
        f.description = q.value(5).toString();
        f.etag = q.value(6).toString();
        f.lastModified = q.value(7).toString();
        f.lastFetched = SqlQuery::parseTime(q.value(8));
        f.lastError = q.value(9).toString();
        f.refreshMinutes = q.value(10).toInt();
        f.unreadCount = q.value(11).toInt();
        list.append(f);
    }
    return list;
}

QList<Feed> FeedRepository::all() const
{
    return feeds(QString(), QVariant());
}

std::optional<Feed> FeedRepository::get(qint64 id) const
{
    const QList<Feed> found = feeds(QStringLiteral("WHERE f.id = ?"), id);
    return found.isEmpty() ? std::nullopt : std::optional<Feed>(found.constFirst());
}

std::optional<Feed> FeedRepository::byUrl(const QString &url) const
{
    const QList<Feed> found = feeds(QStringLiteral("WHERE f.url = ?"), url);
    return found.isEmpty() ? std::nullopt : std::optional<Feed>(found.constFirst());
}

qint64 FeedRepository::add(const Feed &f)
{
    if (f.url.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a feed needs a URL"));
    if (const auto existing = byUrl(f.url))
        return existing->id;
    return write([&](ChangeSet &changes) {
        SqlQuery q(sql(), returningId(kFeedInsert));
        q.bind(SqlQuery::nullIfZero(f.folderId)).bind(f.url).bind(f.title).bind(f.siteUrl);
        q.bind(f.description).bind(qMax(1, f.refreshMinutes)).bind(Database::now()).exec();
        const qint64 id = q.returnedId();
        changes.add(Aggregate::Feed, id);
        return id;
    });
}

FeedSubscription FeedRepository::remove(qint64 id)
{
    return write([&](ChangeSet &changes) {
        const auto feed = get(id);
        if (!feed)
            throw ProjectError(QStringLiteral("no feed with id %1").arg(id));
        FeedSubscription s{*feed, items(id)};
        SqlQuery(sql(), kFeedDelete).bind(id).exec();
        changes.remove(Aggregate::Feed, id);
        for (const FeedItem &i : std::as_const(s.items))
            changes.remove(Aggregate::FeedItem, i.id);
        return s;
    });
}

void FeedRepository::restore(const FeedSubscription &s)
{
    write([&](ChangeSet &changes) {
        const Feed &f = s.feed;
        const QString now = Database::now();
        SqlQuery q(sql(), kFeedInsertExact);
        q.bind(f.id).bind(SqlQuery::nullIfZero(f.folderId)).bind(f.url).bind(f.title);
        q.bind(f.siteUrl).bind(f.description).bind(f.etag).bind(f.lastModified);
        q.bind(f.lastFetched.isValid() ? SqlQuery::formatTime(f.lastFetched) : QString());
        q.bind(f.lastError).bind(qMax(1, f.refreshMinutes)).bind(now).exec();
        changes.add(Aggregate::Feed, f.id);
        SqlQuery item(sql(), kItemInsertExact);
        for (const FeedItem &i : s.items) {
            item.bind(i.id).bind(f.id).bind(i.guid).bind(i.url).bind(i.title).bind(i.summary);
            item.bind(i.author).bind(i.published).bind(i.read ? 1 : 0);
            item.bind(SqlQuery::nullIfZero(i.articleId)).bind(now).exec();
            changes.add(Aggregate::FeedItem, i.id);
        }
    });
}

void FeedRepository::move(qint64 feedId, qint64 folderId)
{
    write([&](ChangeSet &changes) {
        SqlQuery(sql(), kFeedMove).bind(SqlQuery::nullIfZero(folderId)).bind(feedId).exec();
        changes.modify(Aggregate::Feed, feedId);
    });
}

int FeedRepository::recordRefresh(const Feed &f, const QList<FeedItem> &items)
{
    return write([&](ChangeSet &changes) {
        SqlQuery state(sql(), kFeedState);
        state.bind(f.title).bind(f.title).bind(f.siteUrl).bind(f.siteUrl);
        state.bind(f.etag).bind(f.lastModified).bind(SqlQuery::formatTime(f.lastFetched));
        state.bind(f.lastError).bind(f.id).exec();
        changes.modify(Aggregate::Feed, f.id);
        const QString time = Database::now();
        SqlQuery q(sql(), returningId(kItemMerge));
        int added = 0;
        for (const FeedItem &i : items) {
            q.bind(f.id).bind(i.guid).bind(i.url).bind(i.title).bind(i.summary).bind(i.author);
            q.bind(i.published).bind(time).exec();
            // Items seen before return no row.
            if (q.next()) {
                changes.add(Aggregate::FeedItem, q.value(0).toLongLong());
                ++added;
            }
        }
        return added;
    });
}

QList<FeedItem> FeedRepository::loadItems(const QString &where, const QVariant &bound) const
{
    SqlQuery q(sql(), kItemSelect + where + kItemOrder);
    if (bound.isValid())
        q.bind(bound);
    q.exec();
    QList<FeedItem> list;
    while (q.next()) {
        FeedItem i;
        i.id = q.value(0).toLongLong();
        i.feedId = q.value(1).toLongLong();
        i.guid = q.value(2).toString();
        i.url = q.value(3).toString();
        i.title = q.value(4).toString();
        i.summary = q.value(5).toString();
        i.author = q.value(6).toString();
        i.published = q.value(7).toString();
        i.read = q.value(8).toInt() != 0;
        i.articleId = q.value(9).toLongLong();
        list.append(i);
    }
    return list;
}

QList<FeedItem> FeedRepository::items(qint64 feedId) const
{
    return loadItems(QStringLiteral("WHERE i.feed_id = ?"), feedId);
}

std::optional<FeedItem> FeedRepository::item(qint64 id) const
{
    const QList<FeedItem> found = loadItems(QStringLiteral("WHERE i.id = ?"), id);
    return found.isEmpty() ? std::nullopt : std::optional<FeedItem>(found.constFirst());
}

QList<QPair<qint64, qint64>> FeedRepository::itemsLinkedTo(const QList<qint64> &articleIds) const
{
    QList<QPair<qint64, qint64>> links;
    for (const FeedItem &i : loadItems(QStringLiteral("WHERE i.article_id IN ") + idsIn(), idList(articleIds)))
        links.append({i.id, i.articleId});
    return links;
}

void FeedRepository::setItemsRead(const QList<qint64> &itemIds, bool read)
{
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kItemRead);
        for (qint64 id : itemIds) {
            q.bind(read ? 1 : 0).bind(id).exec();
            changes.modify(Aggregate::FeedItem, id);
        }
    });
}

void FeedRepository::linkItem(qint64 itemId, qint64 articleId)
{
    write([&](ChangeSet &changes) {
        SqlQuery(sql(), kItemLink).bind(articleId).bind(itemId).exec();
        changes.modify(Aggregate::FeedItem, itemId);
    });
}
