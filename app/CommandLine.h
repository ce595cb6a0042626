#pragma once

#include <QStringList>

#include <cstdio>

// The headless subcommands of `framewise`. Output goes to stdout, errors to
// stderr; exit codes: 0 success, 1 failure, 2 bad usage.
class CommandLine
{
public:
    static bool isSubcommand(int argc, char *argv[]);
    static int run(const QStringList &arguments);

    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

    // Output shared by every subcommand, so all speak the same way: bytes
    // as they are, text as UTF-8, errors prefixed "framewise: ".
    static void write(FILE *stream, const QByteArray &bytes);
    static void out(const QString &text);
    static void err(const QString &message);
};
