#pragma once

#include "domain/Article.h"

#include <QAbstractTableModel>

class ProjectStore;

// The articles of a project as a table. Follows the store's signals so the
// annotation counts stay current without resetting the view's selection.
class LibraryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Title, Outlet, Published, Annotations, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1, SortRole };

    explicit LibraryModel(ProjectStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    qint64 articleId(int row) const;
    // True when no article has a value in the column (outlets, dates).
    bool columnIsEmpty(int column) const;
    // The row whose count is the largest (the widest to show); -1 if none.
    int mostAnnotatedRow() const;
    int rowOf(qint64 articleId) const; // -1 if absent
    void refresh();

private:
    ProjectStore &m_store;
    QList<ArticleSummary> m_articles;
};
