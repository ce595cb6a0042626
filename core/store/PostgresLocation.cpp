#include "PostgresLocation.h"

#include "base/ProjectError.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>
#include <pwd.h>
#include <unistd.h>

namespace {
// The URL parameters we pass on to libpq; anything else is a typo we name.
const QStringList kLibpqOptions = {QStringLiteral("sslmode"),
                                   QStringLiteral("sslrootcert"),
                                   QStringLiteral("sslcert"),
                                   QStringLiteral("sslkey"),
                                   QStringLiteral("connect_timeout"),
                                   QStringLiteral("service"),
                                   QStringLiteral("passfile"),
                                   QStringLiteral("application_name"),
                                   QStringLiteral("target_session_attrs")};

[[noreturn]] void wrong(const QString &url, const QString &why)
{
    throw ProjectError(QStringLiteral("%1: not a usable PostgreSQL URL (%2); write "
                                      "postgresql://user@host:port/database or "
                                      "postgresql:///database?host=/socket/folder")
                           .arg(url, why));
}
} // namespace

bool PostgresLocation::isUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql:"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("postgres:"), Qt::CaseInsensitive);
}

PostgresLocation PostgresLocation::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        wrong(text, url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        wrong(text, QStringLiteral("the scheme must be postgresql://"));
    if (!text.mid(scheme.size() + 1).startsWith(QLatin1String("//")))
        wrong(text, QStringLiteral("“//” is missing after the scheme"));
    if (!url.password().isEmpty())
        throw ProjectError(QStringLiteral("%1: a password does not belong in the URL; put it in "
                                          "~/.pgpass, PGPASSWORD or a service file")
                               .arg(url.toDisplayString(QUrl::RemovePassword)));

    PostgresLocation where;
    where.host = url.host(QUrl::FullyDecoded);
    where.user = url.userName(QUrl::FullyDecoded);
    where.port = url.port(-1);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.isEmpty())
        wrong(text, QStringLiteral("no database name"));
    if (path.contains(QLatin1Char('/')))
        wrong(text, QStringLiteral("“%1” is not a database name").arg(path));
    where.database = path;

    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            where.host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            where.port = value.toInt(&ok);
            if (!ok || where.port <= 0 || where.port > 65535)
                wrong(text, QStringLiteral("“%1” is not a port").arg(value));
        } else if (key == QLatin1String("user")) {
            where.user = value;
        } else if (key == QLatin1String("dbname")) {
            where.database = value;
        } else if (key == QLatin1String("password")) {
            throw ProjectError(QStringLiteral("%1: a password does not belong in the URL; put "
                                              "it in ~/.pgpass, PGPASSWORD or a service file")
                                   .arg(scheme + QStringLiteral("://…")));
        } else if (kLibpqOptions.contains(key)) {
            where.options << key + QLatin1Char('=') + value;
        } else {
            wrong(text, QStringLiteral("unknown parameter “%1”").arg(key));
        }
    }
    return where;
}

QSqlDatabase PostgresLocation::addConnection(const QString &url, const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw ProjectError(QStringLiteral("%1: Qt's PostgreSQL driver (QPSQL) is not installed "
                                          "(Debian package libqt6sql6-psql)")
                               .arg(url));
    }
    db.setHostName(host);
    if (port > 0)
        db.setPort(port);
    db.setUserName(user);
    db.setDatabaseName(database);
    QStringList all = options;
    if (!std::any_of(all.cbegin(), all.cend(), [](const QString &o) {
            return o.startsWith(QLatin1String("connect_timeout="));
        }))
        all << QStringLiteral("connect_timeout=10");
    db.setConnectOptions(all.join(QLatin1Char(';')));
    return db;
}

QString PostgresLocation::login() const
{
    if (!user.isEmpty())
        return user;
    const QString fromEnvironment = qEnvironmentVariable("PGUSER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // libpq asks the password database too, not $USER.
    if (const passwd *entry = getpwuid(geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER");
}

QString PostgresLocation::detail(const QSqlError &error)
{
    return error.databaseText().simplified().isEmpty() ? error.text().simplified()
                                                       : error.databaseText().simplified();
}

bool PostgresLocation::isAuthenticationFailure(const QSqlError &error)
{
    const QString text = detail(error);
    return text.contains(QLatin1String("authentication failed"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("no password supplied"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("password authentication"), Qt::CaseInsensitive);
}

QString PostgresLocation::failure(const QString &url, const QSqlError &error) const
{
    const QString detail = PostgresLocation::detail(error);
    const QString who
        = user.isEmpty() ? QStringLiteral("the default user") : QStringLiteral("“%1”").arg(user);
    if (isAuthenticationFailure(error))
        return QStringLiteral("%1: the server refused %2 (authentication failed; the password "
                              "comes from ~/.pgpass, PGPASSWORD, a service file or the desktop "
                              "keyring): %3")
            .arg(url, who, detail);
    if (detail.contains(QLatin1String("does not exist"), Qt::CaseInsensitive)
        && detail.contains(QLatin1String("database"), Qt::CaseInsensitive))
        return QStringLiteral(
                   "%1: the server has no database “%2”; create it first (createdb %2): %3")
            .arg(url, database, detail);
    if (detail.contains(QLatin1String("Connection refused"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("No such file or directory"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("could not translate host name"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("timeout expired"), Qt::CaseInsensitive))
        return QStringLiteral("%1: cannot reach the PostgreSQL server (is it running, and is "
                              "this its address?): %2")
            .arg(url, detail);
    return QStringLiteral("%1: cannot connect to PostgreSQL: %2").arg(url, detail);
}
