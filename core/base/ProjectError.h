#pragma once

#include <QString>

#include <stdexcept>

// The one error type of the project store and importers: a message a user
// can read, naming the file and what is wrong with it.
class ProjectError : public std::runtime_error
{
public:
    explicit ProjectError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};
