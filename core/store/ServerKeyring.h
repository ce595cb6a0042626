#pragma once

#include <QString>
#include <optional>

// Team projects' passwords in the desktop keyring (the Secret Service of
// GNOME Keyring or KWallet, the macOS Keychain, the Windows Credential
// Manager), through QtKeychain: service "Framewise", one entry per
// user@host:port/database. QtKeychain's plaintext fallback is never used,
// so without a keyring nothing is stored. Each call waits for the keyring
// in a local event loop (it may ask the user to unlock it first); it needs
// a QCoreApplication. Errors are ProjectError naming the project's URL.
class ServerKeyring
{
public:
    // The entry's key for a postgresql:// URL: user@host:port/database,
    // with libpq's defaults filled in (PGUSER or the login name, PGHOST or
    // localhost, PGPORT or 5432), so equal projects share one entry.
    static QString key(const QString &url);
    // The stored password, or nothing when none is stored.
    static std::optional<QString> read(const QString &url);
    static void write(const QString &url, const QString &password);
    // False when there was nothing to remove.
    static bool remove(const QString &url);
};
