#pragma once

#include "domain/Feed.h"

#include <QStandardItemModel>

// Folders and feeds for the feed dock: "Title (unread)" per feed, folders
// summing their feeds, a warning icon and tooltip on a feed whose last
// refresh failed.
class FeedTreeModel final : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role
    {
        FeedIdRole = Qt::UserRole + 1,
        FolderIdRole,
        UnreadRole,
        ErrorRole
    };

    explicit FeedTreeModel(QObject *parent = nullptr);

    void reload(const QList<FeedFolder> &folders, const QList<Feed> &feeds);
    QModelIndex indexOfFeed(qint64 feedId) const;
    QModelIndex indexOfFolder(qint64 folderId) const;
};
