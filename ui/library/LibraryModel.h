#pragma once

#include "domain/Article.h"

#include <QAbstractTableModel>
#include <QHash>

class ChangeSet;
class ProjectSession;

// The articles of a project as a table. Applies each change set of the
// session row by row (articles added, removed, renamed or re-counted), so
// the view keeps its selection and scrolling and nothing reloads the corpus.
class LibraryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Title, Outlet, Published, Annotations, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1, SortRole };

    explicit LibraryModel(ProjectSession &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    qint64 articleId(int row) const;
    const ArticleSummary &summary(int row) const { return m_articles.at(row); }
    // True when no article has a value in the column (outlets, dates).
    bool columnIsEmpty(int column) const;
    // The row whose count is the largest (the widest to show); -1 if none.
    int mostAnnotatedRow() const;
    int rowOf(qint64 articleId) const; // -1 if absent

private:
    void apply(const ChangeSet &changes);
    void insertRows(QList<ArticleSummary> added);
    void removeArticles(const QSet<qint64> &ids);
    void reindex(int fromRow);

    ProjectSession &m_session;
    QList<ArticleSummary> m_articles; // in id order
    QHash<qint64, int> m_rows; // article id -> row
};
