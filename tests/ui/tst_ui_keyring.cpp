// A team project's password asked for by the window: File > Open Server
// Project… on a server that wants a password shows the password dialog;
// a wrong password asks again with the server's word, the right one opens
// the project and, with "Remember" ticked, lands in the desktop keyring (a
// private GNOME Keyring, KeyringSession); Cancel keeps the open project;
// File > Forget Saved Password removes it again. The server is a private
// cluster asking for scram-sha-256 passwords.
#include "KeyringServer.h"
#include "StarterWindow.h"
#include "shell/ServerPasswordDialog.h"
#include "store/ServerKeyring.h"
#include "store/ServerPasswords.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

namespace {
const QString kRole = QStringLiteral("kr_ui");
const QString kPassword = QStringLiteral("correct staple");

// What the user does in one password dialog; an empty password cancels.
struct Answer
{
    QString password;
    bool remember = false;
};

// What one password dialog showed.
struct Shown
{
    QString label;
    QString refusal;
};
} // namespace

class TestUiKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void cancelKeepsTheOpenProject();
    void wrongThenRightAndRemembered();
    void forgetRemovesTheSavedPassword();
    void copyToAServerAsksToo();

private:
    // Answers the modal dialogs as they come: the URL dialog with m_url,
    // password dialogs with m_answers in turn (recording what they showed).
    void answerDialogs();

    std::unique_ptr<KeyringServer> m_server;
    QString m_url;
    QString m_typedUrl; // what the URL dialogs get
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QList<Answer> m_answers;
    QList<Shown> m_shown;
    QTimer m_answerer;
};

void TestUiKeyring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<KeyringServer>(QStringLiteral("keyring_ui"), kRole, kPassword);
    if (!m_server->problem().isEmpty()) {
        if (m_server->mayBeSkipped())
            QSKIP(qPrintable(m_server->problem()));
        QFAIL(qPrintable(m_server->problem()));
    }
    m_url = m_server->url();
    ServerPasswords::use(m_url, kPassword);
    ProjectSession::open(m_url, ProjectSession::OpenMode::CreateIfMissing);
    ServerPasswords::drop(m_url);
    m_answerer.setInterval(20);
    connect(&m_answerer, &QTimer::timeout, this, &TestUiKeyring::answerDialogs);
}

void TestUiKeyring::init()
{
    ServerPasswords::drop(m_url);
    ServerKeyring::remove(m_url);
    m_answers.clear();
    m_shown.clear();
    m_typedUrl = m_url;
    QVERIFY(openStarterWindow(m_dir, m_window, {1000, 700}));
    m_answerer.start();
}

void TestUiKeyring::cleanup()
{
    m_answerer.stop();
    m_window.reset();
    m_dir.reset();
}

void TestUiKeyring::cleanupTestCase()
{
    m_server.reset();
}

void TestUiKeyring::answerDialogs()
{
    QWidget *modal = QApplication::activeModalWidget();
    if (!modal || modal->property("answered").toBool())
        return;
    if (auto *input = qobject_cast<QInputDialog *>(modal)) {
        modal->setProperty("answered", true);
        input->setTextValue(m_typedUrl);
        input->accept();
        return;
    }
    if (modal->objectName() == QLatin1String("copyProjectWhere")) {
        modal->setProperty("answered", true);
        if (auto *toServer = modal->findChild<QPushButton *>(QStringLiteral("copyToServer")))
            toServer->click();
        return;
    }
    auto *dialog = qobject_cast<ServerPasswordDialog *>(modal);
    if (!dialog || m_answers.isEmpty())
        return;
    modal->setProperty("answered", true);
    const Answer answer = m_answers.takeFirst();
    const auto *label = dialog->findChild<QLabel *>(QStringLiteral("serverPasswordLabel"));
    const auto *refusal = dialog->findChild<QLabel *>(QStringLiteral("serverPasswordRefusal"));
    m_shown.append({label ? label->text() : QString(), refusal ? refusal->text() : QString()});
    if (answer.password.isEmpty()) {
        dialog->reject();
        return;
    }
    auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("serverPassword"));
    auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("rememberPassword"));
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    if (!field || !remember || !buttons) {
        dialog->reject();
        return;
    }
    QTest::keyClicks(field, answer.password);
    if (answer.remember)
        QTest::mouseClick(remember, Qt::LeftButton, {}, QPoint(5, remember->height() / 2));
    // For a look at it: FRAMEWISE_SCREENSHOT_DIR=dir keeps the last one asked.
    if (const QString dir = qEnvironmentVariable("FRAMEWISE_SCREENSHOT_DIR"); !dir.isEmpty())
        dialog->grab().save(dir + QStringLiteral("/server-password.png"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void TestUiKeyring::cancelKeepsTheOpenProject()
{
    const QString before = m_window->store().path();
    m_answers = {Answer {}};
    QVERIFY(!m_window->openServerProject(m_url));
    QCOMPARE(m_window->store().path(), before);
    QCOMPARE(m_shown.size(), 1);
    // The dialog names the role and the database; nothing was tried yet.
    QVERIFY2(m_shown[0].label.contains(QStringLiteral("“kr_ui”"))
                 && m_shown[0].label.contains(QStringLiteral("“keyring_ui”")),
             qPrintable(m_shown[0].label));
    QCOMPARE(m_shown[0].refusal, QString());
    QVERIFY(!ServerKeyring::read(m_url));
}

void TestUiKeyring::wrongThenRightAndRemembered()
{
    // A wrong password, "remembered": asked again, with the server's word.
    m_answers = {Answer {QStringLiteral("not it"), true}, Answer {kPassword, true}};
    auto *open = m_window->findChild<QAction *>(QStringLiteral("openServerProjectAction"));
    QVERIFY(open);
    open->trigger();
    QCOMPARE(m_window->store().path(), m_url);
    QCOMPARE(m_shown.size(), 2);
    QVERIFY2(m_shown[1].refusal.contains(QLatin1String("password authentication failed")),
             qPrintable(m_shown[1].refusal));
    QVERIFY(m_answers.isEmpty());
    // Only the password that worked is in the keyring.
    QCOMPARE(ServerKeyring::read(m_url), std::optional<QString>(kPassword));
    QCOMPARE(m_server->keyring().lookup(ServerKeyring::key(m_url)), std::optional<QString>(kPassword));

    // Next time (a new session) the keyring's password opens it unasked.
    ServerPasswords::drop(m_url);
    QVERIFY(openStarterWindow(m_dir, m_window, {1000, 700}));
    QVERIFY(m_window->openServerProject(m_url));
    QCOMPARE(m_window->store().path(), m_url);
    QCOMPARE(m_shown.size(), 2);
}

void TestUiKeyring::forgetRemovesTheSavedPassword()
{
    m_answers = {Answer {kPassword, true}};
    QVERIFY(m_window->openServerProject(m_url));
    QCOMPARE(ServerKeyring::read(m_url), std::optional<QString>(kPassword));
    auto *forget = m_window->findChild<QAction *>(QStringLiteral("forgetServerPassword"));
    QVERIFY(forget);
    forget->trigger();
    QVERIFY(!ServerKeyring::read(m_url));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(
                 QStringLiteral("Removed the saved password of %1").arg(ServerKeyring::key(m_url))),
             qPrintable(m_window->statusBar()->currentMessage()));
    // Asked for again; Cancel keeps the project that is open.
    m_answers = {Answer {}};
    QVERIFY(!m_window->openServerProject(m_url));
    QCOMPARE(m_shown.size(), 2);
    QCOMPARE(m_window->store().path(), m_url);
}

void TestUiKeyring::copyToAServerAsksToo()
{
    // File > Copy Project To… a server: the password is asked for there too.
    const QString password = QStringLiteral("copy pass");
    m_typedUrl = m_server->cluster().createPasswordDatabase(QStringLiteral("keyring_copy"),
                                                   QStringLiteral("kr_copy"), password);
    QVERIFY2(!m_typedUrl.isEmpty(), qPrintable(m_server->cluster().problem()));
    const QString before = m_window->store().path();
    m_answers = {Answer {password, false}};
    auto *copy = m_window->findChild<QAction *>(QStringLiteral("copyProjectAction"));
    QVERIFY(copy);
    copy->trigger();
    QCOMPARE(m_shown.size(), 1);
    QVERIFY2(m_shown[0].label.contains(QStringLiteral("“kr_copy”")), qPrintable(m_shown[0].label));
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Copied to")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(m_window->store().path(), before);
    // Not remembered: the keyring holds nothing; the session still knows it.
    QVERIFY(!ServerKeyring::read(m_typedUrl));
    QCOMPARE(ServerPasswords::session(m_typedUrl).source, ServerPasswords::Source::Session);
    ServerPasswords::drop(m_typedUrl);
}

QTEST_MAIN(TestUiKeyring)
#include "tst_ui_keyring.moc"
