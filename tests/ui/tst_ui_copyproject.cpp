// File > Copy Project To…: the open project into a new file, or into an
// empty database on a server (as tst_ui_copyproject_pg, on the test cluster;
// on SQLite an address that is no URL is refused), with the dialogs
// answered as a user would. A destination that is not new is refused,
// named, and the open project stays open.
#include "StarterWindow.h"
#include "TestProject.h"
#include "store/ProjectLocation.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

namespace {

// Answers each dialog of the copy as it comes up: in the "where to" box it
// clicks `button`, in the file or URL dialog it types `where` and accepts.
// One it does not know is cancelled after a while, so the test fails
// instead of hanging.
void answerDialogs(const char *button, const QString &where)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, button, where, tries = 0]() mutable {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        const auto stop = [timer] {
            timer->stop();
            timer->deleteLater();
        };
        if (++tries > 250) {
            stop();
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            return;
        }
        if (modal->objectName() == QLatin1String("copyProjectWhere")) {
            if (auto *b = modal->findChild<QPushButton *>(QLatin1String(button)))
                b->click();
        } else if (auto *files = qobject_cast<QFileDialog *>(modal)) {
            if (auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                name->setText(where);
            if (files->selectedFiles().contains(where)) {
                stop();
                QMetaObject::invokeMethod(files, "accept"); // QFileDialog's is protected
            }
        } else if (auto *input = qobject_cast<QInputDialog *>(modal)) {
            stop();
            input->setTextValue(where);
            input->accept();
        }
    });
    timer->start();
}

} // namespace

class TestUiCopyProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void copiesToANewFile();
    void copiesToAServer();
    void cancellingLeavesNothing();

private:
    void copyThroughMenu(const char *button, const QString &where);
    QString errorShown();

    std::unique_ptr<TestProject> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiCopyProject::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiCopyProject::init()
{
    m_server = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_server);
    QVERIFY(openStarterWindow(m_dir, m_window, {1200, 800}));
}

void TestUiCopyProject::cleanup()
{
    m_window.reset();
    m_dir.reset();
    m_server.reset();
}

void TestUiCopyProject::copyThroughMenu(const char *button, const QString &where)
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("copyProjectAction"));
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("Copy Project &To…"));
    answerDialogs(button, where);
    action->trigger();
}

// The message of the error box the window shows, closed again.
QString TestUiCopyProject::errorShown()
{
    QString text;
    for (QMessageBox *box : m_window->findChildren<QMessageBox *>(QStringLiteral("errorMessage"))) {
        text += box->text();
        box->close();
    }
    return text;
}

void TestUiCopyProject::copiesToANewFile()
{
    const QString open = m_window->store().path();
    const int articles = m_window->store().articles().count();
    const QString copy = m_dir->filePath(QStringLiteral("copy.framewise"));
    copyThroughMenu("copyToFile", copy);
    QCOMPARE(m_window->store().path(), open);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                 QStringLiteral("Copied to copy.framewise: %1 article").arg(articles)),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(errorShown().isEmpty());
    {
        auto copied = ProjectSession::open(copy);
        QCOMPARE(copied->articles().count(), articles);
        QCOMPARE(copied->codebook().codes().size(), m_window->store().codebook().codes().size());
        QCOMPARE(copied->articles().get(1)->uuid, m_window->store().articles().get(1)->uuid);
    }

    // Again to the same file: refused, named; the copy and the open project
    // are as they were.
    copyThroughMenu("copyToFile", copy);
    const QString error = errorShown();
    QVERIFY2(error.contains(copy) && error.contains(QLatin1String("already exists")),
             qPrintable(error));
    QCOMPARE(m_window->store().path(), open);
    QCOMPARE(ProjectSession::open(copy)->articles().count(), articles);
}

void TestUiCopyProject::copiesToAServer()
{
    const QString open = m_window->store().path();
    if (!TestProject::onPostgres()) {
        // What is typed must be a URL: a path here is refused, not written.
        const QString path = m_dir->filePath(QStringLiteral("typed.framewise"));
        copyThroughMenu("copyToServer", path);
        const QString error = errorShown();
        QVERIFY2(error.contains(QLatin1String("a URL starts with postgresql://")),
                 qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(m_window->store().path(), open);
        return;
    }
    const QString url = m_server->location(QStringLiteral("team"));
    copyThroughMenu("copyToServer", url);
    QVERIFY(errorShown().isEmpty());
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                 QStringLiteral("Copied to %1: ").arg(ProjectLocation::displayName(url))),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(m_window->store().path(), open);
    QCOMPARE(ProjectSession::open(url)->articles().count(), m_window->store().articles().count());
    // The database now holds a project: a second copy there is refused.
    copyThroughMenu("copyToServer", url);
    const QString error = errorShown();
    QVERIFY2(error.contains(QLatin1String("already holds a Framewise project")), qPrintable(error));
}

// Cancel in the progress dialog: the copy stops, its transaction rolls back,
// nothing is written there (no file; the database stays empty), the status
// bar says so, and the same destination then takes a copy.
void TestUiCopyProject::cancellingLeavesNothing()
{
    const bool server = TestProject::onPostgres();
    const QString where = server ? m_server->location(QStringLiteral("cancelled"))
                                 : m_dir->filePath(QStringLiteral("cancelled.framewise"));
    // Enough articles for the copy to outlast the dialog's 300 ms before it
    // shows (a copy done sooner has no Cancel to press).
    QList<Article> more;
    for (int i = 0; i < 6000; ++i) {
        Article a;
        a.title = QStringLiteral("Dispatch %1").arg(i);
        a.text = QStringLiteral("Dispatch %1. The delegations met again on Monday and agreed to "
                                "keep talking about the ceasefire and the exchange of prisoners.")
                     .arg(i);
        more << a;
    }
    m_window->store().articles().addMany(more);
    // Presses Cancel once the progress dialog shows: from then each progress
    // of the copy lets events run (the dialog is modal), and the next stops.
    QTimer cancel;
    cancel.setInterval(1);
    int cancelled = 0;
    QObject::connect(&cancel, &QTimer::timeout, [&] {
        auto *progress = m_window->findChild<QProgressDialog *>(QStringLiteral("copyProgress"));
        if (progress && progress->isVisible()) {
            QVERIFY(progress->findChild<QPushButton *>());
            progress->cancel();
            ++cancelled;
            cancel.stop();
        }
    });
    cancel.start();
    copyThroughMenu(server ? "copyToServer" : "copyToFile", where);
    QCOMPARE(cancelled, 1);
    QVERIFY(errorShown().isEmpty());
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Copy to %1 cancelled; nothing was written there.")
                 .arg(ProjectLocation::displayName(where)));
    QVERIFY(TestProject::nothingAt(where));
    copyThroughMenu(server ? "copyToServer" : "copyToFile", where);
    QVERIFY(errorShown().isEmpty());
    QCOMPARE(ProjectSession::open(where)->articles().count(),
             m_window->store().articles().count());
}

QTEST_MAIN(TestUiCopyProject)
#include "tst_ui_copyproject.moc"
