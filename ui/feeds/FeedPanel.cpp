#include "feeds/FeedPanel.h"

#include "commands/FeedSubscriptionCommand.h"

#include "feeds/FeedItemModel.h"
#include "feeds/FeedTreeModel.h"
#include "shell/LiteralText.h"
#include "feeds/FeedItemImporter.h"
#include "feeds/FeedUpdater.h"
#include "feeds/OpmlFile.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "store/UnitOfWork.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

FeedPanel::FeedPanel(ProjectSession &store, QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_updater(new FeedUpdater(store, this))
    , m_importer(new FeedItemImporter(store, this))
    , m_feedModel(new FeedTreeModel(this))
    , m_itemModel(new FeedItemModel(this))
    , m_feeds(new QTreeView(this))
    , m_items(new QTableView(this))
    , m_summary(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("feedPanel"));
    m_status->setTextFormat(Qt::PlainText); // feed titles and errors as they are
    createActions();

    m_feeds->setObjectName(QStringLiteral("feedTree"));
    m_feeds->setAccessibleName(tr("Feeds"));
    m_feeds->setModel(m_feedModel);
    m_feeds->setHeaderHidden(true);
    m_feeds->setUniformRowHeights(true);
    m_feeds->setFrameShape(QFrame::NoFrame);
    m_feeds->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_feeds->addActions({m_refreshAction, m_addFeedAction, m_addFolderAction, m_removeAction});

    m_items->setObjectName(QStringLiteral("feedItems"));
    m_items->setAccessibleName(tr("Feed items"));
    m_items->setModel(m_itemModel);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setShowGrid(false);
    m_items->setWordWrap(false);
    m_items->setFrameShape(QFrame::NoFrame);
    m_items->verticalHeader()->hide();
    m_items->horizontalHeader()->setSectionResizeMode(FeedItemModel::Title, QHeaderView::Stretch);
    m_items->horizontalHeader()->setSectionResizeMode(FeedItemModel::Published,
                                                      QHeaderView::ResizeToContents);
    m_items->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_items->addActions({m_addToCorpusAction, m_markReadAction});

    m_summary->setObjectName(QStringLiteral("feedSummary"));
    m_summary->setAccessibleName(tr("Item summary"));
    m_summary->setReadOnly(true);
    m_summary->setFrameShape(QFrame::NoFrame);
    m_summary->setPlaceholderText(tr("Select an item to read its summary"));

    m_status->setObjectName(QStringLiteral("feedStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *toolbar = new QToolBar(this);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_addFeedAction);
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_addToCorpusAction);
    // The rest in a menu, so the dock stays narrow.
    auto *more = new QToolButton(toolbar);
    more->setObjectName(QStringLiteral("feedMoreButton"));
    more->setText(tr("More"));
    more->setAccessibleName(tr("More feed actions"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(more);
    menu->addActions({m_markReadAction, m_addFolderAction, m_removeAction});
    menu->addSeparator();
    menu->addActions({m_importOpmlAction, m_exportOpmlAction});
    more->setMenu(menu);
    toolbar->addWidget(more);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_feeds);
    splitter->addWidget(m_items);
    splitter->addWidget(m_summary);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_feeds->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FeedPanel::showItemsOfCurrentFeed);
    connect(m_items->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedPanel::showCurrentItem);
    connect(m_items, &QTableView::activated, this, &FeedPanel::addSelectedToCorpus);
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        using A = ChangeSet::Aggregate;
        if (changes.touches(A::Feed) || changes.touches(A::FeedFolder) || changes.touches(A::FeedItem))
            reloadFeeds();
    });
    connect(m_updater, &FeedUpdater::feedRefreshed, this,
            [this](qint64, int added, const QString &error) {
                setStatus(error.isEmpty() ? tr("%n new item(s)", nullptr, added) : error);
            });
    connect(m_updater, &FeedUpdater::subscribed, this, [this](qint64 feedId, const QString &error) {
        if (!error.isEmpty()) {
            setStatus(error);
            return;
        }
        setStatus(tr("Subscribed"));
        if (m_undo) {
            const auto feed = m_session.feeds().get(feedId);
            m_undo->push(new FeedSubscriptionCommand(m_session, FeedSubscriptionCommand::Kind::Subscribed,
                                                     feedId, feed ? feed->title : QString(),
                                                     [this](const QString &e) { setStatus(e); }));
        }
        selectFeed(feedId);
    });
    connect(m_importer, &FeedItemImporter::finished, this, &FeedPanel::onCorpusDone);

    reloadFeeds();
    if (!m_session.isReadOnly())
        m_updater->setScheduled(true);
    const bool writable = !m_session.isReadOnly();
    for (QAction *a : {m_addFeedAction, m_addFolderAction, m_refreshAction, m_markReadAction,
                       m_addToCorpusAction, m_removeAction, m_importOpmlAction})
        a->setEnabled(writable);
}

FeedPanel::~FeedPanel() = default;

void FeedPanel::createActions()
{
    const auto make = [this](const QString &text, const QString &name, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        return a;
    };
    m_addFeedAction = make(tr("Add Feed…"), QStringLiteral("addFeedAction"),
                           tr("Subscribe to an RSS or Atom feed, or a site that announces one"));
    connect(m_addFeedAction, &QAction::triggered, this, &FeedPanel::addFeedDialog);
    m_addFolderAction = make(tr("New Folder…"), QStringLiteral("addFeedFolderAction"),
                             tr("Group feeds in a folder"));
    connect(m_addFolderAction, &QAction::triggered, this, &FeedPanel::addFolderDialog);
    m_refreshAction
        = make(tr("Refresh"), QStringLiteral("refreshFeedsAction"), tr("Refresh all feeds (F5)"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshAction, &QAction::triggered, this, &FeedPanel::refreshAll);
    m_markReadAction = make(tr("Mark Read"), QStringLiteral("markFeedItemsReadAction"),
                            tr("Mark the selected items as read"));
    connect(m_markReadAction, &QAction::triggered, this, [this] { markSelectedRead(true); });
    m_addToCorpusAction
        = make(tr("Add to Corpus"), QStringLiteral("addToCorpusAction"),
               tr("Fetch the selected items' pages and store their main text as articles"));
    connect(m_addToCorpusAction, &QAction::triggered, this, &FeedPanel::addSelectedToCorpus);
    m_removeAction = make(tr("Remove"), QStringLiteral("removeFeedAction"),
                          tr("Unsubscribe from the feed, or remove the folder (its feeds stay)"));
    connect(m_removeAction, &QAction::triggered, this, &FeedPanel::removeCurrent);
    m_importOpmlAction = make(tr("Import OPML…"), QStringLiteral("importOpmlAction"),
                              tr("Subscribe to the feeds of an OPML file"));
    connect(m_importOpmlAction, &QAction::triggered, this, &FeedPanel::importOpmlDialog);
    m_exportOpmlAction = make(tr("Export OPML…"), QStringLiteral("exportOpmlAction"),
                              tr("Save the subscriptions as an OPML file"));
    connect(m_exportOpmlAction, &QAction::triggered, this, &FeedPanel::exportOpmlDialog);
    addActions({m_refreshAction});
}

QList<QAction *> FeedPanel::panelActions() const
{
    return {m_addFeedAction,     m_addFolderAction, m_refreshAction,    m_markReadAction,
            m_addToCorpusAction, m_removeAction,    m_importOpmlAction, m_exportOpmlAction};
}

void FeedPanel::setStatus(const QString &text)
{
    m_status->setText(text);
}

void FeedPanel::reloadFeeds()
{
    const qint64 feed = currentFeedId();
    const qint64 folder = currentFolderId();
    try {
        m_feedModel->reload(m_session.feeds().folders(), m_session.feeds().all());
    } catch (const ProjectError &e) {
        setStatus(e.message());
        return;
    }
    m_feeds->expandAll();
    const QModelIndex again
        = feed ? m_feedModel->indexOfFeed(feed) : m_feedModel->indexOfFolder(folder);
    if (again.isValid()) {
        const QSignalBlocker block(m_feeds->selectionModel());
        m_feeds->selectionModel()->setCurrentIndex(again, QItemSelectionModel::ClearAndSelect);
    }
    // Keep the item list where it is; only its read marks change.
    QList<qint64> selected = selectedItemIds();
    const qint64 current = m_items->currentIndex().data(FeedItemModel::ItemIdRole).toLongLong();
    if (m_shownFeed && feed == m_shownFeed) {
        try {
            m_itemModel->setItems(m_session.feeds().items(feed));
        } catch (const ProjectError &e) {
            setStatus(e.message());
        }
        const QSignalBlocker block(m_items->selectionModel());
        for (int row = 0; row < m_itemModel->rowCount(); ++row) {
            const QModelIndex index = m_itemModel->index(row, 0);
            const qint64 id = index.data(FeedItemModel::ItemIdRole).toLongLong();
            if (selected.contains(id))
                m_items->selectionModel()->select(
                    index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            if (id == current)
                m_items->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        }
    } else if (!feed) {
        m_shownFeed = 0;
        m_itemModel->setItems({});
    }
}

void FeedPanel::showItemsOfCurrentFeed()
{
    const qint64 feed = currentFeedId();
    m_shownFeed = feed;
    m_summary->clear();
    try {
        m_itemModel->setItems(feed ? m_session.feeds().items(feed) : QList<FeedItem> {});
        if (feed) {
            const auto f = m_session.feeds().get(feed);
            setStatus(f && !f->lastError.isEmpty() ? f->lastError : QString());
        }
    } catch (const ProjectError &e) {
        setStatus(e.message());
    }
}

void FeedPanel::showCurrentItem()
{
    const FeedItem *item = m_itemModel->item(m_items->currentIndex());
    if (!item) {
        m_summary->clear();
        return;
    }
    QString text = item->title + QStringLiteral("\n");
    if (!item->author.isEmpty())
        text += item->author + QStringLiteral(" · ");
    text += m_itemModel->index(m_items->currentIndex().row(), FeedItemModel::Published)
                .data()
                .toString();
    text += QStringLiteral("\n") + item->url + QStringLiteral("\n\n") + item->summary;
    m_summary->setPlainText(text);
    if (!item->read && !m_session.isReadOnly()) {
        const qint64 id = item->id;
        try {
            m_session.feeds().setItemsRead({id}, true);
        } catch (const ProjectError &e) {
            setStatus(e.message());
        }
    }
}

qint64 FeedPanel::currentFeedId() const
{
    return m_feeds->currentIndex().data(FeedTreeModel::FeedIdRole).toLongLong();
}

qint64 FeedPanel::currentFolderId() const
{
    const QModelIndex index = m_feeds->currentIndex();
    if (const qint64 folder = index.data(FeedTreeModel::FolderIdRole).toLongLong())
        return folder;
    return index.parent().data(FeedTreeModel::FolderIdRole).toLongLong();
}

QList<qint64> FeedPanel::selectedItemIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_items->selectionModel()->selectedRows())
        ids << index.data(FeedItemModel::ItemIdRole).toLongLong();
    return ids;
}

void FeedPanel::selectFeed(qint64 feedId)
{
    const QModelIndex index = m_feedModel->indexOfFeed(feedId);
    if (index.isValid())
        m_feeds->setCurrentIndex(index);
}

void FeedPanel::subscribe(const QString &url, qint64 folderId)
{
    const QUrl parsed = QUrl::fromUserInput(url.trimmed());
    setStatus(tr("Subscribing to %1…").arg(parsed.toDisplayString()));
    m_updater->subscribe(parsed, folderId);
}

void FeedPanel::refreshAll()
{
    setStatus(tr("Refreshing feeds…"));
    m_updater->refresh();
}

void FeedPanel::markSelectedRead(bool read)
{
    const QList<qint64> ids = selectedItemIds();
    if (ids.isEmpty())
        return;
    try {
        m_session.feeds().setItemsRead(ids, read);
    } catch (const ProjectError &e) {
        setStatus(e.message());
    }
}

void FeedPanel::addSelectedToCorpus()
{
    const QList<qint64> ids = selectedItemIds();
    if (ids.isEmpty() || m_session.isReadOnly())
        return;
    setStatus(tr("Fetching %n page(s)…", nullptr, int(ids.size())));
    m_importer->add(ids);
}

void FeedPanel::onCorpusDone(const QList<ImportOutcome> &outcomes)
{
    int imported = 0, duplicates = 0;
    QStringList failures;
    qint64 first = 0;
    QList<qint64> added;
    for (const ImportOutcome &o : outcomes) {
        if (o.status == ImportOutcome::Status::Failed) {
            failures << o.message;
            continue;
        }
        if (o.status == ImportOutcome::Status::Imported)
            added.append(o.articleId);
        if (!first)
            first = o.articleId;
        (o.status == ImportOutcome::Status::Imported ? imported : duplicates) += 1;
    }
    QString text = tr("Added %n article(s) to the corpus", nullptr, imported);
    if (duplicates)
        text += tr(", %n already there", nullptr, duplicates);
    if (!failures.isEmpty())
        text += tr(", %n failed:\n", nullptr, int(failures.size()))
            + failures.join(QLatin1Char('\n'));
    setStatus(text);
    Q_EMIT articlesImported(added);
    Q_EMIT articlesAdded(first);
}

void FeedPanel::addFeedDialog()
{
    bool ok = false;
    const QString url = QInputDialog::getText(
        this, tr("Add Feed"), tr("Feed or site address (RSS, Atom, or a page that links a feed):"),
        QLineEdit::Normal, QString(), &ok);
    if (ok && !url.trimmed().isEmpty())
        subscribe(url, currentFolderId());
}

void FeedPanel::addFolderDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Folder"), tr("Folder name:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    try {
        UnitOfWork unit(m_session.database());
        const qint64 folder = m_session.feeds().ensureFolder(name);
        // A selected feed moves into the new folder, as readers expect.
        if (const qint64 feed = currentFeedId())
            m_session.feeds().move(feed, folder);
        unit.commit();
    } catch (const ProjectError &e) {
        setStatus(e.message());
    }
}

void FeedPanel::removeCurrent()
{
    const qint64 feed = currentFeedId();
    const qint64 folder = m_feeds->currentIndex().data(FeedTreeModel::FolderIdRole).toLongLong();
    if (!feed && !folder)
        return;
    const QString name = m_feeds->currentIndex().data().toString();
    const auto answer = QMessageBox::question(
        this, tr("Remove"),
        LiteralText::html(
            feed ? tr("Unsubscribe from “%1”? Its items go; articles already added to the corpus "
                      "stay. Edit ▸ Undo subscribes again.")
                       .arg(name)
                 : tr("Remove the folder “%1”? Its feeds move to the top level.").arg(name)));
    if (answer != QMessageBox::Yes)
        return;
    try {
        if (feed && m_undo)
            m_undo->push(new FeedSubscriptionCommand(m_session, FeedSubscriptionCommand::Kind::Unsubscribe,
                                                     feed, name, [this](const QString &e) { setStatus(e); }));
        else if (feed)
            m_session.feeds().remove(feed);
        else
            m_session.feeds().removeFolder(folder);
    } catch (const ProjectError &e) {
        setStatus(e.message());
    }
}

bool FeedPanel::importOpml(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(
            tr("%1: cannot be read (%2)").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const auto read = OpmlFile::read(file.read(16 * 1024 * 1024));
    if (const auto *error = std::get_if<QString>(&read)) {
        setStatus(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), *error));
        return false;
    }
    int added = 0;
    try {
        // The whole list or nothing: a failure halfway leaves no half import.
        UnitOfWork unit(m_session.database());
        for (const OpmlEntry &e : std::get<QList<OpmlEntry>>(read)) {
            Feed feed;
            feed.url = e.url;
            feed.title = e.title;
            feed.siteUrl = e.siteUrl;
            feed.folderId = e.folder.isEmpty() ? 0 : m_session.feeds().ensureFolder(e.folder);
            if (!m_session.feeds().byUrl(e.url)) {
                m_session.feeds().add(feed);
                ++added;
            }
        }
        unit.commit();
    } catch (const ProjectError &e) {
        setStatus(e.message());
        return false;
    }
    setStatus(tr("Imported %n feed(s); refreshing…", nullptr, added));
    m_updater->refreshDue();
    return true;
}

bool FeedPanel::exportOpml(const QString &path)
{
    QSaveFile file(path);
    try {
        if (file.open(QIODevice::WriteOnly)
            && file.write(OpmlFile::write(m_session.feeds().folders(), m_session.feeds().all())) >= 0
            && file.commit()) {
            setStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
            return true;
        }
    } catch (const ProjectError &e) {
        setStatus(e.message());
        return false;
    }
    setStatus(tr("%1: cannot write (%2)").arg(QDir::toNativeSeparators(path), file.errorString()));
    return false;
}

void FeedPanel::importOpmlDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import OPML"), QString(), tr("OPML files (*.opml *.xml);;All files (*)"));
    if (!path.isEmpty())
        importOpml(path);
}

void FeedPanel::exportOpmlDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export OPML"), QStringLiteral("feeds.opml"), tr("OPML files (*.opml)"));
    if (!path.isEmpty())
        exportOpml(path);
}
