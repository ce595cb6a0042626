#include "FeedTable.h"

#include "SqlQuery.h"

namespace {
const QString kFeedColumns = QStringLiteral(
    "SELECT f.id, coalesce(f.folder_id, 0), f.url, f.title, f.site_url, f.description, f.etag, "
    "f.last_modified, f.last_fetched_at, f.last_error, f.refresh_minutes, "
    "(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.is_read = 0) "
    "FROM feeds f LEFT JOIN feed_folders d ON d.id = f.folder_id ");

const QString kItemColumns = QStringLiteral(
    "SELECT i.id, i.feed_id, i.guid, i.url, i.title, i.summary, i.author, i.published, i.is_read, "
    "coalesce(i.article_id, 0) FROM feed_items i ");
} // namespace

FeedTable::FeedTable(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<FeedFolder> FeedTable::folders() const
{
    SqlQuery q(m_db, QStringLiteral("SELECT id, name FROM feed_folders ORDER BY position, name"));
    q.exec();
    QList<FeedFolder> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString()});
    return list;
}

qint64 FeedTable::ensureFolder(const QString &name)
{
    SqlQuery(m_db,
             QStringLiteral("INSERT INTO feed_folders(name) VALUES (?) ON CONFLICT DO NOTHING"))
        .bind(name)
        .exec();
    SqlQuery q(m_db, QStringLiteral("SELECT id FROM feed_folders WHERE name = ?"));
    q.bind(name).exec();
    q.next();
    return q.value(0).toLongLong();
}

void FeedTable::removeFolder(qint64 id)
{
    // Its feeds move to the top level (ON DELETE SET NULL): nothing is lost.
    SqlQuery(m_db, QStringLiteral("DELETE FROM feed_folders WHERE id = ?")).bind(id).exec();
}

QList<Feed> FeedTable::feeds(const QString &where, const QVariant &bound) const
{
    SqlQuery q(m_db,
               kFeedColumns + where
                   + QStringLiteral(" ORDER BY d.position, d.name, f.title COLLATE NOCASE, f.id"));
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

qint64 FeedTable::insertFeed(const Feed &f, const QString &time)
{
    SqlQuery existing(m_db, QStringLiteral("SELECT id FROM feeds WHERE url = ?"));
    existing.bind(f.url).exec();
    if (existing.next())
        return existing.value(0).toLongLong();
    SqlQuery q(m_db,
               QStringLiteral("INSERT INTO feeds(folder_id, url, title, site_url, description, "
                              "refresh_minutes, created_at) VALUES (?,?,?,?,?,?,?)"));
    q.bind(SqlQuery::nullIfZero(f.folderId)).bind(f.url).bind(f.title).bind(f.siteUrl);
    q.bind(f.description).bind(qMax(1, f.refreshMinutes)).bind(time).exec();
    return q.lastInsertId();
}

void FeedTable::removeFeed(qint64 id)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM feeds WHERE id = ?")).bind(id).exec();
}

void FeedTable::moveFeed(qint64 feedId, qint64 folderId)
{
    SqlQuery(m_db, QStringLiteral("UPDATE feeds SET folder_id = ? WHERE id = ?"))
        .bind(SqlQuery::nullIfZero(folderId))
        .bind(feedId)
        .exec();
}

void FeedTable::updateFeedState(const Feed &f)
{
    // A failed refresh keeps the title and validators of the last good one.
    SqlQuery q(m_db,
               QStringLiteral("UPDATE feeds SET title = CASE WHEN ? = '' THEN title ELSE ? END, "
                              "site_url = CASE WHEN ? = '' THEN site_url ELSE ? END, "
                              "etag = ?, last_modified = ?, last_fetched_at = ?, last_error = ? "
                              "WHERE id = ?"));
    q.bind(f.title).bind(f.title).bind(f.siteUrl).bind(f.siteUrl);
    q.bind(f.etag).bind(f.lastModified).bind(SqlQuery::formatTime(f.lastFetched));
    q.bind(f.lastError).bind(f.id).exec();
}

int FeedTable::mergeItems(qint64 feedId, const QList<FeedItem> &items, const QString &time)
{
    SqlQuery q(
        m_db,
        QStringLiteral("INSERT INTO feed_items(feed_id, guid, url, title, summary, author, "
                       "published, fetched_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"));
    int added = 0;
    for (const FeedItem &i : items) {
        q.bind(feedId).bind(i.guid).bind(i.url).bind(i.title).bind(i.summary).bind(i.author);
        q.bind(i.published).bind(time).exec();
        added += q.rowsAffected() > 0 ? 1 : 0;
    }
    return added;
}

QList<FeedItem> FeedTable::items(const QString &where, const QVariant &bound) const
{
    SqlQuery q(m_db,
               kItemColumns + where + QStringLiteral(" ORDER BY i.published DESC, i.id DESC"));
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

void FeedTable::setRead(const QList<qint64> &itemIds, bool read)
{
    SqlQuery q(m_db, QStringLiteral("UPDATE feed_items SET is_read = ? WHERE id = ?"));
    for (qint64 id : itemIds)
        q.bind(read ? 1 : 0).bind(id).exec();
}

void FeedTable::linkArticle(qint64 itemId, qint64 articleId)
{
    SqlQuery(m_db, QStringLiteral("UPDATE feed_items SET article_id = ?, is_read = 1 WHERE id = ?"))
        .bind(articleId)
        .bind(itemId)
        .exec();
}
