#include "KeyringServer.h"

#include "RequiredTool.h"

KeyringServer::KeyringServer(const QString &database, const QString &role, const QString &password)
{
    qunsetenv("PGPASSWORD");
    qunsetenv("PGPASSFILE");
    qunsetenv("PGSERVICE");
    m_keyring = std::make_unique<KeyringSession>();
    if (!m_keyring->problem().isEmpty()) {
        m_problem = m_keyring->problem();
        m_mayBeSkipped
            = !RequiredTool::mustFail() && m_problem.contains(QLatin1String("Debian package"));
        return;
    }
    m_cluster = std::make_unique<PrivateCluster>();
    if (!m_cluster->problem().isEmpty()) {
        m_problem = m_cluster->problem();
        m_mayBeSkipped
            = !RequiredTool::mustFail() && m_problem.contains(QLatin1String("not installed"));
        return;
    }
    m_url = m_cluster->createPasswordDatabase(database, role, password);
    if (m_url.isEmpty())
        m_problem = m_cluster->problem();
}
