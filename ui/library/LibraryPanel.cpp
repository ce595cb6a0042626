#include "library/LibraryPanel.h"

#include "library/LibraryFilterProxy.h"
#include "library/LibraryModel.h"

#include <QAction>
#include <QDate>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

LibraryPanel::LibraryPanel(ProjectSession &store, QWidget *parent)
    : QWidget(parent)
    , m_model(new LibraryModel(store, this))
    , m_proxy(new LibraryFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("libraryPanel"));
    m_proxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("libraryFilter"));
    m_filter->setPlaceholderText(tr("Filter articles…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter articles"));
    m_filter->setToolTip(tr("Show only articles whose title or outlet contains this text (Ctrl+L)"));
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LibraryFilterProxy::setFilterText);

    m_view->setObjectName(QStringLiteral("libraryView"));
    m_view->setAccessibleName(tr("Articles"));
    m_view->setModel(m_proxy);
    // Import order until the user sorts. The indicator must say so before
    // sorting is enabled, which otherwise sorts every row by title first.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows can be chosen (to delete them); moving the current row
    // still opens one article.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(LibraryModel::Title, QHeaderView::Stretch);
    header->setSectionResizeMode(LibraryModel::Outlet, QHeaderView::Interactive);
    // Sized by fitDateColumn(): ResizeToContents would measure rows on every
    // layout pass, as for the counts below.
    header->setSectionResizeMode(LibraryModel::Published, QHeaderView::Interactive);
    // Sized by fitCountColumn(), not by ResizeToContents.
    header->setSectionResizeMode(LibraryModel::Annotations, QHeaderView::Fixed);
    header->resizeSection(LibraryModel::Outlet, 80);
    header->setMinimumSectionSize(36);
    // Titles shrink (elided) rather than the table growing sideways.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LibraryPanel::onCurrentChanged);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(LibraryModel::ArticleIdRole).toLongLong())
            Q_EMIT articleActivated(id);
    });

    connect(m_model, &QAbstractItemModel::modelReset, this, &LibraryPanel::updateColumns);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LibraryPanel::updateColumns);
    updateColumns();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    setTabOrder(m_filter, m_view);
}

void LibraryPanel::onCurrentChanged()
{
    if (m_quiet)
        return;
    const QModelIndex current = m_view->currentIndex();
    if (const qint64 id = current.data(LibraryModel::ArticleIdRole).toLongLong())
        Q_EMIT articleSelected(id);
}

void LibraryPanel::selectArticle(qint64 articleId)
{
    const int row = m_model->rowOf(articleId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_quiet = true;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_quiet = false;
}

void LibraryPanel::updateColumns()
{
    // Columns nobody filled in only take width from the titles.
    for (int column : {int(LibraryModel::Outlet), int(LibraryModel::Published)})
        m_view->setColumnHidden(column, m_model->columnIsEmpty(column));
    fitCountColumn();
    fitDateColumn();
}

void LibraryPanel::fitDateColumn()
{
    // Dates are shown in the locale's short format, all about as wide as
    // the widest one of them; a date kept as found is elided (its row's
    // tooltip and the reader show it whole), and the column can be widened.
    m_view->ensurePolished();
    const QString widest = QLocale().toString(QDate(2000, 12, 28), QLocale::ShortFormat);
    const int margin = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 12;
    QHeaderView *header = m_view->horizontalHeader();
    const int width = std::max(header->sectionSizeHint(LibraryModel::Published),
                               m_view->fontMetrics().horizontalAdvance(widest) + margin);
    header->resizeSection(LibraryModel::Published,
                          std::clamp(width, header->minimumSectionSize(), header->maximumSectionSize()));
}

void LibraryPanel::fitCountColumn()
{
    // Fits the widest count, which is the largest: measured once per change
    // of the counts. ResizeToContents measured up to a thousand rows on
    // every layout pass, and the window's first show makes about ten.
    m_view->ensurePolished(); // the fonts and style to measure with
    QHeaderView *header = m_view->horizontalHeader();
    int width = header->sectionSizeHint(LibraryModel::Annotations);
    if (const int row = m_model->mostAnnotatedRow(); row >= 0) {
        const QModelIndex index
            = m_proxy->mapFromSource(m_model->index(row, LibraryModel::Annotations));
        if (!index.isValid())
            return; // filtered out: keep the width it was given
        width = std::max(width, m_view->sizeHintForIndex(index).width());
    }
    header->resizeSection(
        LibraryModel::Annotations,
        std::clamp(width, header->minimumSectionSize(), header->maximumSectionSize()));
}

qint64 LibraryPanel::firstArticleId() const
{
    return m_proxy->index(0, 0).data(LibraryModel::ArticleIdRole).toLongLong();
}

void LibraryPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void LibraryPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        fitCountColumn();
        fitDateColumn();
    }
}

bool LibraryPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Down or Enter in the filter box moves on to the list, so the whole
    // library works from the keyboard.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_view->setFocus(Qt::TabFocusReason);
            if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0) {
                m_view->selectionModel()->setCurrentIndex(
                    m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QList<qint64> LibraryPanel::selectedArticleIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids.append(row.data(LibraryModel::ArticleIdRole).toLongLong());
    return ids;
}
