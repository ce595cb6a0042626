#include "library/LibraryFilterProxy.h"

#include "library/LibraryModel.h"

LibraryFilterProxy::LibraryFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(LibraryModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void LibraryFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    invalidateRowsFilter();
}

bool LibraryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int column : {int(LibraryModel::Title), int(LibraryModel::Outlet)}) {
        const QString value = model->index(sourceRow, column, sourceParent).data().toString();
        if (value.contains(m_filter, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool LibraryFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == LibraryModel::Annotations)
        return left.data(LibraryModel::SortRole).toInt() < right.data(LibraryModel::SortRole).toInt();
    return QSortFilterProxyModel::lessThan(left, right);
}
