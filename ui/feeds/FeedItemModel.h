#pragma once

#include "domain/Feed.h"

#include <QAbstractTableModel>

// The items of the selected feed: title and date, unread ones in bold,
// those already in the corpus marked.
class FeedItemModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Title,
        Published,
        ColumnCount
    };
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1
    };

    explicit FeedItemModel(QObject *parent = nullptr);

    void setItems(const QList<FeedItem> &items);
    const FeedItem *item(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<FeedItem> m_items;
};
