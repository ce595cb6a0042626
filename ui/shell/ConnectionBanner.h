#pragma once

#include <QFrame>
#include <QPointer>
#include <QTimer>

class QLabel;
class QPushButton;
class ServerLink;

// The strip above the reader that says a team project's server is away:
// since when, that edits are refused meanwhile and nothing saved is lost,
// when the next attempt to reconnect comes (with a button to try now) and,
// for a few seconds, that the connection is back.
class ConnectionBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionBanner(QWidget *parent = nullptr);

    // The link to watch (null for a project file: the banner stays hidden).
    void watch(ServerLink *link, const QString &projectName);
    QString message() const;
    QPushButton *reconnectButton() const { return m_reconnect; }

    static constexpr int restoredShownMs = 4000;

private:
    void showLost();
    void showRestored();
    void refresh();

    QPointer<ServerLink> m_link;
    QString m_project;
    QLabel *m_label;
    QPushButton *m_reconnect;
    QTimer m_tick;
    QTimer m_hide;
};
