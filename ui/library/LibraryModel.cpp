#include "library/LibraryModel.h"

#include "shell/LiteralText.h"
#include "store/ProjectSession.h"

#include <QDate>

#include <algorithm>
#include <limits>

LibraryModel::LibraryModel(ProjectSession &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(store)
{
    m_articles = m_session.articles().summaries();
    reindex(0);
    connect(&m_session, &ProjectSession::changed, this, &LibraryModel::apply);
}

void LibraryModel::reindex(int fromRow)
{
    if (fromRow == 0)
        m_rows.clear();
    for (qsizetype i = fromRow; i < m_articles.size(); ++i)
        m_rows.insert(m_articles[i].id, int(i));
}

void LibraryModel::apply(const ChangeSet &changes)
{
    const ChangeSet::Ids &articles = changes.of(ChangeSet::Aggregate::Article);
    if (!articles.removed.isEmpty())
        removeArticles(articles.removed);
    if (!articles.added.isEmpty())
        insertRows(m_session.articles().summaries(QList<qint64>(articles.added.cbegin(), articles.added.cend())));
    // Titles and counts: read again only the rows that changed.
    QSet<qint64> stale = articles.modified + changes.annotatedArticles();
    stale -= articles.added;
    QList<qint64> shown;
    for (qint64 id : std::as_const(stale)) {
        if (m_rows.contains(id))
            shown.append(id);
    }
    if (shown.isEmpty())
        return;
    // One signal for the rows that changed: a codebook edit touches
    // thousands of articles, and each signal has the views measure again.
    int first = -1, last = -1;
    for (const ArticleSummary &now : m_session.articles().summaries(shown)) {
        const int row = m_rows.value(now.id, -1);
        if (row < 0)
            continue;
        ArticleSummary &old = m_articles[row];
        if (old.title != now.title || old.outlet != now.outlet || old.published != now.published
            || old.annotationCount != now.annotationCount) {
            old = now;
            first = first < 0 ? row : std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void LibraryModel::insertRows(QList<ArticleSummary> added)
{
    // Ids grow with each import, so new articles mostly go at the end; one
    // brought back by undo goes where its id puts it. Runs of neighbours
    // go in as one block each.
    std::sort(added.begin(), added.end(),
              [](const ArticleSummary &a, const ArticleSummary &b) { return a.id < b.id; });
    int lowest = int(m_articles.size());
    qsizetype i = 0;
    while (i < added.size()) {
        const auto at = std::lower_bound(m_articles.cbegin(), m_articles.cend(), added[i].id,
                                         [](const ArticleSummary &a, qint64 id) { return a.id < id; });
        const int row = int(at - m_articles.cbegin());
        const qint64 nextId = at == m_articles.cend() ? std::numeric_limits<qint64>::max() : at->id;
        qsizetype j = i;
        while (j < added.size() && added[j].id < nextId)
            ++j;
        beginInsertRows({}, row, row + int(j - i) - 1);
        m_articles.insert(row, j - i, ArticleSummary());
        std::copy(added.cbegin() + i, added.cbegin() + j, m_articles.begin() + row);
        endInsertRows();
        lowest = qMin(lowest, row);
        i = j;
    }
    reindex(lowest);
}

void LibraryModel::removeArticles(const QSet<qint64> &ids)
{
    QList<int> rows;
    for (qint64 id : ids) {
        const int row = m_rows.value(id, -1);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // From the bottom up, one block per run of adjacent rows.
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
            --begin;
        beginRemoveRows({}, rows[begin], rows[end - 1]);
        m_articles.remove(rows[begin], rows[end - 1] - rows[begin] + 1);
        endRemoveRows();
        end = begin;
    }
    for (qint64 id : ids)
        m_rows.remove(id);
    reindex(rows.constFirst());
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
    return m_rows.value(articleId, -1);
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
