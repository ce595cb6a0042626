#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

class AgreementWindow;
class AnnotatingController;
class AnnotationPanel;
class ArticleActions;
class ChangeSet;
class CodebookActions;
class CodebookPanel;
class CoderVisibilityActions;
class CodedSegmentsPanel;
class CodeMatrixPanel;
class ConnectionBanner;
class NetworkPanel;
class LibraryPanel;
class FeedPanel;
class GoldComparisonWindow;
class SearchIndexStatus;
class SearchPanel;
class MemoPanel;
class ProjectSession;
class QAction;
class QDockWidget;
class QLabel;
class QUndoStack;
class ReaderView;
class ReadingLens;
class SqlConsole;
class WebImportActions;

// The researcher's workspace: library on the left, the reader in the
// middle, codebook and annotations on the right. Every change goes through
// the ProjectSession, most of them as undoable commands.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        bool persistLayout = true; // false for screenshots and tests
    };

    explicit MainWindow(std::unique_ptr<ProjectSession> store, Options options, QWidget *parent = nullptr);
    explicit MainWindow(std::unique_ptr<ProjectSession> store, QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectSession &store() const { return *m_session; }
    ReaderView *reader() const { return m_reader; }
    ConnectionBanner *connectionBanner() const { return m_banner; }
    LibraryPanel *libraryPanel() const { return m_library; }
    CodebookPanel *codebookPanel() const { return m_codebook; }
    AnnotationPanel *annotationPanel() const { return m_annotations; }
    MemoPanel *memoPanel() const { return m_memos; }
    FeedPanel *feedPanel() const { return m_feeds; }
    SearchPanel *searchPanel() const { return m_search; }
    CodedSegmentsPanel *codedSegmentsPanel() const { return m_segments; }
    QDockWidget *codedSegmentsDock() const { return m_segmentsDock; }
    // Built when its dock is first shown (it computes the matrix).
    CodeMatrixPanel *codeMatrixPanel();
    QDockWidget *codeMatrixDock() const { return m_matrixDock; }
    // Built when its dock is first shown (it lays out the network).
    NetworkPanel *networkPanel();
    QDockWidget *networkDock() const { return m_networkDock; }
    QDockWidget *searchDock() const { return m_searchDock; }
    SearchIndexStatus *searchIndexStatus() const { return m_searchIndex; }
    WebImportActions *webImport() const { return m_webImport; }
    ArticleActions *articleActions() const { return m_articleActions; }
    // Who is coding: kept in the user's settings, applied to every project
    // opened. setCoder takes effect at once and returns false for a blank name.
    bool setCoder(const QString &name);
    void chooseCoder();
    // True until a coder's name was ever saved (the first start asks).
    static bool coderUnset();
    CodebookActions *codebookActions() const { return m_codebookActions; }
    // View ▸ Coders, Edit ▸ Blind Coding and whose annotations are seen.
    CoderVisibilityActions *coderVisibility() const { return m_coderView; }
    AnnotatingController *annotating() const { return m_annotating; }
    ReadingLens *readingLens() const { return m_lens; }
    // Built on first use, or when its dock is first shown.
    SqlConsole *sqlConsole();
    QDockWidget *sqlConsoleDock() const { return m_consoleDock; }
    QUndoStack *undoStack() const { return m_undo; }
    // The inter-coder agreement window, built and shown on first use.
    AgreementWindow *showAgreement();
    // Compare with Gold (students against a gold coder), likewise.
    GoldComparisonWindow *showGoldComparison();

    bool openArticle(qint64 articleId);
    bool openFirstArticle();
    // Shows the Search dock with this query and opens its best hit, with the
    // match selected. False when nothing matches.
    bool searchFor(const QString &query);
    // Codes the reader's selection; false (with a status message) if there
    // is no selection, the project is read-only or the store refused.
    bool applyCode(qint64 codeId);
    bool deleteSelectedAnnotation();
    // Imports files and folders and reports what happened; returns the
    // summary shown to the user.
    QString importPaths(const QStringList &paths);
    void replaceProject(std::unique_ptr<ProjectSession> store);
    // Opens the team project at a postgresql:// URL in place of this one;
    // false, with the reason in a message (showError), if it cannot.
    bool openServerProject(const QString &url);
    // Warns in the status bar and a non-blocking message box.
    void showError(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void attachStore();
    void rebuildCodeActions();
    void attachReadingTools();
    void detachReadingTools();
    void detachStore(); // takes down everything attachStore() built
    void applyChanges(const ChangeSet &changes);
    void applyVisibility();
    // After the server came back: others' changes meanwhile were never
    // announced, so the panels read the project again; the reader keeps
    // its article, scroll position and selection, the undo stack its steps.
    void catchUpAfterReconnect();
    void refreshReaderAnnotations(qint64 articleId);
    void updateWindowState();
    void updateCounts();
    std::function<void(const QString &)> commandErrorHandler();
    void openProjectDialog();
    // File > Open Server Project…: a team project at a postgresql:// URL.
    void openServerProjectDialog();
    void newProjectDialog();
    void importFilesDialog();
    void importFolderDialog();
    void mergeProjectsDialog();
    void showShortcuts();
    void showAbout();
    void focusReader();
    // A query's segments in the Coded Segments dock (from the matrix or the network).
    void showSegments(const QString &query);
    void showSearchHit(qint64 articleId, const QString &query, const QString &snippet);

    std::unique_ptr<ProjectSession> m_session;
    Options m_options;
    QUndoStack *m_undo = nullptr;
    ReaderView *m_reader = nullptr;
    ConnectionBanner *m_banner = nullptr;
    LibraryPanel *m_library = nullptr;
    CodebookPanel *m_codebook = nullptr;
    AnnotationPanel *m_annotations = nullptr;
    MemoPanel *m_memos = nullptr;
    FeedPanel *m_feeds = nullptr;
    SearchPanel *m_search = nullptr;
    CodedSegmentsPanel *m_segments = nullptr;
    CodeMatrixPanel *m_matrix = nullptr;
    NetworkPanel *m_network = nullptr;
    ArticleActions *m_articleActions = nullptr;
    WebImportActions *m_webImport = nullptr;
    CodebookActions *m_codebookActions = nullptr;
    CoderVisibilityActions *m_coderView = nullptr;
    AnnotatingController *m_annotating = nullptr;
    QDockWidget *m_libraryDock = nullptr;
    QDockWidget *m_codebookDock = nullptr;
    QDockWidget *m_annotationDock = nullptr;
    QDockWidget *m_memoDock = nullptr;
    QDockWidget *m_feedDock = nullptr;
    QDockWidget *m_searchDock = nullptr;
    QDockWidget *m_consoleDock = nullptr;
    QDockWidget *m_segmentsDock = nullptr;
    QDockWidget *m_matrixDock = nullptr;
    QDockWidget *m_networkDock = nullptr;
    ReadingLens *m_lens = nullptr;
    SqlConsole *m_console = nullptr;
    AgreementWindow *m_agreement = nullptr; // belongs to one project
    GoldComparisonWindow *m_gold = nullptr; // likewise

    QLabel *m_projectLabel = nullptr;
    QLabel *m_coderLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_readOnlyBadge = nullptr;
    SearchIndexStatus *m_searchIndex = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_openServerAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_importFilesAction = nullptr;
    QAction *m_importFolderAction = nullptr;
    QAction *m_mergeAction = nullptr;
    QAction *m_agreementAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomResetAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_focusReaderAction = nullptr;
    QAction *m_focusCodebookAction = nullptr;
    QAction *m_focusAnnotationsAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QMenu *m_codeMenu = nullptr;
    QList<QAction *> m_codeActions;
    bool m_commandFailed = false;
};
