#pragma once

#include <QByteArray>
#include <QStringList>

// Runs the framewise binary headless, as a user's shell would, with HOME
// and the data folder inside a test's temporary folder.
class CliRunner
{
public:
    struct Run
    {
        int exitCode = -1; // -1: crashed or timed out
        QByteArray out;
        QByteArray err;
    };

    CliRunner(const QString &binary, const QString &home);

    // Keeps this process's event loop running while it waits, so servers
    // living in the test (TestHttpServer) can answer.
    Run run(const QStringList &args) const;
    // The same with `input` on its stdin (then closed; not a terminal).
    Run run(const QStringList &args, const QByteArray &input) const;
    // Writes a file into the home folder and returns its path.
    QString write(const QString &name, const QByteArray &bytes) const;

private:
    QString m_binary;
    QString m_home;
};
