#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlError;

// Where a team project lives: a postgresql:// URL, as libpq writes them
// (postgresql://user@host:port/dbname, postgresql:///dbname?host=/socket/dir).
// A password never appears here: libpq takes it from ~/.pgpass, PGPASSWORD
// or a service file, or ServerPasswords hands over one the user typed or
// the desktop keyring holds; none is ever written in clear by us.
class PostgresLocation
{
public:
    // True for anything that is meant as a URL (postgresql:// or postgres://),
    // valid or not: such a text is never taken for a file name.
    static bool isUrl(const QString &text);
    // Throws ProjectError naming the URL and what is wrong with it.
    static PostgresLocation parse(const QString &url);

    QString host; // a name, an address or a socket folder; empty: libpq's default
    int port = -1; // -1: libpq's default
    QString user; // empty: libpq's default (PGUSER, else the login name)
    QString database; // never empty
    // key=value settings passed to libpq (sslmode, connect_timeout, ...).
    QStringList options;

    // A new QPSQL connection named `name` set to this place: host, port,
    // user, database and options (with a 10 s connect timeout unless the URL
    // names one); not opened. Throws ProjectError naming `url` when Qt's
    // PostgreSQL driver is missing.
    QSqlDatabase addConnection(const QString &url, const QString &name) const;
    // The role libpq logs in as: the URL's user, else PGUSER, else the
    // login name.
    QString login() const;
    // The server refused the credentials (or wanted a password and got none).
    static bool isAuthenticationFailure(const QSqlError &error);
    // What the server (or libpq) said, on one line.
    static QString detail(const QSqlError &error);

    // A message for a connection that failed, by the kind of failure.
    QString failure(const QString &url, const QSqlError &error) const;
};
