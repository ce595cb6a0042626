#include "feeds/FeedTreeModel.h"

#include "shell/LiteralText.h"

#include <QApplication>
#include <QFont>
#include <QHash>
#include <QStyle>

namespace {
QString label(const QString &title, int unread)
{
    return unread > 0 ? QStringLiteral("%1 (%2)").arg(title).arg(unread) : title;
}
} // namespace

FeedTreeModel::FeedTreeModel(QObject *parent)
    : QStandardItemModel(parent)
{
}

void FeedTreeModel::reload(const QList<FeedFolder> &folders, const QList<Feed> &feeds)
{
    clear();
    QHash<qint64, QStandardItem *> folderItems;
    QHash<qint64, int> folderUnread;
    QFont bold;
    bold.setBold(true);
    for (const FeedFolder &folder : folders) {
        auto *item = new QStandardItem(folder.name);
        item->setData(folder.id, FolderIdRole);
        item->setIcon(QApplication::style()->standardIcon(QStyle::SP_DirIcon));
        item->setEditable(false);
        folderItems.insert(folder.id, item);
        appendRow(item);
    }
    for (const Feed &feed : feeds) {
        const QString title = feed.title.isEmpty() ? feed.url : feed.title;
        auto *item = new QStandardItem(label(title, feed.unreadCount));
        item->setEditable(false);
        item->setData(feed.id, FeedIdRole);
        item->setData(feed.unreadCount, UnreadRole);
        item->setData(feed.lastError, ErrorRole);
        if (feed.unreadCount > 0)
            item->setFont(bold);
        QString tip = feed.url;
        if (feed.lastFetched.isValid())
            tip += tr("\nLast refreshed %1")
                       .arg(QLocale().toString(feed.lastFetched.toLocalTime(),
                                               QLocale::ShortFormat));
        if (!feed.lastError.isEmpty()) {
            item->setIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
            tip += QLatin1Char('\n') + feed.lastError;
            item->setAccessibleDescription(feed.lastError);
        }
        item->setToolTip(LiteralText::html(tip));
        if (QStandardItem *folder = folderItems.value(feed.folderId)) {
            folder->appendRow(item);
            folderUnread[feed.folderId] += feed.unreadCount;
        } else {
            appendRow(item);
        }
    }
    for (auto it = folderItems.cbegin(); it != folderItems.cend(); ++it) {
        const int unread = folderUnread.value(it.key());
        it.value()->setText(label(it.value()->text(), unread));
        it.value()->setData(unread, UnreadRole);
        if (unread > 0)
            it.value()->setFont(bold);
    }
}

QModelIndex FeedTreeModel::indexOfFeed(qint64 feedId) const
{
    const auto hits
        = match(index(0, 0), FeedIdRole, feedId, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return hits.value(0);
}

QModelIndex FeedTreeModel::indexOfFolder(qint64 folderId) const
{
    const auto hits = match(index(0, 0), FolderIdRole, folderId, 1, Qt::MatchExactly);
    return hits.value(0);
}
