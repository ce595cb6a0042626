// An annotation made through the widgets must survive the app being killed
// the moment afterwards.
//
// This reproduces the on-disk state after SIGKILL without killing anything:
// while the window and its store are still open (nothing closed, nothing
// checkpointed, no destructor run), the project file and its -wal file are
// copied byte for byte, which is exactly what a killed process leaves
// behind. A fresh ProjectSession then opens the copy, as the next start of
// the app would, and must find the annotation.
#include "shell/MainWindow.h"
#include "reader/ReaderView.h"
#include "project/StarterProject.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void annotationSurvivesKill();
    void freshProjectSurvivesKill();

private:
    // Annotates through the window over the project at path, then copies
    // the live files to dir and opens the copy with a fresh store.
    void annotateAndCopy(const QString &path, const QString &dir);
};

void TestCrashSafety::annotationSurvivesKill()
{
    QTemporaryDir live;
    QTemporaryDir after;
    QVERIFY(live.isValid() && after.isValid());
    const QString path = live.filePath(QStringLiteral("crash.framewise"));
    // The usual case: a project made in an earlier session, closed cleanly.
    StarterProject::openOrCreate(path).reset();
    annotateAndCopy(path, after.path());
}

void TestCrashSafety::freshProjectSurvivesKill()
{
    QTemporaryDir live;
    QTemporaryDir after;
    QVERIFY(live.isValid() && after.isValid());
    // Killed in the very first session: the project's creation has not been
    // checkpointed into the main file yet either.
    annotateAndCopy(live.filePath(QStringLiteral("crash.framewise")), after.path());
}

void TestCrashSafety::annotateAndCopy(const QString &path, const QString &dir)
{
    MainWindow window(StarterProject::openOrCreate(path), MainWindow::Options{false});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFirstArticle());
    ReaderView *reader = window.reader();
    const QTextCursor found = reader->document()->find(QStringLiteral("neo-Nazi"), reader->textStart());
    QVERIFY(!found.isNull());
    reader->setTextCursor(found);
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_1);
    QCOMPARE(window.store().annotations().count(), 1);
    const Annotation made = window.store().annotations().all().first();

    // Copy what is on disk right now, store still open.
    const QString copy = QDir(dir).filePath(QStringLiteral("crash.framewise"));
    QVERIFY(QFile::copy(path, copy));
    QVERIFY2(QFile::exists(path + QStringLiteral("-wal")), "expected a WAL file while the store is open");
    QVERIFY(QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));

    std::unique_ptr<ProjectSession> reopened;
    QString error;
    try {
        reopened = ProjectSession::open(copy);
    } catch (const ProjectError &e) {
        error = e.message();
    }
    QVERIFY2(reopened, qPrintable(error));
    const QList<Annotation> survived = reopened->annotations().all();
    QCOMPARE(survived.size(), 1);
    QCOMPARE(survived.first().id, made.id);
    QCOMPARE(survived.first().quote, QStringLiteral("neo-Nazi"));
    QCOMPARE(survived.first().start, made.start);
    QCOMPARE(survived.first().end, made.end);
    QCOMPARE(survived.first().codeIds, made.codeIds);
}

QTEST_MAIN(TestCrashSafety)
#include "tst_ui_crashsafety.moc"
