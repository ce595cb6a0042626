#pragma once

#include <QString>

class PostgresLocation;
class QSqlError;

// The passwords this process knows for team projects, which Database uses
// when it connects: one the user gave this session (kept in memory only)
// first; else libpq's own sources (~/.pgpass, PGPASSWORD, a service file);
// and only when the server refuses those, the one in the desktop keyring
// (ServerKeyring), so nobody who does without it is asked to unlock it. A
// QSqlDatabase keeps the password it opened with, so reconnecting after a
// loss needs nothing from here. Thread-safe: the search indexer connects
// from a thread of its own.
class ServerPasswords
{
public:
    // Where the password a connection tried came from.
    enum class Source
    {
        None,
        Session,
        Keyring
    };
    struct Known
    {
        QString password;
        Source source = Source::None;
        // Why the keyring could not be read (it is then skipped).
        QString keyringProblem;
    };

    // The password given this session for url, if any.
    static Known session(const QString &url);
    // The desktop keyring's password for url, if any. The keyring is asked
    // on the main thread only (its answers come through the main event
    // loop); other threads get what it answered there.
    static Known stored(const QString &url);
    // For the rest of this session; written nowhere.
    static void use(const QString &url, const QString &password);
    // Forgets this session's password for url (a refused one, say).
    static void drop(const QString &url);
    // Stores a password in the desktop keyring (and uses it from now on).
    // Throws ProjectError naming the project when the keyring refuses.
    static void remember(const QString &url, const QString &password);
    // Removes the keyring's password for url and this session's; false when
    // the keyring held none.
    static bool forget(const QString &url);
    // Logs in once with password, without opening the project (it may not
    // be one yet). Throws ServerLoginError when the server refuses it,
    // ProjectError when it cannot be reached.
    static void check(const QString &url, const QString &password);

    // Throws what a failed login to url means: ServerLoginError when the
    // server refused the credentials (saying where the tried password came
    // from), else ProjectError by kind of failure (PostgresLocation).
    [[noreturn]] static void fail(const QString &url, const PostgresLocation &where,
                                  const QSqlError &error, const Known &tried);
};
