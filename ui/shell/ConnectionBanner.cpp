#include "shell/ConnectionBanner.h"

#include "store/ServerLink.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_reconnect(new QPushButton(tr("Reconnect Now"), this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    setAccessibleName(tr("Server connection"));
    m_label->setObjectName(QStringLiteral("connectionBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_reconnect->setObjectName(QStringLiteral("reconnectNow"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reconnect);
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        if (m_link)
            m_link->reconnectNow();
    });
    // The countdown to the next attempt, once a second.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionBanner::refresh);
    m_hide.setSingleShot(true);
    m_hide.setInterval(restoredShownMs);
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    hide();
}

void ConnectionBanner::watch(ServerLink *link, const QString &projectName)
{
    if (m_link)
        disconnect(m_link, nullptr, this, nullptr);
    m_link = link;
    m_project = projectName;
    m_tick.stop();
    m_hide.stop();
    hide();
    if (!link)
        return;
    connect(link, &ServerLink::lost, this, &ConnectionBanner::showLost);
    connect(link, &ServerLink::retrying, this, &ConnectionBanner::refresh);
    connect(link, &ServerLink::restored, this, &ConnectionBanner::showRestored);
    if (!link->isOnline())
        showLost();
}

QString ConnectionBanner::message() const
{
    return m_label->text();
}

void ConnectionBanner::showLost()
{
    m_hide.stop();
    setStyleSheet(
        QStringLiteral("#connectionBanner { background: #f8e1dc; border-bottom: 1px solid "
                       "#e0a899; } #connectionBannerText { color: #6e1f10; }"));
    m_reconnect->show();
    m_tick.start();
    refresh();
    show();
}

void ConnectionBanner::refresh()
{
    if (!m_link || m_link->isOnline())
        return;
    const int seconds = (m_link->msUntilNextAttempt() + 999) / 1000;
    const QString next
        = seconds > 0 ? tr("Reconnecting in %n s.", nullptr, seconds) : tr("Reconnecting…");
    m_label->setText(
        tr("Lost the connection to %1 at %2. Edits are refused until it is back; "
           "everything saved before is safe on the server. %3")
            .arg(m_project, m_link->lostAt().toString(QStringLiteral("HH:mm:ss")), next));
    m_label->setToolTip(m_link->reason());
}

void ConnectionBanner::showRestored()
{
    m_tick.stop();
    setStyleSheet(
        QStringLiteral("#connectionBanner { background: #dcefdc; border-bottom: 1px solid "
                       "#a3cfa3; } #connectionBannerText { color: #1d4d1d; }"));
    m_label->setText(tr("Connected to %1 again; showing what changed meanwhile.").arg(m_project));
    m_label->setToolTip(QString());
    m_reconnect->hide();
    show();
    m_hide.start();
}
