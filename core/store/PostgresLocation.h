#pragma once

#include <QString>
#include <QStringList>

class QSqlError;

// Where a team project lives: a postgresql:// URL, as libpq writes them
// (postgresql://user@host:port/dbname, postgresql:///dbname?host=/socket/dir).
// A password never appears here: libpq takes it from ~/.pgpass, PGPASSWORD
// or a service file, so we neither store nor show one.
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

    // A message for a connection that failed, by the kind of failure.
    QString failure(const QString &url, const QSqlError &error) const;
};
