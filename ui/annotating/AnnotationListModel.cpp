#include "annotating/AnnotationListModel.h"

#include "store/ProjectSession.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace {
constexpr int quoteDisplayLength = 160;

// Chips in each code's colour, so a row's codes read at a glance.
QPixmap chips(const QList<QColor> &colours)
{
    const int n = int(qMin<qsizetype>(colours.size(), 4));
    QPixmap pixmap(qMax(1, n) * 20, 24);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < n; ++i) {
        painter.setPen(colours[i].darker(130));
        painter.setBrush(colours[i]);
        painter.drawEllipse(QRectF(1 + i * 10, 2.5, 8, 8));
    }
    return pixmap;
}

// A coder's colour as a small square, told apart from the codes' round chips.
QPixmap swatch(const QColor &colour)
{
    QPixmap pixmap(20, 24);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawRect(QRectF(1.5, 3, 7, 7));
    return pixmap;
}

// Whole-article codes head the list, then spans in reading order. The
// store's order mostly is that already, and checking costs far less than
// sorting.
void sortForReading(QList<Annotation> &list)
{
    const auto before = [](const Annotation &a, const Annotation &b) {
        if (a.document != b.document)
            return a.document;
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    };
    if (!std::is_sorted(list.cbegin(), list.cend(), before))
        std::stable_sort(list.begin(), list.end(), before);
}
} // namespace

AnnotationListModel::AnnotationListModel(ProjectSession &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(store)
{
    // One article's list: read again when its annotations changed; only
    // names and colours when codes did.
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Aggregate::Coder)) {
            readCoders();
            if (!m_annotations.isEmpty())
                Q_EMIT dataChanged(index(0, Coder), index(int(m_annotations.size()) - 1, Coder));
        }
        if (m_articleId
            && (changes.annotatedArticles().contains(m_articleId)
                || containsAny(changes.of(ChangeSet::Aggregate::Annotation).all()))) {
            refresh();
            return;
        }
        if (!changes.touches(ChangeSet::Aggregate::Code)
            && !changes.touches(ChangeSet::Aggregate::Category))
            return;
        m_codes.clear();
        m_chips.clear();
        for (const Code &c : m_session.codebook().codes())
            m_codes.insert(c.id, c);
        if (!m_annotations.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_annotations.size()) - 1, ColumnCount - 1));
    });
}

void AnnotationListModel::setArticle(qint64 articleId)
{
    m_articleId = articleId;
    refresh();
}

void AnnotationListModel::setArticle(qint64 articleId, QList<Annotation> annotations)
{
    beginResetModel();
    m_articleId = articleId;
    if (m_codes.isEmpty()) {
        for (const Code &c : m_session.codebook().codes())
            m_codes.insert(c.id, c);
    }
    if (m_coderSwatches.isEmpty())
        readCoders();
    const qsizetype all = annotations.size();
    m_annotations = m_visibility.filtered(annotations);
    m_hidden = int(all - m_annotations.size());
    sortForReading(m_annotations);
    endResetModel();
}

void AnnotationListModel::setVisibility(const AnnotationVisibility &visibility)
{
    m_visibility = visibility;
    refresh();
}

void AnnotationListModel::readCoders()
{
    m_coderSwatches.clear();
    for (const ::Coder &c : m_session.coders().all())
        m_coderSwatches.insert(c.id, swatch(QColor(c.colour)));
}

void AnnotationListModel::refresh()
{
    // Codes and coders are read again: names and colours may have changed.
    m_codes.clear();
    m_chips.clear();
    m_coderSwatches.clear();
    setArticle(m_articleId, m_articleId ? m_session.annotations().forArticle(m_articleId)
                                        : QList<Annotation> {});
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_annotations.size());
}

int AnnotationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int AnnotationListModel::rowOf(qint64 annotationId) const
{
    for (qsizetype i = 0; i < m_annotations.size(); ++i) {
        if (m_annotations[i].id == annotationId)
            return int(i);
    }
    return -1;
}

bool AnnotationListModel::containsAny(const QSet<qint64> &annotationIds) const
{
    if (annotationIds.isEmpty())
        return false;
    return std::any_of(m_annotations.cbegin(), m_annotations.cend(),
                       [&](const Annotation &a) { return annotationIds.contains(a.id); });
}

QString AnnotationListModel::codeNames(const Annotation &a) const
{
    QStringList names;
    for (qint64 id : a.codeIds)
        names.append(m_codes.contains(id) ? m_codes.value(id).name : tr("(deleted code)"));
    return names.join(QStringLiteral(", "));
}

QPixmap AnnotationListModel::chipsFor(const QList<qint64> &codeIds) const
{
    // Rows repeat combinations of codes: each is painted once.
    auto it = m_chips.constFind(codeIds);
    if (it == m_chips.cend()) {
        QList<QColor> colours;
        for (qint64 id : codeIds)
            colours.append(QColor(m_codes.value(id).colour));
        it = m_chips.insert(codeIds, chips(colours));
    }
    return *it;
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Annotation &a = m_annotations[index.row()];
    switch (role) {
    case AnnotationIdRole:
        return a.id;
    case StartRole:
        return a.start;
    case EndRole:
        return a.end;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Quote: {
            if (a.document) // codes the whole article: there is no quote
                return a.primary ? tr("★ Whole article (primary)") : tr("Whole article");
            QString quote = a.quote.simplified();
            if (quote.size() > quoteDisplayLength)
                quote = quote.left(quoteDisplayLength) + QChar(0x2026);
            return quote;
        }
        case Codes:
            return a.primary ? codeNames(a) + tr(" ★ primary") : codeNames(a);
        case Coder:
            return a.coderName;
        case Note:
            return a.note.simplified();
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Codes && !a.codeIds.isEmpty())
            return chipsFor(a.codeIds);
        if (index.column() == Coder && m_coderSwatches.contains(a.coderId))
            return m_coderSwatches.value(a.coderId);
        break;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<p>“%1”</p><p><b>%2</b><br>%3</p>")
                          .arg(a.quote.toHtmlEscaped(), codeNames(a).toHtmlEscaped(),
                               tr("Coder: %1").arg(a.coderName.toHtmlEscaped()));
        if (!a.note.isEmpty())
            tip += QStringLiteral("<p><i>%1</i></p>").arg(a.note.toHtmlEscaped());
        return tip;
    }
    }
    return {};
}

QVariant AnnotationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Quote:
        return tr("Quote");
    case Codes:
        return tr("Codes");
    case Coder:
        return tr("Coder");
    case Note:
        return tr("Note");
    }
    return {};
}
