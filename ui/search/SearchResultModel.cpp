#include "search/SearchResultModel.h"

#include "shell/LiteralText.h"
#include "text/SearchTerms.h"

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArticleSearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return hit.title;
    case ArticleIdRole:
        return hit.articleId;
    case SnippetRole:
        return hit.snippet;
    case Qt::ToolTipRole:
        return LiteralText::html(SearchTerms::bracketed(hit.snippet, QString(), QString()).simplified());
    case Qt::AccessibleDescriptionRole:
        // Screen readers and tooltips get the snippet without its markers.
        return SearchTerms::bracketed(hit.snippet, QString(), QString()).simplified();
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ArticleIdRole, "articleId");
    names.insert(TitleRole, "title");
    names.insert(SnippetRole, "snippet");
    return names;
}

void SearchResultModel::setHits(const QList<ArticleSearchHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

int SearchResultModel::rowOf(qint64 articleId) const
{
    for (int row = 0; row < m_hits.size(); ++row) {
        if (m_hits.at(row).articleId == articleId)
            return row;
    }
    return -1;
}
