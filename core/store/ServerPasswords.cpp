#include "ServerPasswords.h"

#include "PostgresLocation.h"
#include "ServerKeyring.h"
#include "ServerLoginError.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace {
QMutex g_mutex;
// By ServerKeyring::key, so every spelling of a URL shares its password.
QHash<QString, QString> g_session;
QHash<QString, QString> g_fromKeyring;

bool onMainThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread();
}
} // namespace

ServerPasswords::Known ServerPasswords::session(const QString &url)
{
    const QString key = ServerKeyring::key(url);
    QMutexLocker lock(&g_mutex);
    if (const auto it = g_session.constFind(key); it != g_session.constEnd())
        return {*it, Source::Session, {}};
    return {};
}

ServerPasswords::Known ServerPasswords::stored(const QString &url)
{
    const QString key = ServerKeyring::key(url);
    if (!onMainThread()) {
        QMutexLocker lock(&g_mutex);
        if (const auto it = g_fromKeyring.constFind(key); it != g_fromKeyring.constEnd())
            return {*it, Source::Keyring, {}};
        return {};
    }
    // Read afresh on the main thread: `framewise password` may have
    // changed it meanwhile.
    Known known;
    try {
        const auto password = ServerKeyring::read(url);
        QMutexLocker lock(&g_mutex);
        if (password) {
            known = {*password, Source::Keyring, {}};
            g_fromKeyring.insert(key, *password);
        } else {
            g_fromKeyring.remove(key);
        }
    } catch (const ProjectError &e) {
        // No keyring is no error: the login fails as it would without one.
        known.keyringProblem = e.message();
    }
    return known;
}

void ServerPasswords::use(const QString &url, const QString &password)
{
    const QString key = ServerKeyring::key(url);
    QMutexLocker lock(&g_mutex);
    g_session.insert(key, password);
}

void ServerPasswords::drop(const QString &url)
{
    const QString key = ServerKeyring::key(url);
    QMutexLocker lock(&g_mutex);
    g_session.remove(key);
}

void ServerPasswords::remember(const QString &url, const QString &password)
{
    ServerKeyring::write(url, password);
    const QString key = ServerKeyring::key(url);
    QMutexLocker lock(&g_mutex);
    g_fromKeyring.insert(key, password);
}

bool ServerPasswords::forget(const QString &url)
{
    const QString key = ServerKeyring::key(url);
    {
        QMutexLocker lock(&g_mutex);
        g_session.remove(key);
        g_fromKeyring.remove(key);
    }
    return ServerKeyring::remove(url);
}

void ServerPasswords::check(const QString &url, const QString &password)
{
    const PostgresLocation where = PostgresLocation::parse(url);
    const QString name
        = QStringLiteral("framewise-login-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    {
        QSqlDatabase db = where.addConnection(url, name);
        db.setPassword(password);
        const bool opened = db.open();
        const QSqlError error = db.lastError();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        if (!opened)
            fail(url, where, error, {password, Source::Session, {}});
    }
}

void ServerPasswords::fail(const QString &url, const PostgresLocation &where,
                           const QSqlError &error, const Known &tried)
{
    const QString message = where.failure(url, error);
    if (!PostgresLocation::isAuthenticationFailure(error))
        throw ProjectError(message);
    QString which;
    switch (tried.source) {
    case Source::Session:
        which = QStringLiteral("The password given for it was refused.");
        break;
    case Source::Keyring:
        which = QStringLiteral("The password saved in the desktop keyring (%1) was refused; "
                               "give the right one, or remove it with `framewise password "
                               "forget URL` or File > Forget Saved Password.")
                    .arg(ServerKeyring::key(url));
        break;
    case Source::None:
        which = QStringLiteral("No password is saved for it in the desktop keyring (save one "
                               "with `framewise password remember URL`, or when the app asks "
                               "for it).");
        if (!tried.keyringProblem.isEmpty())
            which += QStringLiteral(" The keyring could not be read: ") + tried.keyringProblem;
        break;
    }
    throw ServerLoginError(message + QLatin1Char(' ') + which, url, PostgresLocation::detail(error),
                           tried.source);
}
