#include "ServerLoginError.h"

ServerLoginError::ServerLoginError(const QString &message, const QString &url,
                                   const QString &serverMessage, ServerPasswords::Source tried)
    : ProjectError(message)
    , m_url(url)
    , m_serverMessage(serverMessage)
    , m_tried(tried)
{
}
