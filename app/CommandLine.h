#pragma once

#include <QStringList>

// The headless subcommands of `framewise`. Output goes to stdout, errors to
// stderr; exit codes: 0 success, 1 failure, 2 bad usage.
class CommandLine
{
public:
    static bool isSubcommand(int argc, char *argv[]);
    static int run(const QStringList &arguments);

    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };
};
