#pragma once

#include <QWidget>

class FeedItemImporter;
class FeedItemModel;
class FeedTreeModel;
class FeedUpdater;
class ProjectSession;
class QAction;
class QLabel;
class QPlainTextEdit;
class QTableView;
class QTreeView;
struct ImportOutcome;

// The feed reader dock: folders and feeds with unread counts on top, the
// selected feed's items below, the current item's summary (plain text:
// feed HTML is never rendered, so nothing runs and nothing loads) at the
// bottom. Feeds refresh by hand and on a schedule; each feed shows its own
// error. "Add to Corpus" fetches and stores the selected items' pages.
class QUndoStack;

class FeedPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit FeedPanel(ProjectSession &store, QWidget *parent = nullptr);
    ~FeedPanel() override;

    QTreeView *feedView() const { return m_feeds; }
    QTableView *itemView() const { return m_items; }
    FeedTreeModel *feedModel() const { return m_feedModel; }
    FeedItemModel *itemModel() const { return m_itemModel; }
    FeedUpdater *updater() const { return m_updater; }
    FeedItemImporter *itemImporter() const { return m_importer; }
    QLabel *statusLabel() const { return m_status; }
    QList<QAction *> panelActions() const;
    // Subscribing and unsubscribing go on this stack (undoable).
    void setUndoStack(QUndoStack *undo) { m_undo = undo; }

    void selectFeed(qint64 feedId);
    // Subscribes to a feed or a site that announces one (folderId 0: top level).
    void subscribe(const QString &url, qint64 folderId = 0);
    void addSelectedToCorpus();
    void markSelectedRead(bool read = true);
    void refreshAll();
    bool importOpml(const QString &path);
    bool exportOpml(const QString &path);

Q_SIGNALS:
    // After "Add to Corpus": the first article stored (0 if none), and
    // every article it added.
    void articlesAdded(qint64 firstArticleId);
    void articlesImported(const QList<qint64> &articleIds);

private:
    void createActions();
    void reloadFeeds();
    void showItemsOfCurrentFeed();
    void showCurrentItem();
    void addFeedDialog();
    void addFolderDialog();
    void removeCurrent();
    void importOpmlDialog();
    void exportOpmlDialog();
    void onCorpusDone(const QList<ImportOutcome> &outcomes);
    qint64 currentFeedId() const;
    qint64 currentFolderId() const;
    QList<qint64> selectedItemIds() const;
    void setStatus(const QString &text);

    ProjectSession &m_session;
    QUndoStack *m_undo = nullptr;
    FeedUpdater *m_updater = nullptr;
    FeedItemImporter *m_importer = nullptr;
    FeedTreeModel *m_feedModel = nullptr;
    FeedItemModel *m_itemModel = nullptr;
    QTreeView *m_feeds = nullptr;
    QTableView *m_items = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_addFeedAction = nullptr;
    QAction *m_addFolderAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_markReadAction = nullptr;
    QAction *m_addToCorpusAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_importOpmlAction = nullptr;
    QAction *m_exportOpmlAction = nullptr;
    qint64 m_shownFeed = 0;
};
