#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A PostgreSQL cluster of a test's own, for tests that stop and start the
// server (the shared cluster of scripts/with-postgres serves other tests
// side by side). Unix socket only, in a temp folder; commits are durable
// (synchronous_commit on), so a killed server keeps every acknowledged
// commit. As root it runs as `postgres` (initdb refuses root). Stopped and
// removed when the object goes away.
class PrivateCluster
{
public:
    PrivateCluster();
    ~PrivateCluster();
    PrivateCluster(const PrivateCluster &) = delete;
    PrivateCluster &operator=(const PrivateCluster &) = delete;

    // Why the cluster cannot be used (empty if it runs): a missing initdb
    // names the Debian package.
    QString problem() const { return m_problem; }
    // Creates an empty database and returns its postgresql:// URL.
    QString createDatabase(const QString &name);
    // Creates the login role `role` with `password` and an empty database
    // it owns, and from then on the server asks every role but the
    // cluster's own for its password (scram-sha-256). Returns the
    // database's URL naming the role (no password), empty on failure.
    QString createPasswordDatabase(const QString &name, const QString &role,
                                   const QString &password);
    // Like a crash: the server stops at once, without a shutdown checkpoint.
    bool kill();
    bool start();

private:
    bool run(const QString &tool, const QStringList &args, int timeoutMs = 60000);

    QTemporaryDir m_dir;
    QString m_bindir;
    QString m_role;
    QStringList m_asOwner; // runuser -u postgres -- when root
    bool m_running = false;
    QString m_problem;
};
