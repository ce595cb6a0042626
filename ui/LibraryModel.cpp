#include "LibraryModel.h"

#include "LiteralText.h"
#include "store/ProjectStore.h"

#include <QDate>

LibraryModel::LibraryModel(ProjectStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_articles = m_store.articleSummaries();
    connect(&m_store, &ProjectStore::articlesChanged, this, &LibraryModel::refresh);
    connect(&m_store, &ProjectStore::annotationsChanged, this, &LibraryModel::refresh);
}

void LibraryModel::refresh()
{
    QList<ArticleSummary> fresh = m_store.articleSummaries();
    bool sameRows = fresh.size() == m_articles.size();
    for (qsizetype i = 0; sameRows && i < fresh.size(); ++i)
        sameRows = fresh[i].id == m_articles[i].id;
    if (!sameRows) {
        beginResetModel();
        m_articles = std::move(fresh);
        endResetModel();
        return;
    }
    // Same articles: update in place so selection and scrolling survive.
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        const ArticleSummary &old = m_articles[i];
        const ArticleSummary &now = fresh[i];
        if (old.title != now.title || old.outlet != now.outlet || old.published != now.published
            || old.annotationCount != now.annotationCount) {
            m_articles[i] = now;
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_articles.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 LibraryModel::articleId(int row) const
{
    return row >= 0 && row < m_articles.size() ? m_articles[row].id : 0;
}

bool LibraryModel::columnIsEmpty(int column) const
{
    for (const ArticleSummary &a : m_articles) {
        if ((column == Outlet && !a.outlet.isEmpty()) || (column == Published && !a.published.isEmpty())
            || column == Title || column == Annotations)
            return false;
    }
    return true;
}

int LibraryModel::mostAnnotatedRow() const
{
    int best = -1;
    for (qsizetype i = 0; i < m_articles.size(); ++i) {
        if (best < 0 || m_articles[i].annotationCount > m_articles[best].annotationCount)
            best = int(i);
    }
    return best;
}

int LibraryModel::rowOf(qint64 articleId) const
{
    for (qsizetype i = 0; i < m_articles.size(); ++i) {
        if (m_articles[i].id == articleId)
            return int(i);
    }
    return -1;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArticleSummary &a = m_articles[index.row()];
    if (role == ArticleIdRole)
        return a.id;
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Title:
            return a.title;
        case Outlet:
            return a.outlet;
        case Published: {
            if (role == SortRole)
                return a.published;
            // Show dates the reader's way; keep unparsable ones as found.
            const QDate date = QDate::fromString(a.published.left(10), Qt::ISODate);
            return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : a.published;
        }
        case Annotations:
            return a.annotationCount;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Title)
            return LiteralText::html(a.outlet.isEmpty() ? a.title
                                                        : QStringLiteral("%1 — %2").arg(a.title, a.outlet));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Annotations)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Title:
            return tr("Title");
        case Outlet:
            return tr("Outlet");
        case Published:
            return tr("Published");
        case Annotations:
            return tr("Coded", "column: number of annotations");
        }
    }
    if (role == Qt::ToolTipRole && section == Annotations)
        return tr("Number of annotations");
    if (role == Qt::TextAlignmentRole && section == Annotations)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}
