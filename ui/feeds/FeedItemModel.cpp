#include "feeds/FeedItemModel.h"

#include "shell/LiteralText.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

FeedItemModel::FeedItemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FeedItemModel::setItems(const QList<FeedItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

const FeedItem *FeedItemModel::item(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return nullptr;
    return &m_items[index.row()];
}

int FeedItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int FeedItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FeedItemModel::data(const QModelIndex &index, int role) const
{
    const FeedItem *i = item(index);
    if (!i)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Title)
            return i->articleId ? QStringLiteral("✓ ") + i->title : i->title;
        if (index.column() == Published) {
            const QDateTime t = QDateTime::fromString(i->published, Qt::ISODate);
            return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat)
                               : i->published;
        }
        return {};
    case Qt::ToolTipRole:
        return LiteralText::html(i->articleId
                                     ? tr("%1\nIn the corpus as article %2").arg(i->url).arg(i->articleId)
                                     : i->url);
    case Qt::FontRole:
        if (!i->read) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        return i->read ? tr("read") : tr("unread");
    case ItemIdRole:
        return i->id;
    default:
        return {};
    }
}

QVariant FeedItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Title ? tr("Title") : tr("Published");
}
