// Team projects' passwords from the desktop keyring: the keyring itself
// (a private GNOME Keyring in a private D-Bus session, KeyringSession),
// logging in to a server that asks for a password (a private cluster whose
// pg_hba.conf wants scram-sha-256), reconnecting after a loss, and the
// command line's `framewise password remember|forget`.
#include "CliRunner.h"
#include "KeyringServer.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "store/ServerKeyring.h"
#include "store/ServerLoginError.h"
#include "store/ServerPasswords.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kRole = QStringLiteral("kr_coder");
const QString kPassword = QStringLiteral("right horse battery");
} // namespace

class TestKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void keyNamesTheProjectWithLibpqsDefaults();
    void storesReadsAndForgets();
    void logsInWithTheStoredPassword();
    void aPasswordGivenThisSessionComesFirst();
    void libpqsSourcesComeBeforeTheKeyring();
    void reconnectsWithThePasswordItOpenedWith();
    void commandLineRemembersAndForgets();
    void noKeyringIsNamed();

private:
    // Why a login failed, or empty when it succeeded.
    QString openError(const QString &url);

    std::unique_ptr<KeyringServer> m_server;
    QString m_url;
    QTemporaryDir m_home;
};

void TestKeyring::initTestCase()
{
    m_server = std::make_unique<KeyringServer>(QStringLiteral("keyring"), kRole, kPassword);
    if (!m_server->problem().isEmpty()) {
        if (m_server->mayBeSkipped())
            QSKIP(qPrintable(m_server->problem()));
        QFAIL(qPrintable(m_server->problem()));
    }
    m_url = m_server->url();
    // The role's project, made with the password given for the session.
    ServerPasswords::use(m_url, kPassword);
    ProjectSession::open(m_url, ProjectSession::OpenMode::CreateIfMissing);
    ServerPasswords::drop(m_url);
}

void TestKeyring::init()
{
    ServerPasswords::drop(m_url);
    ServerKeyring::remove(m_url);
}

void TestKeyring::cleanupTestCase()
{
    m_server.reset();
}

QString TestKeyring::openError(const QString &url)
{
    try {
        ProjectSession::open(url);
    } catch (const ProjectError &e) {
        return e.message();
    }
    return {};
}

void TestKeyring::keyNamesTheProjectWithLibpqsDefaults()
{
    QCOMPARE(ServerKeyring::key(QStringLiteral("postgresql://ann@db.example.org:6543/news")),
             QStringLiteral("ann@db.example.org:6543/news"));
    // Spellings of one project share one entry.
    QCOMPARE(
        ServerKeyring::key(QStringLiteral("postgres://ann@db.example.org/news?sslmode=require")),
        ServerKeyring::key(QStringLiteral("postgresql://ann@db.example.org:5432/news")));
    qputenv("PGUSER", "bo");
    const QString key = ServerKeyring::key(QStringLiteral("postgresql://db.example.org/news"));
    qunsetenv("PGUSER");
    QCOMPARE(key, QStringLiteral("bo@db.example.org:5432/news"));
    // A URL with a password is refused before anything is looked up.
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             ServerKeyring::key(QStringLiteral("postgresql://ann:pw@h/news")));
}

void TestKeyring::storesReadsAndForgets()
{
    QVERIFY(!ServerKeyring::read(m_url));
    ServerKeyring::write(m_url, QStringLiteral("first"));
    QCOMPARE(ServerKeyring::read(m_url), std::optional<QString>(QStringLiteral("first")));
    // In the Secret Service, under service Framewise and the project's key.
    QCOMPARE(m_server->keyring().lookup(ServerKeyring::key(m_url)),
             std::optional<QString>(QStringLiteral("first")));
    ServerKeyring::write(m_url, QStringLiteral("second"));
    QCOMPARE(ServerKeyring::read(m_url), std::optional<QString>(QStringLiteral("second")));
    QVERIFY(ServerKeyring::remove(m_url));
    QVERIFY(!ServerKeyring::read(m_url));
    QVERIFY(!m_server->keyring().lookup(ServerKeyring::key(m_url)));
    QVERIFY(!ServerKeyring::remove(m_url));
}

void TestKeyring::logsInWithTheStoredPassword()
{
    // Nothing stored: refused, saying why and what to do.
    QString error = openError(m_url);
    QVERIFY2(error.startsWith(m_url
                              + QStringLiteral(": the server refused “kr_coder” "
                                               "(authentication failed")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("No password is saved for it in the desktop keyring")),
             qPrintable(error));
    try {
        ProjectSession::open(m_url);
        QFAIL("opened without a password");
    } catch (const ServerLoginError &e) {
        QCOMPARE(e.url(), m_url);
        QCOMPARE(e.tried(), ServerPasswords::Source::None);
        QVERIFY2(e.serverMessage().contains(QLatin1String("no password supplied")),
                 qPrintable(e.serverMessage()));
    }

    ServerPasswords::remember(m_url, kPassword);
    QCOMPARE(openError(m_url), QString());

    // A stale one is named as the keyring's, with the server's word.
    ServerKeyring::write(m_url, QStringLiteral("wrong"));
    error = openError(m_url);
    QVERIFY2(error.contains(QLatin1String("password authentication failed for user \"kr_coder\"")),
             qPrintable(error));
    QVERIFY2(
        error.contains(QStringLiteral("The password saved in the desktop keyring (%1) was refused")
                           .arg(ServerKeyring::key(m_url))),
        qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("wrong")), qPrintable(error));
}

void TestKeyring::aPasswordGivenThisSessionComesFirst()
{
    ServerKeyring::write(m_url, QStringLiteral("wrong"));
    ServerPasswords::use(m_url, kPassword);
    QCOMPARE(openError(m_url), QString());
    ServerPasswords::drop(m_url);
    QVERIFY(!openError(m_url).isEmpty());
    // A wrong one given this session is named as such.
    ServerPasswords::use(m_url, QStringLiteral("typo"));
    QVERIFY2(openError(m_url).contains(QLatin1String("The password given for it was refused")),
             qPrintable(openError(m_url)));
}

void TestKeyring::libpqsSourcesComeBeforeTheKeyring()
{
    // PGPASSWORD is right: the keyring's wrong one is never tried.
    ServerKeyring::write(m_url, QStringLiteral("wrong"));
    qputenv("PGPASSWORD", kPassword.toUtf8());
    const QString withRightVariable = openError(m_url);
    // PGPASSWORD is refused: then the keyring's right one logs in.
    ServerKeyring::write(m_url, kPassword);
    qputenv("PGPASSWORD", "stale");
    const QString withStaleVariable = openError(m_url);
    qunsetenv("PGPASSWORD");
    QCOMPARE(withRightVariable, QString());
    QCOMPARE(withStaleVariable, QString());
}

void TestKeyring::reconnectsWithThePasswordItOpenedWith()
{
    ServerPasswords::remember(m_url, kPassword);
    auto session = ProjectSession::open(m_url);
    // Gone from the keyring: the connection still has it.
    QVERIFY(ServerPasswords::forget(m_url));
    QVERIFY(m_server->cluster().kill());
    QVERIFY(!session->database().probe());
    QVERIFY(m_server->cluster().start());
    QString error;
    QVERIFY2(session->database().reconnect(&error), qPrintable(error));
    QVERIFY(session->database().probe());
}

void TestKeyring::commandLineRemembersAndForgets()
{
    const CliRunner cli(QStringLiteral(FRAMEWISE_BINARY), m_home.path());
    // Opening the URL from the command line: nothing stored yet.
    CliRunner::Run r = cli.run({QStringLiteral("list"), m_url});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("No password is saved for it"), r.err.constData());

    // A wrong password is checked with the server and not kept.
    r = cli.run({QStringLiteral("password"), QStringLiteral("remember"), m_url}, "wrong\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("password authentication failed"), r.err.constData());
    QVERIFY(!ServerKeyring::read(m_url));

    r = cli.run({QStringLiteral("password"), QStringLiteral("remember"), m_url}, "");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no password was given on stdin"), r.err.constData());

    r = cli.run({QStringLiteral("password"), QStringLiteral("remember"), m_url},
                (kPassword + QLatin1Char('\n')).toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("saved the password of %1 in the desktop keyring\n")
                 .arg(ServerKeyring::key(m_url)));
    QCOMPARE(ServerKeyring::read(m_url), std::optional<QString>(kPassword));

    // Now any subcommand logs in with it.
    r = cli.run({QStringLiteral("list"), m_url});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    r = cli.run({QStringLiteral("password"), QStringLiteral("forget"), m_url});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("removed the password of"));
    QVERIFY(!ServerKeyring::read(m_url));
    r = cli.run({QStringLiteral("password"), QStringLiteral("forget"), m_url});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("the desktop keyring held no password of"));
    r = cli.run({QStringLiteral("list"), m_url});
    QCOMPARE(r.exitCode, 1);

    r = cli.run({QStringLiteral("password"), QStringLiteral("remember"),
                 QStringLiteral("project.framewise")});
    QCOMPARE(r.exitCode, 2);
}

void TestKeyring::noKeyringIsNamed()
{
    const CliRunner cli(QStringLiteral(FRAMEWISE_BINARY), m_home.path());
    const QByteArray address = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    QTemporaryDir nowhere;
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QStringLiteral("unix:path=%1/bus").arg(nowhere.path()).toUtf8());
    const CliRunner::Run forget
        = cli.run({QStringLiteral("password"), QStringLiteral("forget"), m_url});
    const CliRunner::Run remember
        = cli.run({QStringLiteral("password"), QStringLiteral("remember"), m_url},
                  (kPassword + QLatin1Char('\n')).toUtf8());
    const CliRunner::Run list = cli.run({QStringLiteral("list"), m_url});
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    QCOMPARE(forget.exitCode, 1);
    QVERIFY2(forget.err.contains(m_url.toUtf8())
                 && forget.err.contains("no desktop keyring is available"),
             forget.err.constData());
    // Never written anywhere else instead.
    QCOMPARE(remember.exitCode, 1);
    QVERIFY2(remember.err.contains("desktop keyring"), remember.err.constData());
    QVERIFY(!ServerKeyring::read(m_url));
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(kPassword.toUtf8()), qPrintable(file.fileName()));
    }
    // Opening says the keyring could not be read, besides the refusal.
    QCOMPARE(list.exitCode, 1);
    QVERIFY2(list.err.contains("The keyring could not be read"), list.err.constData());
}

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
