#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

class Database;

// Keeps a team project's connection to its server: a heartbeat notices a
// lost server within a few seconds even while the user only reads, and
// reconnects with growing pauses (backoff) until the server answers again.
// While the link is down the Database refuses units of work, so an edit is
// refused with a message rather than queued; nothing is retried behind the
// user's back.
class ServerLink : public QObject
{
    Q_OBJECT

public:
    explicit ServerLink(Database &db, QObject *parent = nullptr);

    bool isOnline() const;
    QDateTime lostAt() const { return m_lostAt; }
    QString reason() const { return m_reason; }
    // Milliseconds until the next attempt to reconnect (0 when online).
    int msUntilNextAttempt() const;
    // Tries at once instead of waiting for the next attempt.
    void reconnectNow();

    static constexpr int heartbeatMs = 2000;
    static constexpr int firstRetryMs = 250;
    static constexpr int longestRetryMs = 8000;

Q_SIGNALS:
    // The connection is gone: edits are refused from now on.
    void lost(const QString &reason);
    // An attempt failed; the next comes in `delayMs`.
    void retrying(int attempt, int delayMs, const QString &reason);
    // Connected again. Changes others made meanwhile were not announced:
    // whoever shows data reads it again.
    void restored();

private:
    void onLost(const QString &reason);
    void beat();
    void attempt();

    Database &m_db;
    QTimer m_heartbeat;
    QTimer m_retry;
    int m_attempts = 0;
    int m_delayMs = firstRetryMs;
    QDateTime m_lostAt;
    QString m_reason;
};
