#pragma once

#include "store/ProjectSession.h"

#include <QAbstractListModel>

// The hits of one full-text search, best first. It holds what the store
// returned and never queries it: SearchPanel decides when to search.
class SearchResultModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        ArticleIdRole = Qt::UserRole + 1,
        TitleRole,
        // The snippet as the store gives it: matches between U+0002 and U+0003.
        SnippetRole,
    };

    explicit SearchResultModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setHits(const QList<ArticleSearchHit> &hits);
    int rowOf(qint64 articleId) const; // -1 if absent

private:
    QList<ArticleSearchHit> m_hits;
};
