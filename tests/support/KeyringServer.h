#pragma once

#include "KeyringSession.h"
#include "PrivateCluster.h"

#include <QString>
#include <memory>

// What the keyring tests log in to: a private keyring (KeyringSession)
// beside a private cluster (PrivateCluster) with a database whose role
// logs in only with its password. libpq's own password sources
// (PGPASSWORD, PGPASSFILE, PGSERVICE) are cleared first, so only
// Framewise's are tried.
class KeyringServer
{
public:
    KeyringServer(const QString &database, const QString &role, const QString &password);

    // Why the keyring or the cluster cannot be used (empty if both run).
    QString problem() const { return m_problem; }
    // True when the problem is only a missing tool and CI is not set: the
    // test may skip, saying so; under CI=true it fails (RequiredTool).
    bool mayBeSkipped() const { return m_mayBeSkipped; }
    // The database's URL, naming the role (no password).
    QString url() const { return m_url; }
    // Both exist once problem() is empty.
    KeyringSession &keyring() { return *m_keyring; }
    PrivateCluster &cluster() { return *m_cluster; }

private:
    std::unique_ptr<KeyringSession> m_keyring;
    std::unique_ptr<PrivateCluster> m_cluster; // stopped before the keyring
    QString m_url;
    QString m_problem;
    bool m_mayBeSkipped = false;
};
