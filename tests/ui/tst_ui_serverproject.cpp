// Opening a team project on a PostgreSQL server from the app: File > Open
// Server Project…, the command line's project argument, and what the window
// calls such a project. Runs against the throwaway cluster of
// scripts/with-postgres (FRAMEWISE_TEST_PGHOST); without it, it fails.
#include "StarterWindow.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "store/PostgresLocation.h"
#include "store/ProjectLocation.h"

#include <QAction>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

class TestUiServerProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void namesFilesAndServerProjects();
    void opensAServerProjectInPlaceOfTheFile();
    void dialogOpensTheUrlTyped();
    void refusalsKeepTheOpenProject();
    void starterNeverFillsADatabase();
    void commandLineOpensAUrl();

private:
    // A server project holding one article, closed again.
    QString serverProject(const QString &name);

    std::unique_ptr<TestProject> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiServerProject::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("FRAMEWISE_TEST_BACKEND", "postgresql");
}

void TestUiServerProject::init()
{
    m_server = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_server);
    QVERIFY(openStarterWindow(m_dir, m_window, {1200, 800}));
}

void TestUiServerProject::cleanup()
{
    m_window.reset();
    m_dir.reset();
    m_server.reset(); // drops the databases once nothing holds them open
}

QString TestUiServerProject::serverProject(const QString &name)
{
    const QString url = m_server->location(name);
    auto session = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Kim Jong Un links Ukraine war to Korean security");
    a.outlet = QStringLiteral("Korea Herald");
    a.text = QStringLiteral("Kim Jong Un has offered his most explicit justification yet.");
    session->articles().add(a);
    return url;
}

void TestUiServerProject::namesFilesAndServerProjects()
{
    QCOMPARE(ProjectLocation::displayName(QStringLiteral("/home/ana/study.framewise")),
             QStringLiteral("study.framewise"));
    QCOMPARE(ProjectLocation::baseName(QStringLiteral("/home/ana/study.framewise")),
             QStringLiteral("study"));
    QCOMPARE(
        ProjectLocation::displayName(QStringLiteral("postgresql://ana@db.example.org:5433/study")),
        QStringLiteral("study"));
    QCOMPARE(ProjectLocation::baseName(QStringLiteral("postgresql:///study?host=/run/pg")),
             QStringLiteral("study"));
    QCOMPARE(ProjectLocation::folder(QStringLiteral("postgresql:///study")), QDir::homePath());
    QCOMPARE(ProjectLocation::folder(QStringLiteral("/home/ana/study.framewise")),
             QStringLiteral("/home/ana"));
}

void TestUiServerProject::opensAServerProjectInPlaceOfTheFile()
{
    const QString url = serverProject(QStringLiteral("team.framewise"));
    const QString database = PostgresLocation::parse(url).database;
    QVERIFY(m_window->openServerProject(url));
    QCOMPARE(m_window->store().path(), url);
    QCOMPARE(m_window->libraryPanel()->view()->model()->rowCount(), 1);
    // The window names the project by its database, not by a file.
    QVERIFY2(m_window->windowTitle().contains(database), qPrintable(m_window->windowTitle()));
    const auto labels = m_window->statusBar()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                        [&](const QLabel *l) { return l->text() == database; }));
    // Coding works there as in a file.
    const auto code = m_window->store().codebook().ensureCode(QStringLiteral("Person"));
    const qint64 article = m_window->store().articles().summaries().constFirst().id;
    m_window->store().annotations().add({article, 0, 11, {code.id}, QStringLiteral("ana"), {}});
    QTRY_COMPARE(m_window->libraryPanel()
                     ->view()
                     ->model()
                     ->index(0, LibraryModel::Annotations)
                     .data()
                     .toInt(),
                 1);
}

void TestUiServerProject::dialogOpensTheUrlTyped()
{
    const QString url = serverProject(QStringLiteral("typed.framewise"));
    auto *action = m_window->findChild<QAction *>(QStringLiteral("openServerProjectAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    // Type the URL into the dialog as a user would, and press Enter.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setTextValue(url);
        dialog->accept();
    });
    action->trigger();
    QCOMPARE(m_window->store().path(), url);
}

void TestUiServerProject::refusalsKeepTheOpenProject()
{
    const QString before = m_window->store().path();
    // A database with no project in it, and a text that is no URL.
    const QString empty = m_server->location(QStringLiteral("empty.framewise"));
    QVERIFY(!m_window->openServerProject(empty));
    QCOMPARE(m_window->store().path(), before);
    QVERIFY(
        m_window->statusBar()->currentMessage().contains(PostgresLocation::parse(empty).database));
    QVERIFY(!m_window->openServerProject(QStringLiteral("/tmp/study.framewise")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("postgresql://")));
    QCOMPARE(m_window->store().path(), before);
    QCOMPARE(m_window->libraryPanel()->view()->model()->rowCount(), 1); // the sample article
    for (QMessageBox *box : m_window->findChildren<QMessageBox *>(QStringLiteral("errorMessage")))
        box->close();
}

void TestUiServerProject::starterNeverFillsADatabase()
{
    // The launcher's way in: a server project opens as it is (no sample
    // article, no starter codebook), and an empty database is not made one.
    const QString url = serverProject(QStringLiteral("launch.framewise"));
    {
        auto session = StarterProject::openOrCreate(url);
        QCOMPARE(session->articles().count(), 1);
        QVERIFY(session->codebook().codes().isEmpty());
    }
    const QString empty = m_server->location(QStringLiteral("blank.framewise"));
    QVERIFY_THROWS_EXCEPTION(ProjectError, StarterProject::openOrCreate(empty));
}

void TestUiServerProject::commandLineOpensAUrl()
{
    // `framewise URL` opens the server project (here for a screenshot).
    const QString url = serverProject(QStringLiteral("shot.framewise"));
    const QString png = m_dir->filePath(QStringLiteral("shot.png"));
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(FRAMEWISE_BINARY), {url, QStringLiteral("--screenshot"), png});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(QImage(png).width() > 0);
    // An empty database is refused, named, and not made a project.
    const QString empty = m_server->location(QStringLiteral("nothing.framewise"));
    app.start(QStringLiteral(FRAMEWISE_BINARY), {empty, QStringLiteral("--screenshot"), png});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 1);
    const QString error = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(error.contains(PostgresLocation::parse(empty).database), qPrintable(error));
    QVERIFY_THROWS_EXCEPTION(ProjectError, ProjectSession::open(empty));
}

QTEST_MAIN(TestUiServerProject)
#include "tst_ui_serverproject.moc"
