#pragma once

#include <QSortFilterProxyModel>

class LibraryModel;

// Filters the library by title and outlet (case-insensitive); sorts titles
// and outlets by the locale, dates as ISO 8601 text and counts as numbers.
class LibraryFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LibraryFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_filter;
    const LibraryModel *m_library = nullptr; // the source, when it is the library

};
