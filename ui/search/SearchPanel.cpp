#include "search/SearchPanel.h"

#include "search/SearchHitDelegate.h"
#include "search/SearchResultModel.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/SearchTerms.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

SearchPanel::SearchPanel(ProjectSession &store, QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_model(new SearchResultModel(this))
    , m_edit(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_indexing(new QLabel(this))
    , m_view(new QListView(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("searchPanel"));

    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("Search all articles…"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Search all articles"));
    m_edit->setToolTip(tr("Finds articles containing every word, in title or text, in any case and "
                          "with or without accents. End a word with * to match its beginning "
                          "(Ctrl+Shift+F)."));
    m_edit->installEventFilter(this);

    m_count->setObjectName(QStringLiteral("searchCount"));
    m_count->setTextFormat(Qt::PlainText); // echoes the query and errors as typed
    m_count->setWordWrap(true);
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_indexing->setObjectName(QStringLiteral("searchIndexingNotice"));
    m_indexing->setWordWrap(true);
    m_indexing->setForegroundRole(QPalette::PlaceholderText);
    m_indexing->hide();

    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setAccessibleName(tr("Search results"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SearchHitDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->installEventFilter(this);

    // Typing searches after a pause, so each keystroke does not query.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SearchPanel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SearchPanel::onCurrentChanged);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT hitActivated(index.data(SearchResultModel::ArticleIdRole).toLongLong(), m_query,
                            index.data(SearchResultModel::SnippetRole).toString());
    });
    // Added, removed or renamed articles change both the hits and the
    // number still waiting for the index.
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Aggregate::Article))
            refresh();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_edit);
    layout->addWidget(m_count);
    layout->addWidget(m_indexing);
    layout->addWidget(m_view, 1);
    setTabOrder(m_edit, m_view);
    updateIndexingNotice();
}

void SearchPanel::focusSearch()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchPanel::refresh()
{
    run(m_edit->text());
}

void SearchPanel::run(const QString &query)
{
    m_debounce->stop();
    QList<ArticleSearchHit> hits;
    QString error;
    if (!SearchTerms::parse(query).isEmpty()) {
        try {
            hits = m_session.articles().search(query, limit + 1); // one more tells there are more
        } catch (const ProjectError &e) {
            error = e.message();
        }
    }
    const bool more = hits.size() > limit;
    if (more)
        hits.resize(limit);

    // The same query again (the index grew): keep the user's place quietly.
    const qint64 current = query == m_query
        ? m_view->currentIndex().data(SearchResultModel::ArticleIdRole).toLongLong()
        : 0;
    m_query = query;
    m_quiet = true;
    m_model->setHits(hits);
    if (const int row = m_model->rowOf(current); current && row >= 0) {
        const QModelIndex index = m_model->index(row);
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_view->scrollTo(index);
    }
    m_quiet = false;

    if (error.isEmpty()) {
        showCount(query, int(hits.size()), more);
    } else {
        m_count->setText(error);
        m_count->show();
    }
    updateIndexingNotice();
}

void SearchPanel::showCount(const QString &query, int hits, bool more)
{
    if (query.trimmed().isEmpty())
        m_count->clear();
    else if (hits == 0)
        m_count->setText(tr("No article matches “%1”").arg(query.simplified()));
    else if (more)
        m_count->setText(tr("Showing the first %1 — refine the search").arg(limit));
    else
        m_count->setText(hits == 1 ? tr("1 article")
                                   : tr("%1 articles").arg(QLocale().toString(hits)));
    m_count->setVisible(!m_count->text().isEmpty());
}

void SearchPanel::updateIndexingNotice()
{
    int waiting = 0;
    try {
        waiting = m_session.articles().unindexedCount();
    } catch (const ProjectError &) {
        waiting = 0; // a broken count must not hide the hits; search reports errors
    }
    if (waiting == 1)
        m_indexing->setText(tr("1 recently added article is still being indexed"));
    else
        m_indexing->setText(tr("%1 recently added articles are still being indexed")
                                .arg(QLocale().toString(waiting)));
    m_indexing->setToolTip(
        tr("Articles are indexed for search in the background a few seconds after "
           "they are added; until then search does not find them."));
    m_indexing->setVisible(waiting > 0);
}

void SearchPanel::onCurrentChanged()
{
    if (m_quiet)
        return;
    const QModelIndex index = m_view->currentIndex();
    if (const qint64 id = index.data(SearchResultModel::ArticleIdRole).toLongLong())
        Q_EMIT hitSelected(id, m_query, index.data(SearchResultModel::SnippetRole).toString());
}

void SearchPanel::enterResults()
{
    m_view->setFocus(Qt::TabFocusReason);
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(m_model->index(0),
                                                  QItemSelectionModel::ClearAndSelect);
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    // Enter searches at once; it and Down move on to the hits, so the
    // whole search works from the keyboard.
    if (watched == m_edit && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        if (m_debounce->isActive() || m_edit->text() != m_query)
            refresh();
        if (m_model->rowCount() > 0)
            enterResults();
        return true;
    }
    if (watched == m_edit && key == Qt::Key_Down) {
        if (m_debounce->isActive())
            refresh();
        if (m_model->rowCount() > 0)
            enterResults();
        return true;
    }
    // Up from the first hit goes back to the query.
    if (watched == m_view && key == Qt::Key_Up && m_view->currentIndex().row() <= 0) {
        focusSearch();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
