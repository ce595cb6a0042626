#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <optional>

// A desktop keyring of a test's own: a private D-Bus session
// (dbus-run-session) with GNOME Keyring's Secret Service started inside,
// unlocked with a password on its stdin, its files in a temporary folder.
// While the object lives, DBUS_SESSION_BUS_ADDRESS points this process (and
// the framewise processes it starts) at it, so the user's own keyring is
// never touched. Works as root too (nothing in it needs another user).
class KeyringSession
{
public:
    KeyringSession();
    ~KeyringSession();
    KeyringSession(const KeyringSession &) = delete;
    KeyringSession &operator=(const KeyringSession &) = delete;

    // Why there is no keyring (empty if it runs); a missing tool is named
    // with its Debian package.
    QString problem() const { return m_problem; }
    // What libsecret's secret-tool finds under Framewise's entry `key`:
    // proof, from outside QtKeychain, of what the Secret Service holds.
    std::optional<QString> lookup(const QString &key) const;

private:
    QTemporaryDir m_dir;
    QString m_secretTool;
    qint64 m_sleeper = 0; // the process whose end ends the session
    QByteArray m_savedAddress;
    bool m_hadAddress = false;
    QString m_problem;
};
