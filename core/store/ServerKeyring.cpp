#include "ServerKeyring.h"

#include "PostgresLocation.h"
#include "base/ProjectError.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace {
const QString kService = QStringLiteral("Framewise");

// Runs a job to its end; QtKeychain answers through the event loop.
void finish(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    // Never the plaintext QSettings file QtKeychain falls back to.
    job.setInsecureFallback(false);
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    job.start();
    // The user's clicks wait: nothing may act on a half-opened project.
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
}

[[noreturn]] void fail(const QKeychain::Job &job, const QString &url, const QString &doing)
{
    const QString why = job.errorString().simplified();
    // libsecret reports a missing session bus as just another error.
    const bool noBus = job.error() == QKeychain::OtherError
        && (why.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
            || why.contains(QLatin1String("dbus"), Qt::CaseInsensitive)
            || why.contains(QLatin1String("Could not connect"), Qt::CaseInsensitive));
    switch (noBus ? QKeychain::NoBackendAvailable : job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        throw ProjectError(QStringLiteral("%1: no desktop keyring is available to %2 its "
                                          "password (Framewise needs a Secret Service such as "
                                          "GNOME Keyring or KWallet on the session's D-Bus); "
                                          "nothing is stored in clear instead: %3")
                               .arg(url, doing, why));
    case QKeychain::AccessDeniedByUser:
        throw ProjectError(QStringLiteral("%1: access to the desktop keyring was denied (to %2 "
                                          "its password): %3")
                               .arg(url, doing, why));
    case QKeychain::AccessDenied:
        throw ProjectError(QStringLiteral("%1: the desktop keyring refused to %2 its password "
                                          "(is the keyring locked?): %3")
                               .arg(url, doing, why));
    default:
        throw ProjectError(QStringLiteral("%1: the desktop keyring failed to %2 its password: %3")
                               .arg(url, doing, why));
    }
}
} // namespace

QString ServerKeyring::key(const QString &url)
{
    const PostgresLocation where = PostgresLocation::parse(url);
    QString host = where.host;
    if (host.isEmpty())
        host = qEnvironmentVariable("PGHOST", QStringLiteral("localhost"));
    int port = where.port;
    if (port <= 0)
        port = qEnvironmentVariable("PGPORT", QStringLiteral("5432")).toInt();
    return QStringLiteral("%1@%2:%3/%4").arg(where.login(), host).arg(port).arg(where.database);
}

std::optional<QString> ServerKeyring::read(const QString &url)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key(url));
    finish(job);
    if (job.error() == QKeychain::EntryNotFound)
        return std::nullopt;
    if (job.error() != QKeychain::NoError)
        fail(job, url, QStringLiteral("read"));
    return job.textData();
}

void ServerKeyring::write(const QString &url, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key(url));
    job.setTextData(password);
    finish(job);
    if (job.error() != QKeychain::NoError)
        fail(job, url, QStringLiteral("store"));
}

bool ServerKeyring::remove(const QString &url)
{
    // QtKeychain's delete succeeds for a missing entry too: look first.
    if (!read(url))
        return false;
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key(url));
    finish(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        fail(job, url, QStringLiteral("remove"));
    return true;
}
