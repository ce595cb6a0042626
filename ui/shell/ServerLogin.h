#pragma once

#include <QCoreApplication>
#include <functional>

class QWidget;

// Connecting to a team project from the window: runs `attempt` (anything
// that opens or copies a server project) and, while the server refuses it
// for want of the right password, asks for one (ServerPasswordDialog) and
// runs it again. A password that worked is kept for the session and, when
// the user ticked the box, saved in the desktop keyring.
class ServerLogin
{
    Q_DECLARE_TR_FUNCTIONS(ServerLogin)

public:
    // False when the user cancelled the password dialog; other errors of
    // attempt (ProjectError) reach the caller.
    static bool run(QWidget *parent, const std::function<void()> &attempt);
};
