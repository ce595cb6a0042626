// The feed dock in the real main window: subscribe, unread counts, item
// list and summary, mark read, add to corpus, a broken feed's own error,
// OPML; and the web import actions (Ctrl+U, paste links). A local server
// on 127.0.0.1 started here serves everything.
#include "feeds/FeedItemModel.h"
#include "feeds/FeedPanel.h"
#include "feeds/FeedTreeModel.h"
#include "library/LibraryPanel.h"
#include "shell/MainWindow.h"
#include "reader/ReaderView.h"
#include "TestHttpServer.h"
#include "library/WebImportActions.h"
#include "feeds/FeedItemImporter.h"
#include "feeds/FeedUpdater.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

class TestUiFeeds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void subscribeShowsFeedWithUnreadCount();
    void selectingItemShowsSummaryAndMarksRead();
    void addToCorpusOpensArticle();
    void brokenFeedShowsItsOwnError();
    void opmlExportAndImport();
    void webImportActions();

private:
    FeedPanel *panel() const { return m_window->feedPanel(); }
    qint64 subscribe(const QString &path);

    TestHttpServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiFeeds::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.start());
    m_server.serveFixture(QStringLiteral("/world/rss.xml"), QStringLiteral("feeds/rss2.xml"),
                          "application/rss+xml");
    m_server.serveFixture(QStringLiteral("/atom.xml"), QStringLiteral("feeds/atom.xml"),
                          "application/atom+xml");
    m_server.serveFixture(QStringLiteral("/broken.xml"), QStringLiteral("feeds/broken.xml"),
                          "text/xml");
    m_server.serveFixture(QStringLiteral("/world/2026/03/10/grain-corridor"),
                          QStringLiteral("feeds/article.html"), "text/html; charset=utf-8");
}

void TestUiFeeds::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = ProjectSession::open(m_dir->filePath(QStringLiteral("ui.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    m_window = std::make_unique<MainWindow>(std::move(store), MainWindow::Options {false});
    m_window->resize(1300, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("feedDock"));
    QVERIFY(dock);
    dock->show();
    dock->raise();
}

void TestUiFeeds::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

qint64 TestUiFeeds::subscribe(const QString &path)
{
    QSignalSpy done(panel()->updater(), &FeedUpdater::subscribed);
    panel()->subscribe(m_server.url(path).toString());
    if (!done.wait(10000))
        return 0;
    return done.at(0).at(0).toLongLong();
}

void TestUiFeeds::subscribeShowsFeedWithUnreadCount()
{
    const qint64 id = subscribe(QStringLiteral("/world/rss.xml"));
    QVERIFY(id);
    const QModelIndex index = panel()->feedModel()->indexOfFeed(id);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), QStringLiteral("The Daily Example – World (3)"));
    QCOMPARE(index.data(FeedTreeModel::UnreadRole).toInt(), 3);
    // The new feed is selected and its items listed, newest first.
    QCOMPARE(panel()->feedView()->currentIndex(), index);
    QCOMPARE(panel()->itemModel()->rowCount(), 3);
    QCOMPARE(panel()->itemModel()->index(0, FeedItemModel::Title).data().toString(),
             QStringLiteral("Ministers meet in Geneva over grain corridor"));
}

void TestUiFeeds::selectingItemShowsSummaryAndMarksRead()
{
    const qint64 id = subscribe(QStringLiteral("/world/rss.xml"));
    QVERIFY(id);
    QTableView *items = panel()->itemView();
    items->setCurrentIndex(panel()->itemModel()->index(1, 0));
    auto *summary = panel()->findChild<QPlainTextEdit *>(QStringLiteral("feedSummary"));
    QVERIFY(summary->toPlainText().contains(QLatin1String("Thousands marched on Monday evening.")));
    QCOMPARE(m_window->store().feeds().get(id)->unreadCount, 2);
    QCOMPARE(panel()->feedModel()->indexOfFeed(id).data(FeedTreeModel::UnreadRole).toInt(), 2);
    // The list stays on the same item after the reload.
    QCOMPARE(items->currentIndex().row(), 1);

    items->selectAll();
    panel()->markSelectedRead();
    QCOMPARE(m_window->store().feeds().get(id)->unreadCount, 0);
    QCOMPARE(panel()->feedModel()->indexOfFeed(id).data().toString(),
             QStringLiteral("The Daily Example – World"));
}

void TestUiFeeds::addToCorpusOpensArticle()
{
    const qint64 id = subscribe(QStringLiteral("/world/rss.xml"));
    QVERIFY(id);
    panel()->itemView()->selectRow(0);
    QSignalSpy added(panel(), &FeedPanel::articlesAdded);
    panel()->addSelectedToCorpus();
    QVERIFY(added.wait(10000));
    const qint64 articleId = added.at(0).at(0).toLongLong();
    QVERIFY(articleId);
    QCOMPARE(m_window->reader()->articleId(), articleId);
    QCOMPARE(m_window->reader()->article().outlet, QStringLiteral("The Daily Example"));
    QVERIFY(panel()->statusLabel()->text().contains(QLatin1String("Added 1 article")));
    QCOMPARE(m_window->store().articles().count(), 1);
}

void TestUiFeeds::brokenFeedShowsItsOwnError()
{
    const qint64 good = subscribe(QStringLiteral("/atom.xml"));
    QVERIFY(good);
    Feed broken;
    broken.url = m_server.url(QStringLiteral("/broken.xml")).toString();
    broken.title = QStringLiteral("Broken");
    const qint64 bad = m_window->store().feeds().add(broken);
    QSignalSpy idle(panel()->updater(), &FeedUpdater::idle);
    panel()->refreshAll();
    QVERIFY(idle.wait(10000));
    const QModelIndex badIndex = panel()->feedModel()->indexOfFeed(bad);
    QVERIFY(badIndex.data(FeedTreeModel::ErrorRole)
                .toString()
                .contains(QLatin1String("malformed XML")));
    QVERIFY(badIndex.data(Qt::ToolTipRole).toString().contains(QLatin1String("broken.xml")));
    QVERIFY(!badIndex.data(Qt::DecorationRole).isNull());
    const QModelIndex goodIndex = panel()->feedModel()->indexOfFeed(good);
    QVERIFY(goodIndex.data(FeedTreeModel::ErrorRole).toString().isEmpty());
    QCOMPARE(goodIndex.data(FeedTreeModel::UnreadRole).toInt(), 2);
    // Selecting the broken feed shows its error in the panel.
    panel()->selectFeed(bad);
    QVERIFY(panel()->statusLabel()->text().contains(QLatin1String("malformed XML")));
    if (qEnvironmentVariableIsSet("FRAMEWISE_FEEDS_SCREENSHOT")) {
        panel()->selectFeed(good);
        panel()->itemView()->setCurrentIndex(panel()->itemModel()->index(0, 0));
        QTest::qWait(200);
        m_window->grab().save(qEnvironmentVariable("FRAMEWISE_FEEDS_SCREENSHOT"));
    }
}

void TestUiFeeds::opmlExportAndImport()
{
    const qint64 id = subscribe(QStringLiteral("/atom.xml"));
    QVERIFY(id);
    const QString file = m_dir->filePath(QStringLiteral("out.opml"));
    QVERIFY(panel()->exportOpml(file));
    m_window->store().feeds().remove(id);
    QCOMPARE(panel()->feedModel()->rowCount(), 0);
    QVERIFY(panel()->importOpml(file));
    QCOMPARE(m_window->store().feeds().all().size(), 1);
    QCOMPARE(panel()->feedModel()->rowCount(), 1);
    QVERIFY(!panel()->importOpml(QStringLiteral(FRAMEWISE_TEST_DATA "/feeds/broken.xml")));
    QVERIFY(panel()->statusLabel()->text().contains(QLatin1String("broken.xml")));
}

void TestUiFeeds::webImportActions()
{
    QAction *importUrl = m_window->findChild<QAction *>(QStringLiteral("importUrlAction"));
    QVERIFY(importUrl);
    QCOMPARE(importUrl->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));
    QVERIFY(m_window->libraryPanel()->actions().contains(m_window->webImport()->pasteAction()));
    QCOMPARE(WebImportActions::webAddresses(
                 QStringLiteral("see https://a.example/x and\nhttp://b.example/y ftp://c")),
             (QStringList {QStringLiteral("https://a.example/x"),
                           QStringLiteral("http://b.example/y")}));
    QMimeData mime;
    mime.setUrls({QUrl(QStringLiteral("https://a.example/x")),
                  QUrl::fromLocalFile(QStringLiteral("/tmp/a.txt")),
                  QUrl(QStringLiteral("mailto:x@example.com"))});
    QCOMPARE(WebImportActions::importablePaths(&mime),
             (QStringList {QStringLiteral("https://a.example/x"), QStringLiteral("/tmp/a.txt")}));

    // Importing a link: the page's main text becomes an article and opens.
    const QString summary = m_window->importPaths(
        {m_server.url(QStringLiteral("/world/2026/03/10/grain-corridor")).toString()});
    QVERIFY2(summary.startsWith(QLatin1String("Imported 1 article")), qPrintable(summary));
    QCOMPARE(m_window->reader()->article().title,
             QStringLiteral("Ministers meet in Geneva over grain corridor"));
}

QTEST_MAIN(TestUiFeeds)
#include "tst_ui_feeds.moc"
