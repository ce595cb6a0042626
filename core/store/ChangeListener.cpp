#include "ChangeListener.h"

#include "Database.h"
#include "SqlQuery.h"
#include "base/ProjectError.h"

#include <QLoggingCategory>
#include <QSqlError>

namespace {
Q_LOGGING_CATEGORY(lcListener, "framewise.store.listener")
} // namespace

ChangeListener::ChangeListener(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    listen();
    // The driver object outlives closing and opening the connection again.
    connect(m_db.connection().driver(), &QSqlDriver::notification, this, &ChangeListener::notified);
    m_retry.setSingleShot(true);
    m_retry.setInterval(10);
    connect(&m_retry, &QTimer::timeout, this, &ChangeListener::deliver);
}

void ChangeListener::listen()
{
    m_self = SqlQuery::scalar(m_db.connection(), QStringLiteral("SELECT pg_backend_pid()"))
                 .toLongLong();
    m_notifications = ChangeNotifications();
    QSqlDriver *driver = m_db.connection().driver();
    const QString channel = QLatin1String(ChangeNotifications::channel);
    if (driver->subscribedToNotifications().contains(channel))
        driver->unsubscribeFromNotification(channel);
    if (!driver->subscribeToNotification(channel))
        throw ProjectError(QStringLiteral("%1: cannot listen for the other coders' changes (%2)")
                               .arg(m_db.path(), driver->lastError().text()));
}

void ChangeListener::notified(const QString &name, QSqlDriver::NotificationSource source,
                              const QVariant &payload)
{
    Q_UNUSED(source); // the payload names its sender
    if (name != QLatin1String(ChangeNotifications::channel))
        return;
    const QByteArray bytes = payload.toString().toLatin1();
    if (ChangeNotifications::senderOf(bytes) == m_self)
        return;
    try {
        if (auto changes = m_notifications.receive(bytes); changes && !changes->isEmpty()) {
            m_waiting << std::move(*changes);
            deliver();
        }
    } catch (const ProjectError &e) {
        // Nothing to show a user: the change set is lost to this session.
        qCWarning(lcListener) << e.message();
    }
}

void ChangeListener::deliver()
{
    if (m_db.inUnitOfWork()) {
        m_retry.start();
        return;
    }
    // A receiver may open a unit of work and spin the event loop: take each
    // change set off the queue before announcing it.
    while (!m_waiting.isEmpty() && !m_db.inUnitOfWork())
        Q_EMIT heard(m_waiting.takeFirst());
    if (!m_waiting.isEmpty())
        m_retry.start();
}
