#pragma once

#include "ChangeNotifications.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

class Database;

// Hears the other sessions' commits on a team project: LISTENs on the
// session's own PostgreSQL connection (QSqlDriver's notifications, which the
// Qt event loop delivers) and emits each change set another connection
// committed, whole once its last piece is in. Its own commits it ignores:
// the session announced those already. A change set heard while this
// session has a unit of work open waits until the unit is closed, so no
// model reads the project in the middle of a local edit.
class ChangeListener : public QObject
{
    Q_OBJECT

public:
    explicit ChangeListener(Database &db, QObject *parent = nullptr);
    // LISTENs on the connection as it is now: at the start, and again after
    // the connection was opened anew (ServerLink::restored). Pieces of a
    // change set the old connection heard are dropped with it.
    void listen();

Q_SIGNALS:
    void heard(const ChangeSet &changes);

private:
    void notified(const QString &name, QSqlDriver::NotificationSource source,
                  const QVariant &payload);
    void deliver();

    Database &m_db;
    qint64 m_self = 0; // this connection's backend pid
    ChangeNotifications m_notifications;
    QList<ChangeSet> m_waiting;
    QTimer m_retry;
};
