// Losing a team project's server with the app open: the banner says so and
// counts down to the next attempt, editing is refused (the actions wait,
// the store refuses), and once the server is back the window reads what
// others changed meanwhile while the reader keeps the user's article,
// selection and scroll position. The server is a private cluster killed
// like a crash; without initdb the test fails under CI=true.
#include "PrivateCluster.h"
#include "ReaderSelection.h"
#include "RequiredTool.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "base/ProjectError.h"
#include "reader/ReaderView.h"
#include "shell/ConnectionBanner.h"
#include "shell/MainWindow.h"
#include "store/ProjectSession.h"

#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>

class TestUiServerLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bannerRefusalAndCatchingUp();

private:
    std::unique_ptr<PrivateCluster> m_cluster;
};

void TestUiServerLink::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiServerLink::bannerRefusalAndCatchingUp()
{
    m_cluster = std::make_unique<PrivateCluster>();
    if (const QString problem = m_cluster->problem(); !problem.isEmpty()) {
        if (problem.contains(QLatin1String("not installed")) && !RequiredTool::mustFail())
            QSKIP(qPrintable(problem));
        QFAIL(qPrintable(problem));
    }
    const QString url = m_cluster->createDatabase(QStringLiteral("team"));
    QVERIFY2(!url.isEmpty(), qPrintable(m_cluster->problem()));
    qint64 article = 0, code = 0;
    {
        auto setup = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
        Article a;
        a.title = QStringLiteral("Kim frames the war");
        QStringList paragraphs;
        for (int i = 0; i < 60; ++i)
            paragraphs << QStringLiteral("Paragraph %1: Kim Jong Un called the war in Ukraine a "
                                         "fight for Korean security, and Seoul 🇰🇷 answered.")
                              .arg(i + 1);
        a.text = paragraphs.join(QLatin1Char('\n'));
        article = setup->articles().add(a).id;
        Category c;
        c.name = QStringLiteral("Techniques");
        c.kind = Category::Kind::Technique;
        Code loaded;
        loaded.categoryId = setup->codebook().addCategory(c);
        loaded.name = QStringLiteral("Loaded language");
        code = setup->codebook().addCode(loaded);
    }

    MainWindow window(ProjectSession::open(url), MainWindow::Options {false});
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticle(article));
    ConnectionBanner *banner = window.connectionBanner();
    QVERIFY(!banner->isVisible());
    ReaderView *reader = window.reader();
    QVERIFY(selectPhraseInReader(reader, QStringLiteral("Korean security"), 30));
    QVERIFY(window.applyCode(code));
    QVERIFY(selectPhraseInReader(reader, QStringLiteral("fight"), 40));
    const int anchor = reader->textCursor().anchor(), position = reader->textCursor().position();
    reader->verticalScrollBar()->setValue(reader->verticalScrollBar()->maximum() / 2);
    const int scroll = reader->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    // The server dies: the heartbeat notices while the user only reads.
    QVERIFY(m_cluster->kill());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), ServerLink::heartbeatMs * 3);
    QVERIFY2(banner->message().startsWith(QLatin1String("Lost the connection to team")),
             qPrintable(banner->message()));
    QVERIFY(banner->message().contains(QLatin1String("Edits are refused")));
    QVERIFY(banner->reconnectButton()->isVisible());
    QVERIFY2(window.windowTitle().contains(QLatin1String("[Offline]")),
             qPrintable(window.windowTitle()));
    // Coding waits; the store would refuse it anyway, with a message.
    QVERIFY(!window.applyCode(code));
    QVERIFY_THROWS_EXCEPTION(ProjectError, [&] {
        UnitOfWork unit(window.store().database());
        unit.commit();
    }());
    QTRY_VERIFY(banner->message().contains(QLatin1String("Reconnecting in")));
    if (qEnvironmentVariableIsSet("FRAMEWISE_SERVERLINK_SCREENSHOT"))
        window.grab().save(qEnvironmentVariable("FRAMEWISE_SERVERLINK_SCREENSHOT"));

    // Back, and a colleague codes before this window reconnects.
    QVERIFY(m_cluster->start());
    {
        auto colleague = ProjectSession::open(url);
        colleague->coders().setCurrent(QStringLiteral("bob"));
        NewAnnotation n;
        n.articleId = article;
        n.start = 0;
        n.end = 9;
        n.codeIds = {code};
        UnitOfWork unit(colleague->database());
        colleague->annotations().add(n);
        unit.commit();
    }
    QTest::mouseClick(banner->reconnectButton(), Qt::LeftButton);
    QTRY_VERIFY(banner->message().startsWith(QLatin1String("Connected to team again")));
    QVERIFY(!window.windowTitle().contains(QLatin1String("[Offline]")));
    // What bob coded meanwhile shows; the reader is where the user left it.
    QCOMPARE(window.annotationPanel()->model()->rowCount(), 2);
    QCOMPARE(reader->articleId(), article);
    QCOMPARE(reader->textCursor().anchor(), anchor);
    QCOMPARE(reader->textCursor().position(), position);
    QCOMPARE(reader->verticalScrollBar()->value(), scroll);
    QVERIFY(window.applyCode(code));
    QCOMPARE(window.store().annotations().count(), 3);
    // The good news goes away by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), ConnectionBanner::restoredShownMs * 2);
}

QTEST_MAIN(TestUiServerLink)
#include "tst_ui_serverlink.moc"
