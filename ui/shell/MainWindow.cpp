#include "shell/MainWindow.h"

#include "agreement/AgreementWindow.h"
#include "agreement/GoldComparisonWindow.h"
#include "reader/GoldOverlay.h"
#include "commands/AddAnnotationCommand.h"
#include "annotating/AnnotatingController.h"
#include "library/ArticleActions.h"
#include "reader/AnnotationHighlighter.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "codebook/CodebookActions.h"
#include "codebook/CodebookPanel.h"
#include "coders/CoderVisibilityActions.h"
#include "coders/MergeDialog.h"
#include "shell/CopyProjectFlow.h"
#include "shell/ServerLogin.h"
#include "shell/KeyboardShortcutsDialog.h"
#include "library/LibraryPanel.h"
#include "feeds/FeedPanel.h"
#include "library/ImportProgress.h"
#include "shell/LiteralText.h"
#include "memos/MemoPanel.h"
#include "library/WebImportActions.h"
#include "reader/ReaderFilterMenus.h"
#include "reader/ReaderSearchMatch.h"
#include "reader/ReaderView.h"
#include "search/SearchIndexStatus.h"
#include "analysis/CodeMatrixPanel.h"
#include "analysis/CodedSegmentsPanel.h"
#include "analysis/NetworkPanel.h"
#include "search/SearchPanel.h"
#include "search/SearchResultModel.h"
#include "shell/ThemeSettings.h"
#include "shell/ConnectionBanner.h"
#include "commands/RemoveAnnotationCommand.h"
#include "console/SqlConsole.h"
#include "lens/LensToolBar.h"
#include "lens/ReadingLens.h"
#include "import/ArticleImporter.h"
#include "exchange/ExchangeDialog.h"
#include "project/CodebookFile.h"
#include "base/ProjectError.h"
#include "store/PostgresLocation.h"
#include "store/ServerKeyring.h"
#include "store/ServerPasswords.h"
#include "store/ProjectLocation.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QLineEdit>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QTextCursor>
#include <QVBoxLayout>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QTimer>
#include <QUndoStack>

namespace {
QString projectFilter()
{
    return QCoreApplication::translate("MainWindow", "Framewise projects (*.framewise);;All files (*)");
}
} // namespace

MainWindow::MainWindow(std::unique_ptr<ProjectSession> store, QWidget *parent)
    : MainWindow(std::move(store), Options{}, parent)
{
}

MainWindow::MainWindow(std::unique_ptr<ProjectSession> store, Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_undo(new QUndoStack(this))
    , m_reader(new ReaderView(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_reader->setObjectName(QStringLiteral("reader"));
    m_reader->setAccessibleName(tr("Article reader"));
    // The banner about a team project's server sits above the reader.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    m_banner = new ConnectionBanner(centre);
    centreLayout->addWidget(m_banner);
    centreLayout->addWidget(m_reader, 1);
    setCentralWidget(centre);

    createActions();
    createDocks();
    m_annotating = new AnnotatingController(*this);
    m_codebookActions = new CodebookActions(this);
    m_webImport = new WebImportActions(*this);
    m_articleActions = new ArticleActions(*m_undo, this, commandErrorHandler());
    m_coderView = new CoderVisibilityActions(*m_undo, commandErrorHandler(), this);
    connect(m_coderView, &CoderVisibilityActions::visibilityChanged, this, &MainWindow::applyVisibility);
    createMenus();
    createStatusBar();

    m_session = std::move(store);
    attachStore();

    resize(1400, 860);
    resizeDocks({m_libraryDock, m_codebookDock}, {320, 340}, Qt::Horizontal);
    resizeDocks({m_codebookDock, m_annotationDock}, {400, 400}, Qt::Vertical);
    if (m_options.persistLayout) {
        QSettings settings;
        restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    }
}

MainWindow::~MainWindow()
{
    // Panels watch the store; take them down before it goes.
    m_undo->clear();
    detachStore();
}

void MainWindow::createActions()
{
    m_openAction = new QAction(tr("&Open Project…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openProjectDialog);

    m_openServerAction = new QAction(tr("Open &Server Project…"), this);
    m_openServerAction->setObjectName(QStringLiteral("openServerProjectAction"));
    m_openServerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openServerAction->setStatusTip(tr("Open a team project on a PostgreSQL server"));
    connect(m_openServerAction, &QAction::triggered, this, &MainWindow::openServerProjectDialog);

    m_newAction = new QAction(tr("&New Project…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProjectDialog);

    m_importFilesAction = new QAction(tr("&Import Files…"), this);
    m_importFilesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_importFilesAction, &QAction::triggered, this, &MainWindow::importFilesDialog);

    m_importFolderAction = new QAction(tr("Import &Folder…"), this);
    m_importFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_importFolderAction, &QAction::triggered, this, &MainWindow::importFolderDialog);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_deleteAction = new QAction(tr("&Delete Annotation"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelectedAnnotation);

    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(m_zoomInAction, &QAction::triggered, m_reader, &ReaderView::zoomIn);
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_reader, &ReaderView::zoomOut);
    m_zoomResetAction = new QAction(tr("&Actual Size"), this);
    m_zoomResetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoomResetAction, &QAction::triggered, m_reader, &ReaderView::resetZoom);

    m_focusFilterAction = new QAction(tr("Filter &Library"), this);
    m_focusFilterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusFilterAction, &QAction::triggered, this, [this] {
        m_libraryDock->show();
        m_libraryDock->raise();
        m_library->focusFilter();
    });
    m_searchAction = new QAction(tr("&Search All Articles…"), this);
    m_searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_searchAction, &QAction::triggered, this, [this] {
        m_searchDock->show();
        m_searchDock->raise();
        m_search->focusSearch();
    });
    m_focusReaderAction = new QAction(tr("Go to &Reader"), this);
    m_focusReaderAction->setShortcuts({QKeySequence(Qt::Key_F6), QKeySequence(Qt::CTRL | Qt::Key_R)});
    connect(m_focusReaderAction, &QAction::triggered, this, &MainWindow::focusReader);
    m_focusCodebookAction = new QAction(tr("Go to &Codebook"), this);
    m_focusCodebookAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_focusCodebookAction, &QAction::triggered, this, [this] {
        m_codebookDock->show();
        m_codebookDock->raise();
        m_codebook->view()->setFocus(Qt::ShortcutFocusReason);
    });
    m_focusAnnotationsAction = new QAction(tr("Go to A&nnotations"), this);
    m_focusAnnotationsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_focusAnnotationsAction, &QAction::triggered, this, [this] {
        m_annotationDock->show();
        m_annotationDock->raise();
        m_annotations->view()->setFocus(Qt::ShortcutFocusReason);
    });

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_aboutAction = new QAction(tr("&About Framewise"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Window-wide shortcuts, so they work whichever panel has focus.
    for (QAction *action : {m_undoAction, m_redoAction, m_deleteAction, m_zoomInAction, m_zoomOutAction,
                            m_zoomResetAction, m_focusFilterAction, m_searchAction, m_focusReaderAction,
                            m_focusCodebookAction, m_focusAnnotationsAction, m_shortcutsAction})
        addAction(action);
}

void MainWindow::createDocks()
{
    const auto makeDock = [this](const QString &title, const QString &name) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                          | QDockWidget::DockWidgetFloatable);
        return dock;
    };
    m_libraryDock = makeDock(tr("Library"), QStringLiteral("libraryDock"));
    m_codebookDock = makeDock(tr("Codebook"), QStringLiteral("codebookDock"));
    m_annotationDock = makeDock(tr("Annotations"), QStringLiteral("annotationDock"));
    addDockWidget(Qt::LeftDockWidgetArea, m_libraryDock);
    addDockWidget(Qt::RightDockWidgetArea, m_codebookDock);
    addDockWidget(Qt::RightDockWidgetArea, m_annotationDock);
    splitDockWidget(m_codebookDock, m_annotationDock, Qt::Vertical);
    m_memoDock = makeDock(tr("Memos"), QStringLiteral("memoDock"));
    tabifyDockWidget(m_annotationDock, m_memoDock);
    m_feedDock = makeDock(tr("Feeds"), QStringLiteral("feedDock"));
    tabifyDockWidget(m_libraryDock, m_feedDock);
    m_searchDock = makeDock(tr("Search"), QStringLiteral("searchDock"));
    tabifyDockWidget(m_libraryDock, m_searchDock);
    m_libraryDock->raise();
    m_annotationDock->raise();
    // The SQL console: below the reader, out of the way until asked for.
    m_consoleDock = makeDock(tr("SQL Console"), QStringLiteral("sqlConsoleDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_consoleDock);
    m_consoleDock->hide();
    // Coded segments (retrieval): below the reader too, until asked for.
    m_segmentsDock = makeDock(tr("Coded Segments"), QStringLiteral("codedSegmentsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_segmentsDock);
    m_segmentsDock->hide();
    m_matrixDock = makeDock(tr("Code Matrix"), QStringLiteral("codeMatrixDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_matrixDock);
    m_matrixDock->hide();
    connect(m_matrixDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            codeMatrixPanel();
    });
    m_networkDock = makeDock(tr("Actor Network"), QStringLiteral("actorNetworkDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_networkDock);
    m_networkDock->hide();
    connect(m_networkDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            networkPanel();
    });
    // The console itself is built the first time its dock shows.
    connect(m_consoleDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            sqlConsole();
    });

}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openServerAction);
    file->addAction(m_newAction);
    file->addSeparator();
    file->addAction(m_importFilesAction);
    file->addAction(m_importFolderAction);
    file->addAction(m_webImport->importUrlAction());
    file->addSeparator();
    // Coded data in and out: PTC, REFI-QDA, W3C Web Annotation, CSV, JSONL.
    QAction *exchangeImport = file->addAction(tr("&Import…"), this, [this] {
        ExchangeDialog dialog(*m_session, ExchangeDialog::Mode::Import, this);
        dialog.exec();
    });
    exchangeImport->setObjectName(QStringLiteral("exchangeImport"));
    QAction *exchangeExport = file->addAction(tr("E&xport…"), this, [this] {
        ExchangeDialog dialog(*m_session, ExchangeDialog::Mode::Export, this);
        dialog.exec();
    });
    exchangeExport->setObjectName(QStringLiteral("exchangeExport"));
    file->addSeparator();
    // Other coders' copies of this project, as `framewise merge` does.
    m_mergeAction = file->addAction(tr("&Merge Coders' Projects…"), this, &MainWindow::mergeProjectsDialog);
    m_mergeAction->setObjectName(QStringLiteral("mergeProjectsAction"));
    // The whole project into a new file or an empty server database, as
    // `framewise copy` does; this one stays open.
    QAction *copyAction = file->addAction(tr("Copy Project &To…"), this, [this] {
        try {
            const QString destination = CopyProjectFlow::askDestination(this, m_session->path());
            if (destination.isEmpty())
                return;
            QString done;
            if (ServerLogin::run(this, [&] {
                    done = CopyProjectFlow::copy(this, m_session->path(), destination);
                }))
                statusBar()->showMessage(done, 15000);
        } catch (const ProjectError &e) {
            showError(e.message());
        }
    });
    copyAction->setObjectName(QStringLiteral("copyProjectAction"));
    // The keyring's password of the open team project (saved when asked
    // for it, or by `framewise password remember`).
    QAction *forgetPassword = file->addAction(tr("&Forget Saved Password"), this, [this] {
        const QString url = m_session->path();
        if (!m_session->database().isServer())
            return;
        try {
            const bool removed = ServerPasswords::forget(url);
            statusBar()->showMessage(
                removed ? tr("Removed the saved password of %1 from the desktop keyring")
                              .arg(ServerKeyring::key(url))
                        : tr("The desktop keyring holds no password of %1")
                              .arg(ServerKeyring::key(url)),
                15000);
        } catch (const ProjectError &e) {
            showError(e.message());
        }
    });
    forgetPassword->setObjectName(QStringLiteral("forgetServerPassword"));
    forgetPassword->setStatusTip(
        tr("Remove the open team project's password from the desktop keyring"));
    connect(file, &QMenu::aboutToShow, this, [this, forgetPassword] {
        forgetPassword->setEnabled(m_session->database().isServer());
    });
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *article = menuBar()->addMenu(tr("&Article"));
    article->addAction(m_articleActions->reextractAction());
    article->addSeparator();
    article->addAction(m_articleActions->deleteAction());

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    m_codeMenu = edit->addMenu(tr("Apply &Code"));
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    QAction *coder = edit->addAction(tr("Switch C&oder…"), this, &MainWindow::chooseCoder);
    coder->setObjectName(QStringLiteral("switchCoderAction"));
    edit->addAction(m_coderView->blindCodingAction());
    m_agreementAction = edit->addAction(tr("Inter-coder &Agreement…"), this, &MainWindow::showAgreement);
    m_agreementAction->setObjectName(QStringLiteral("agreementAction"));
    QAction *gold = edit->addAction(tr("Compare with &Gold…"), this, &MainWindow::showGoldComparison);
    gold->setObjectName(QStringLiteral("goldAction"));

    menuBar()->addMenu(m_annotating->menu());
    menuBar()->addMenu(m_codebookActions->menu());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomResetAction);
    view->addSeparator();
    // Reader navigation, highlight filters and theme (ReaderView owns the
    // actions; their shortcuts work window-wide).
    view->addAction(m_reader->findAction());
    view->addAction(m_searchAction);
    view->addAction(m_reader->nextAnnotationAction());
    view->addAction(m_reader->previousAnnotationAction());
    QMenu *showCategories = view->addMenu(tr("Show &Categories"));
    showCategories->setObjectName(QStringLiteral("showCategoriesMenu"));
    new ReaderFilterMenus(m_reader, [this] { return m_session.get(); }, showCategories, this);
    view->addMenu(m_coderView->menu());
    ThemeSettings::populateMenu(view->addMenu(tr("&Theme")));
    view->addSeparator();
    view->addAction(m_focusFilterAction);
    view->addAction(m_focusReaderAction);
    view->addAction(m_focusCodebookAction);
    view->addAction(m_focusAnnotationsAction);
    view->addSeparator();
    for (QDockWidget *dock :
         {m_libraryDock, m_searchDock, m_codebookDock, m_annotationDock, m_memoDock, m_feedDock})
        view->addAction(dock->toggleViewAction());
    m_consoleDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Q));
    view->addAction(m_consoleDock->toggleViewAction());
    m_segmentsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G));
    view->addAction(m_segmentsDock->toggleViewAction());
    m_matrixDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_X));
    view->addAction(m_matrixDock->toggleViewAction());
    m_networkDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    view->addAction(m_networkDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addAction(m_aboutAction);
}

void MainWindow::createStatusBar()
{
    m_projectLabel = new QLabel(this);
    m_projectLabel->setObjectName(QStringLiteral("projectLabel"));
    m_coderLabel = new QLabel(this);
    m_coderLabel->setObjectName(QStringLiteral("coderLabel"));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    // File and coder names are shown as they are, never read as rich text.
    for (QLabel *label : {m_projectLabel, m_coderLabel, m_countsLabel})
        label->setTextFormat(Qt::PlainText);
    m_readOnlyBadge = new QLabel(tr("Read-only"), this);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnlyBadge->setToolTip(tr("This project file cannot be written; coding is disabled."));
    m_readOnlyBadge->setStyleSheet(QStringLiteral(
        "QLabel { background: #f4e3c1; color: #6b4a10; border: 1px solid #e2c891;"
        " border-radius: 8px; padding: 0px 8px; font-weight: 600; }"));
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_coderLabel);
    statusBar()->addPermanentWidget(m_coderView->badge());
    statusBar()->addPermanentWidget(m_projectLabel);
    statusBar()->addPermanentWidget(m_readOnlyBadge);
    for (QLabel *label : {m_countsLabel, m_coderLabel, m_projectLabel})
        label->setContentsMargins(8, 0, 8, 0);
}

void MainWindow::attachStore()
{
    m_library = new LibraryPanel(*m_session, m_libraryDock);
    m_codebook = new CodebookPanel(*m_session, m_codebookDock);
    m_annotations = new AnnotationPanel(*m_session, m_annotationDock);
    m_libraryDock->setWidget(m_library);
    m_codebookDock->setWidget(m_codebook);
    m_codebook->enableEditing(m_undo);
    m_codebook->addContextAction(m_codebookActions->addCodeMemoAction());
    m_memos = new MemoPanel(*m_session, m_undo, m_memoDock);
    m_memoDock->setWidget(m_memos);
    m_feeds = new FeedPanel(*m_session, m_feedDock);
    m_feeds->setUndoStack(m_undo);
    connect(m_feeds, &FeedPanel::articlesImported, m_articleActions, &ArticleActions::recordImport);
    m_feedDock->setWidget(m_feeds);
    connect(m_feeds, &FeedPanel::articlesAdded, this, [this](qint64 id) {
        if (id)
            openArticle(id);
    });
    m_library->addAction(m_webImport->pasteAction());
    m_library->view()->addAction(m_articleActions->deleteAction());
    m_articleActions->setSession(m_session.get());
    const QString coder = QSettings().value(QStringLiteral("coder/name")).toString();
    if (!coder.trimmed().isEmpty())
        m_session->coders().setCurrent(coder);
    m_articleActions->setSelection([this] { return m_library->selectedArticleIds(); },
                                   [this] { return m_reader->articleId(); });
    m_searchIndex = new SearchIndexStatus(*m_session, this);
    statusBar()->insertPermanentWidget(0, m_searchIndex);
    m_searchIndex->start(); // what an earlier session or the command line left
    m_search = new SearchPanel(*m_session, m_searchDock);
    m_searchDock->setWidget(m_search);
    connect(m_searchIndex, &SearchIndexStatus::indexAdvanced, m_search, &SearchPanel::refresh);
    connect(m_search, &SearchPanel::hitSelected, this, &MainWindow::showSearchHit);
    connect(m_search, &SearchPanel::hitActivated, this,
            [this](qint64 id, const QString &query, const QString &snippet) {
                showSearchHit(id, query, snippet);
                focusReader();
            });
    m_annotationDock->setWidget(m_annotations);
    m_segments = new CodedSegmentsPanel(*m_session, m_undo, m_segmentsDock);
    m_segmentsDock->setWidget(m_segments);
    connect(m_segments, &CodedSegmentsPanel::segmentActivated, this, [this](qint64 id, qint64 start, qint64 end) {
        if (m_reader->articleId() != id && !openArticle(id))
            return;
        m_reader->scrollToSpan(start, end);
        focusReader();
    });
    if (m_matrixDock->isVisible())
        codeMatrixPanel(); // the new project's matrix
    if (m_networkDock->isVisible())
        networkPanel();

    connect(m_library, &LibraryPanel::articleSelected, this, &MainWindow::openArticle);
    connect(m_library, &LibraryPanel::articleActivated, this, [this](qint64 id) {
        if (m_reader->articleId() != id)
            openArticle(id);
        focusReader();
    });
    connect(m_codebook, &CodebookPanel::codeActivated, this, &MainWindow::applyCode);
    connect(m_annotations, &AnnotationPanel::annotationActivated, this, [this](const Annotation &a) {
        m_reader->scrollToSpan(a.start, a.end);
    });
    connect(m_reader, &ReaderView::currentAnnotationChanged, m_annotations, &AnnotationPanel::selectAnnotation);

    connect(m_session.get(), &ProjectSession::changed, this, &MainWindow::applyChanges);
    m_banner->watch(m_session->serverLink(), ProjectLocation::displayName(m_session->path()));
    if (ServerLink *link = m_session->serverLink()) {
        connect(link, &ServerLink::lost, this, &MainWindow::updateWindowState);
        connect(link, &ServerLink::restored, this, &MainWindow::catchUpAfterReconnect);
    }

    setTabOrder(m_library->filterEdit(), m_library->view());
    setTabOrder(m_library->view(), m_reader);
    setTabOrder(m_reader, m_codebook->view());
    setTabOrder(m_codebook->view(), m_annotations->view());

    m_reader->setCodes(m_session->codebook().codes());
    m_reader->setCoders(m_session->coders().all());
    rebuildCodeActions();
    attachReadingTools();
    m_annotating->attach();
    m_coderView->setSession(m_session.get()); // applies its visibility to the panels
    updateWindowState();
    updateCounts();
}

void MainWindow::replaceProject(std::unique_ptr<ProjectSession> store)
{
    m_undo->clear();
    m_reader->clearArticle();
    detachStore();
    m_session = std::move(store);
    attachStore();
    openFirstArticle();
}

CodeMatrixPanel *MainWindow::codeMatrixPanel()
{
    if (!m_matrix) {
        m_matrix = new CodeMatrixPanel(*m_session, m_coderView->visibility(), m_matrixDock);
        m_matrixDock->setWidget(m_matrix);
        // A cell's segments go to the Coded Segments dock.
        connect(m_matrix, &CodeMatrixPanel::segmentsRequested, this, &MainWindow::showSegments);
    }
    return m_matrix;
}

NetworkPanel *MainWindow::networkPanel()
{
    if (!m_network) {
        m_network = new NetworkPanel(*m_session, m_coderView->visibility(), m_networkDock);
        m_networkDock->setWidget(m_network);
        // An actor's segments go to the Coded Segments dock.
        connect(m_network, &NetworkPanel::segmentsRequested, this, &MainWindow::showSegments);
    }
    return m_network;
}

void MainWindow::showSegments(const QString &query)
{
    m_segmentsDock->show();
    m_segmentsDock->raise();
    m_segments->queryEdit()->setText(query);
    m_segments->run();
}

void MainWindow::catchUpAfterReconnect()
{
    const qint64 article = m_reader->articleId();
    const int scroll = m_reader->verticalScrollBar()->value();
    const QTextCursor selection = m_reader->textCursor();
    const int anchor = selection.anchor(), position = selection.position();
    detachStore();
    attachStore();
    if (!article || !openArticle(article)) {
        m_reader->clearArticle();
        openFirstArticle();
        return;
    }
    QTextCursor restored = m_reader->textCursor();
    restored.setPosition(anchor);
    restored.setPosition(position, QTextCursor::KeepAnchor);
    m_reader->setTextCursor(restored);
    m_reader->verticalScrollBar()->setValue(scroll);
}

void MainWindow::detachStore()
{
    m_banner->watch(nullptr, QString());
    if (ServerLink *link = m_session->serverLink())
        disconnect(link, nullptr, this, nullptr);
    delete m_agreement;
    m_agreement = nullptr;
    {
        // Nothing to apply it to any more.
        const QSignalBlocker quiet(m_coderView);
        m_coderView->setSession(nullptr);
    }
    delete m_gold;
    m_gold = nullptr;
    detachReadingTools();
    m_articleActions->setSession(nullptr);
    m_annotating->detach();
    // One list for closing and for switching projects, so neither forgets a panel.
    delete m_library;
    delete m_codebook;
    delete m_annotations;
    delete m_memos;
    delete m_feeds;
    delete m_search;
    delete m_segments;
    delete m_matrix;
    delete m_network;
    delete m_searchIndex;
    m_library = nullptr;
    m_codebook = nullptr;
    m_annotations = nullptr;
    m_memos = nullptr;
    m_feeds = nullptr;
    m_search = nullptr;
    m_segments = nullptr;
    m_matrix = nullptr;
    m_network = nullptr;
    m_searchIndex = nullptr;
}

void MainWindow::attachReadingTools()
{
    // The lens and the console belong to one project: rebuilt with it.
    m_lens = new ReadingLens(*m_session, *m_reader, *m_undo, this);
    addToolBar(Qt::TopToolBarArea, m_lens->toolBar());
    // The console waits until it is wanted: it brings a syntax repository
    // and a connection of its own, and most sessions never open it.
    if (m_consoleDock->isVisible())
        sqlConsole();
}

SqlConsole *MainWindow::sqlConsole()
{
    if (!m_console && m_lens) {
        m_console = new SqlConsole(m_session->path(), m_consoleDock);
        m_consoleDock->setWidget(m_console);
        m_console->setThemeName(m_lens->effectiveThemeName());
        connect(m_lens, &ReadingLens::themeChanged, m_console, &SqlConsole::setThemeName);
    }
    return m_console;
}

void MainWindow::detachReadingTools()
{
    delete m_console;
    m_console = nullptr;
    delete m_lens;
    m_lens = nullptr;
}

void MainWindow::rebuildCodeActions()
{
    qDeleteAll(m_codeActions);
    m_codeActions.clear();
    m_codeMenu->clear();
    for (const Code &code : m_session->codebook().codes()) {
        if (code.shortcut.isEmpty())
            continue;
        auto *action = new QAction(code.name, this);
        action->setShortcut(QKeySequence(code.shortcut));
        // Window-wide; a focused line edit claims plain keys for typing
        // first (ShortcutOverride), so the filter box still takes digits.
        action->setShortcutContext(Qt::WindowShortcut);
        action->setEnabled(!m_session->isReadOnly());
        const qint64 id = code.id;
        connect(action, &QAction::triggered, this, [this, id] { applyCode(id); });
        addAction(action);
        m_codeMenu->addAction(action);
        m_codeActions.append(action);
    }
    m_codeMenu->setEnabled(!m_codeActions.isEmpty());
}

bool MainWindow::openArticle(qint64 articleId)
{
    try {
        const std::optional<Article> article = m_session->articles().get(articleId);
        if (!article) {
            statusBar()->showMessage(tr("No article with id %1 in this project").arg(articleId), 5000);
            return false;
        }
        // Read once, shown twice: the reader and the list share the list.
        const QList<Annotation> annotations = m_session->annotations().forArticle(articleId);
        m_reader->setArticle(*article, m_coderView->visibility().filtered(
                                           AnnotatingController::spanAnnotations(annotations)));
        m_annotations->setArticle(articleId, annotations);
        m_library->selectArticle(articleId);
    } catch (const ProjectError &e) {
        showError(e.message());
        return false;
    }
    updateWindowState();
    return true;
}

bool MainWindow::openFirstArticle()
{
    const qint64 id = m_library->firstArticleId();
    return id && openArticle(id);
}

bool MainWindow::coderUnset()
{
    return !QSettings().contains(QStringLiteral("coder/name"));
}

bool MainWindow::setCoder(const QString &name)
{
    if (name.trimmed().isEmpty())
        return false;
    QSettings().setValue(QStringLiteral("coder/name"), name.trimmed());
    m_session->coders().setCurrent(name);
    m_coderView->setCurrentCoder(m_session->coders().current());
    updateWindowState();
    return true;
}

void MainWindow::chooseCoder()
{
    QStringList names;
    for (const Coder &c : m_session->coders().all())
        names << c.name;
    const QString current = m_session->coders().current();
    if (!names.contains(current))
        names.prepend(current);
    bool ok = false;
    const QString name = QInputDialog::getItem(
        this, tr("Coder"),
        tr("Your name as a coder. Everything you code from now on is recorded under it:"), names,
        int(names.indexOf(current)), true, &ok);
    if (ok && !setCoder(name))
        showError(tr("A coder needs a name."));
}

void MainWindow::applyChanges(const ChangeSet &changes)
{
    using A = ChangeSet::Aggregate;
    if (changes.touches(A::Code) || changes.touches(A::Category)) {
        m_reader->setCodes(m_session->codebook().codes());
        rebuildCodeActions();
    }
    if (changes.touches(A::Coder))
        m_reader->setCoders(m_session->coders().all());
    const qint64 shown = m_reader->articleId();
    if (shown && changes.of(A::Article).removed.contains(shown)) {
        m_reader->clearArticle();
        m_annotations->setArticle(0, {});
        updateWindowState();
    } else if (shown && changes.of(A::Article).modified.contains(shown)) {
        openArticle(shown); // its text was rewritten
    } else if (shown && (changes.annotatedArticles().contains(shown)
                         || m_reader->showsAnyAnnotation(changes.of(A::Annotation).all()))) {
        refreshReaderAnnotations(shown);
    }
    if (changes.touches(A::Article) || changes.touches(A::Annotation)) {
        updateWindowState();
        updateCounts();
    }
}

void MainWindow::refreshReaderAnnotations(qint64 articleId)
{
    if (!articleId || articleId != m_reader->articleId())
        return;
    try {
        m_reader->setAnnotations(m_coderView->visibility().filtered(
            AnnotatingController::spanAnnotations(m_session->annotations().forArticle(articleId))));
    } catch (const ProjectError &e) {
        showError(e.message());
    }
}

void MainWindow::applyVisibility()
{
    if (!m_annotations)
        return; // between projects
    const AnnotationVisibility &visibility = m_coderView->visibility();
    m_annotations->setVisibility(visibility);
    m_segments->setVisibility(visibility);
    if (m_matrix)
        m_matrix->setVisibility(visibility);
    if (m_network)
        m_network->setVisibility(visibility);
    refreshReaderAnnotations(m_reader->articleId());
    // The agreement window sets the coders side by side: not while coding blind.
    m_agreementAction->setEnabled(!visibility.isBlind());
    m_agreementAction->setStatusTip(visibility.isBlind()
                                        ? tr("Turn blind coding off to compare coders")
                                        : QString());
    if (visibility.isBlind() && m_agreement)
        m_agreement->hide();
}

bool MainWindow::applyCode(qint64 codeId)
{
    if (m_session->isReadOnly()) {
        statusBar()->showMessage(tr("This project is read-only"), 5000);
        return false;
    }
    // A second code on an existing span, or on the selected annotation.
    if (const auto handled = m_annotating->applyToExisting(codeId))
        return *handled;
    const auto span = m_reader->selectedSpan();
    if (!span) {
        statusBar()->showMessage(tr("Select some text in the reader first, then apply a code"), 5000);
        return false;
    }
    NewAnnotation request;
    request.articleId = m_reader->articleId();
    request.start = span->start;
    request.end = span->end;
    request.codeIds = {codeId};

    m_commandFailed = false;
    auto *command = new AddAnnotationCommand(*m_session, request, commandErrorHandler());
    m_undo->push(command); // runs redo(): stored and committed before anything shows
    if (m_commandFailed)
        return false; // the stack has already dropped the command

    const Annotation &added = command->annotation();
    // Collapse the selection so the new highlight is visible at once.
    QTextCursor cursor = m_reader->textCursor();
    cursor.setPosition(cursor.selectionEnd());
    m_reader->setTextCursor(cursor);
    m_reader->setFocus(Qt::OtherFocusReason);
    m_annotations->selectAnnotation(added.id);
    m_annotating->noteCodeApplied(codeId);
    const auto code = m_session->codebook().code(codeId);
    statusBar()->showMessage(tr("Coded “%1” as %2")
                                 .arg(QFontMetrics(font()).elidedText(added.quote.simplified(),
                                                                       Qt::ElideMiddle, 260),
                                      code ? code->name : QString()),
                             5000);
    return true;
}

bool MainWindow::deleteSelectedAnnotation()
{
    if (m_session->isReadOnly())
        return false;
    qint64 id = m_annotations->selectedAnnotationId();
    if (!id) {
        // Fall back to the annotation under the reader's cursor.
        const qint64 at = m_reader->codePointAt(m_reader->textCursor().position());
        const QList<Annotation> hits = m_reader->annotationsAt(at);
        if (!hits.isEmpty())
            id = hits.last().id;
    }
    if (!id) {
        statusBar()->showMessage(tr("Select an annotation to delete"), 5000);
        return false;
    }
    std::optional<Annotation> annotation;
    try {
        annotation = m_session->annotations().get(id);
    } catch (const ProjectError &e) {
        showError(e.message());
        return false;
    }
    if (!annotation)
        return false;
    m_commandFailed = false;
    m_undo->push(new RemoveAnnotationCommand(*m_session, *annotation, commandErrorHandler()));
    if (!m_commandFailed)
        statusBar()->showMessage(tr("Annotation deleted — Ctrl+Z brings it back"), 5000);
    return !m_commandFailed;
}

QString MainWindow::importPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    if (m_session->isReadOnly()) {
        showError(tr("This project is read-only; nothing can be imported into it."));
        return {};
    }
    QList<ImportOutcome> outcomes;
    {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        m_searchIndex->setHeld(true);
        try {
            ArticleImporter importer(*m_session);
            outcomes = ImportProgress::run(importer, paths, this);
        } catch (const ProjectError &e) {
            m_searchIndex->setHeld(false);
            QApplication::restoreOverrideCursor();
            showError(e.message());
            return {};
        }
        m_searchIndex->setHeld(false);
        QApplication::restoreOverrideCursor();
    }
    QList<qint64> added;
    for (const ImportOutcome &o : std::as_const(outcomes)) {
        if (o.status == ImportOutcome::Status::Imported)
            added.append(o.articleId);
    }
    m_articleActions->recordImport(added);
    QStringList imported, duplicates, failed;
    qint64 firstNew = 0;
    for (const ImportOutcome &o : std::as_const(outcomes)) {
        const QString name = QFileInfo(o.path).fileName();
        switch (o.status) {
        case ImportOutcome::Status::Imported:
            imported.append(name);
            if (!firstNew)
                firstNew = o.articleId;
            break;
        case ImportOutcome::Status::Duplicate:
            duplicates.append(tr("%1 (already in the project as “%2”)").arg(name, o.title));
            break;
        case ImportOutcome::Status::Failed:
            failed.append(o.message.isEmpty() ? name : o.message);
            break;
        }
    }
    QString summary = imported.size() == 1 ? tr("Imported 1 article")
                                           : tr("Imported %1 articles").arg(imported.size());
    if (!duplicates.isEmpty())
        summary += tr(", skipped %1 already in the project").arg(duplicates.size());
    if (!failed.isEmpty())
        summary += tr(", %1 failed").arg(failed.size());
    summary += QLatin1Char('.');

    QString details;
    if (!imported.isEmpty())
        details += tr("Imported:\n  %1\n").arg(imported.join(QStringLiteral("\n  ")));
    if (!duplicates.isEmpty())
        details += tr("Duplicates:\n  %1\n").arg(duplicates.join(QStringLiteral("\n  ")));
    if (!failed.isEmpty())
        details += tr("Failed:\n  %1\n").arg(failed.join(QStringLiteral("\n  ")));

    statusBar()->showMessage(summary, 8000);
    // Window-modal and non-blocking: the import is done, this only reports.
    auto *box = new QMessageBox(failed.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                                tr("Import"), summary, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importSummary"));
    box->setDetailedText(details.trimmed());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    if (firstNew)
        openArticle(firstNew);
    return summary + QLatin1Char('\n') + details;
}

void MainWindow::updateWindowState()
{
    const bool fileReadOnly = m_session->isReadOnly();
    // While a team project's server is away nothing can be saved: the
    // editing actions wait, as on a read-only file (the store refuses too).
    const bool offline = m_session->serverLink() && !m_session->serverLink()->isOnline();
    const bool readOnly = fileReadOnly || offline;
    const QString project = ProjectLocation::baseName(m_session->path());
    QString title = project;
    if (m_reader->articleId())
        title = QStringLiteral("%1 — %2").arg(m_reader->article().title.simplified(), project);
    if (fileReadOnly)
        title += QStringLiteral(" [%1]").arg(tr("Read-only"));
    else if (offline)
        title += QStringLiteral(" [%1]").arg(tr("Offline"));
    setWindowTitle(title + QStringLiteral(" — Framewise"));

    m_projectLabel->setText(ProjectLocation::displayName(m_session->path()));
    m_projectLabel->setToolTip(LiteralText::html(m_session->path()));
    m_coderLabel->setText(tr("Coder: %1").arg(m_session->coders().current()));
    m_readOnlyBadge->setVisible(fileReadOnly);

    for (QAction *action : {m_importFilesAction, m_importFolderAction, m_mergeAction, m_deleteAction})
        action->setEnabled(!readOnly);
    for (QAction *action : std::as_const(m_codeActions))
        action->setEnabled(!readOnly);
    m_undo->setActive(!readOnly);
    m_undoAction->setEnabled(!readOnly && m_undo->canUndo());
    m_redoAction->setEnabled(!readOnly && m_undo->canRedo());
}

void MainWindow::updateCounts()
{
    // Only when articles or annotations change: counting reads a whole index.
    try {
        const int articles = m_session->articles().count();
        const int annotations = m_session->annotations().count();
        m_countsLabel->setText((articles == 1 ? tr("1 article") : tr("%1 articles").arg(articles))
                               + QStringLiteral("  ·  ")
                               + (annotations == 1 ? tr("1 annotation") : tr("%1 annotations").arg(annotations)));
    } catch (const ProjectError &e) {
        m_countsLabel->setText(QString());
    }
}

std::function<void(const QString &)> MainWindow::commandErrorHandler()
{
    // Commands outlive the call that pushed them (undo/redo run later), so
    // they report to the window, never to a local.
    return [this](const QString &message) {
        m_commandFailed = true;
        showError(message);
    };
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Framewise"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setTextFormat(Qt::PlainText); // messages quote titles, names and paths
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::focusReader()
{
    m_reader->setFocus(Qt::ShortcutFocusReason);
}

bool MainWindow::searchFor(const QString &query)
{
    m_searchDock->show();
    m_searchDock->raise();
    m_search->searchEdit()->setText(query);
    m_search->refresh();
    if (m_search->model()->rowCount() == 0)
        return false;
    m_search->view()->setCurrentIndex(m_search->model()->index(0, 0));
    return m_reader->articleId() != 0;
}

AgreementWindow *MainWindow::showAgreement()
{
    if (!m_agreement) {
        m_agreement = new AgreementWindow(*m_session, this);
        connect(m_agreement, &AgreementWindow::openSpan, this,
                [this](qint64 articleId, qint64 start, qint64 end) {
                    if (m_reader->articleId() != articleId && !openArticle(articleId))
                        return;
                    m_reader->scrollToSpan(start, end);
                });
        m_agreement->setUndoStack(m_undo);
        // Adjudication by hand: the consensus coder codes for this session
        // only; the coder in the settings stays the user's own.
        connect(m_agreement, &AgreementWindow::editAsConsensus, this,
                [this](qint64 articleId, qint64 start, qint64 end, const QString &consensus) {
                    if (m_reader->articleId() != articleId && !openArticle(articleId))
                        return;
                    if (end > start)
                        m_reader->scrollToSpan(start, end);
                    m_session->coders().setCurrent(consensus);
                    updateWindowState();
                    statusBar()->showMessage(
                        tr("Coding as %1: code the place by hand; Edit > Switch Coder goes back.")
                            .arg(consensus),
                        10000);
                    activateWindow();
                    focusReader();
                });
    } else {
        m_agreement->reload();
    }
    m_agreement->show();
    m_agreement->raise();
    return m_agreement;
}

GoldComparisonWindow *MainWindow::showGoldComparison()
{
    if (!m_gold) {
        m_gold = new GoldComparisonWindow(*m_session, m_reader, this);
        // The gold view steps the coders' own highlights aside through
        // View > Coders, and gives back only those it hid.
        if (GoldOverlay *overlay = m_gold->overlay())
            overlay->setCoderSwitch(
                {[this](const QString &coder) {
                     return !m_coderView->visibility().isCoderHidden(coder);
                 },
                 [this](const QString &coder, bool shown) { m_coderView->setCoderShown(coder, shown); }});
    } else
        m_gold->reload();
    m_gold->show();
    m_gold->raise();
    return m_gold;
}

void MainWindow::showSearchHit(qint64 articleId, const QString &query, const QString &snippet)
{
    if (m_reader->articleId() != articleId && !openArticle(articleId))
        return;
    ReaderSearchMatch::show(*m_reader, query, snippet);
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"),
                                                      ProjectLocation::folder(m_session->path()),
                                                      projectFilter());
    if (path.isEmpty())
        return;
    try {
        replaceProject(ProjectSession::open(path));
    } catch (const ProjectError &e) {
        QMessageBox::critical(this, tr("Cannot open project"), LiteralText::html(e.message()));
    }
}

void MainWindow::openServerProjectDialog()
{
    // The last URL is offered again; it holds no password (that comes from
    // ~/.pgpass, PGPASSWORD, a service file or the desktop keyring, or is
    // asked for).
    QSettings settings;
    const QString last = settings.value(QStringLiteral("serverProject/lastUrl")).toString();
    bool ok = false;
    const QString url = QInputDialog::getText(
                            this, tr("Open Server Project"),
                            tr("Project URL (postgresql://user@host:port/database); the password "
                               "comes from ~/.pgpass, PGPASSWORD, a service file or the desktop "
                               "keyring, or is asked for:"),
                            QLineEdit::Normal,
                            last.isEmpty() ? QStringLiteral("postgresql://") : last, &ok)
                            .trimmed();
    if (!ok || url.isEmpty())
        return;
    if (openServerProject(url))
        settings.setValue(QStringLiteral("serverProject/lastUrl"), url);
}

bool MainWindow::openServerProject(const QString &url)
{
    if (!PostgresLocation::isUrl(url)) {
        showError(tr("%1: not a server project; a URL starts with postgresql://").arg(url));
        return false;
    }
    try {
        // Asks for the password when the server wants one; Cancel keeps
        // the open project.
        return ServerLogin::run(this, [&] { replaceProject(ProjectSession::open(url)); });
    } catch (const ProjectError &e) {
        showError(e.message());
        return false;
    }
}

void MainWindow::newProjectDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Project"),
                                                ProjectLocation::folder(m_session->path()), projectFilter(),
                                                nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".framewise");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New Project"),
                             LiteralText::html(tr("%1 already exists. Use Open Project to open it.")
                                                   .arg(QDir::toNativeSeparators(path))));
        return;
    }
    try {
        auto store = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
        // A new project starts with the general codebook, not the sample.
        QFile codebook(QStringLiteral(":/framewise/codebooks/general.json"));
        if (codebook.open(QIODevice::ReadOnly))
            CodebookFile::merge(*store, codebook.readAll(), QStringLiteral("general.json"));
        replaceProject(std::move(store));
    } catch (const ProjectError &e) {
        QMessageBox::critical(this, tr("Cannot create project"), LiteralText::html(e.message()));
    }
}

void MainWindow::importFilesDialog()
{
    QStringList patterns;
    for (const QString &suffix : ArticleImporter::importableSuffixes())
        patterns.append(QStringLiteral("*.") + suffix);
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), QString(),
        tr("Articles (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    importPaths(files);
}

void MainWindow::importFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Folder"));
    if (!folder.isEmpty())
        importPaths({folder});
}

void MainWindow::mergeProjectsDialog()
{
    if (m_session->isReadOnly()) {
        showError(tr("This project is read-only; nothing can be merged into it."));
        return;
    }
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Merge Coders' Projects"),
                                                            ProjectLocation::folder(m_session->path()),
                                                            projectFilter());
    if (paths.isEmpty())
        return;
    auto *dialog = new MergeDialog(*m_session, paths, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The merge lets events through between its steps: the articles it adds
    // wait for the search index until it is over, as an import's do.
    connect(dialog, &MergeDialog::mergeStarted, this, [this] {
        if (m_searchIndex)
            m_searchIndex->setHeld(true);
    });
    connect(dialog, &MergeDialog::mergeFinished, this, [this](bool merged) {
        if (m_searchIndex)
            m_searchIndex->setHeld(false);
        statusBar()->showMessage(merged ? tr("Projects merged") : tr("Nothing was merged"), 8000);
    });
    dialog->open();
}

void MainWindow::showShortcuts()
{
    QList<QAction *> actions = {m_openAction, m_openServerAction, m_newAction,          m_importFilesAction,
                                m_importFolderAction, m_quitAction,       m_undoAction,
                                m_redoAction,       m_deleteAction,       m_zoomInAction,
                                m_zoomOutAction,    m_zoomResetAction,    m_focusFilterAction,
                                m_searchAction, m_focusReaderAction, m_focusCodebookAction,
                                m_focusAnnotationsAction, m_shortcutsAction};
    actions += m_codeActions;
    actions += m_annotating->actions();
    actions += m_codebookActions->actions();
    actions += {m_webImport->importUrlAction(), m_webImport->pasteAction()};
    auto *dialog = new KeyboardShortcutsDialog(actions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Framewise"),
                       tr("<h3>Framewise %1</h3>"
                          "<p>Read news and code claims, actors, frames and techniques by hand.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QStringLiteral(FRAMEWISE_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.persistLayout) {
        QSettings settings;
        settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // Files, folders and web links (a link dragged from a browser imports its page).
    if (!m_session->isReadOnly() && !WebImportActions::importablePaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = WebImportActions::importablePaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop has finished: fetching links runs an event loop, which
    // must not happen inside the platform's drag and drop.
    QTimer::singleShot(0, this, [this, paths] { importPaths(paths); });
}
