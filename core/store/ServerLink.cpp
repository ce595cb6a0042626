#include "ServerLink.h"

#include "Database.h"

#include <algorithm>

ServerLink::ServerLink(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_heartbeat.setInterval(heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &ServerLink::beat);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ServerLink::attempt);
    // A rollback that fails inside the store reports the loss from wherever
    // it happened (often a destructor unwinding an error): act on it from
    // the event loop, not there.
    m_db.setLostHandler([this](const QString &reason) {
        QMetaObject::invokeMethod(
            this, [this, reason] { onLost(reason); }, Qt::QueuedConnection);
    });
    m_heartbeat.start();
}

bool ServerLink::isOnline() const
{
    return !m_db.isLost();
}

int ServerLink::msUntilNextAttempt() const
{
    return m_retry.isActive() ? std::max(0, m_retry.remainingTime()) : 0;
}

void ServerLink::beat()
{
    // A unit of work open under a nested event loop (a progress dialog)
    // owns the connection; its own failure will tell.
    if (!m_db.isLost() && !m_db.inUnitOfWork())
        m_db.probe();
}

void ServerLink::onLost(const QString &reason)
{
    if (m_lostAt.isValid())
        return;
    m_lostAt = QDateTime::currentDateTime();
    m_reason = reason.trimmed();
    m_attempts = 0;
    m_delayMs = firstRetryMs;
    m_heartbeat.stop();
    Q_EMIT lost(m_reason);
    m_retry.start(m_delayMs);
}

void ServerLink::reconnectNow()
{
    if (!m_lostAt.isValid())
        return;
    m_retry.stop();
    attempt();
}

void ServerLink::attempt()
{
    if (m_db.inUnitOfWork()) {
        m_retry.start(m_delayMs);
        return;
    }
    QString error;
    if (m_db.reconnect(&error)) {
        m_lostAt = QDateTime();
        m_reason.clear();
        m_heartbeat.start();
        Q_EMIT restored();
        return;
    }
    ++m_attempts;
    m_delayMs = std::min(m_delayMs * 2, int(longestRetryMs));
    m_reason = error;
    m_retry.start(m_delayMs);
    Q_EMIT retrying(m_attempts, m_delayMs, error);
}
