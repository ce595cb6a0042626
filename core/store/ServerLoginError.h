#pragma once

#include "ServerPasswords.h"
#include "base/ProjectError.h"

// The server refused the login to a team project: a wrong password, or
// none where one is needed. The app then asks for one and tries again; the
// message says which password was refused and where it came from.
class ServerLoginError : public ProjectError
{
public:
    ServerLoginError(const QString &message, const QString &url, const QString &serverMessage,
                     ServerPasswords::Source tried);

    const QString &url() const { return m_url; }
    // What the server (or libpq) said, on one line.
    const QString &serverMessage() const { return m_serverMessage; }
    ServerPasswords::Source tried() const { return m_tried; }

private:
    QString m_url;
    QString m_serverMessage;
    ServerPasswords::Source m_tried;
};
