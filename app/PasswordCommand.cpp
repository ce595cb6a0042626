#include "PasswordCommand.h"

#include "CommandLine.h"
#include "store/PostgresLocation.h"
#include "store/ServerKeyring.h"
#include "store/ServerPasswords.h"

#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {
// One line from stdin; on a terminal it asks for it and hides what is typed.
QString readPassword(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        CommandLine::write(stderr, prompt.toUtf8());
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        CommandLine::write(stderr, "\n");
    }
    return line;
}

int usage(const QString &why)
{
    CommandLine::err(why + QStringLiteral("\nusage: framewise ")
                     + QLatin1String(PasswordCommand::synopsis));
    return CommandLine::Usage;
}
} // namespace

int PasswordCommand::run(QCommandLineParser &, const QStringList &args)
{
    const QString action = args.value(0);
    if (args.size() != 2
        || (action != QLatin1String("remember") && action != QLatin1String("forget")))
        return usage(QStringLiteral("password needs remember URL or forget URL"));
    const QString url = args[1];
    if (!PostgresLocation::isUrl(url))
        return usage(
            QStringLiteral("password commands need a postgresql:// project, not “%1”").arg(url));
    const QString key = ServerKeyring::key(url); // refuses a malformed URL first
    if (action == QLatin1String("forget")) {
        if (ServerPasswords::forget(url))
            CommandLine::out(
                QStringLiteral("removed the password of %1 from the desktop keyring\n").arg(key));
        else
            CommandLine::out(
                QStringLiteral("the desktop keyring held no password of %1\n").arg(key));
        return CommandLine::Success;
    }
    const QString password = readPassword(QStringLiteral("Password of %1: ").arg(key));
    if (password.isEmpty()) {
        CommandLine::err(
            QStringLiteral("%1: no password was given on stdin; nothing was saved").arg(url));
        return CommandLine::Failure;
    }
    // Only a password the server accepts is worth keeping.
    ServerPasswords::check(url, password);
    ServerPasswords::remember(url, password);
    CommandLine::out(QStringLiteral("saved the password of %1 in the desktop keyring\n").arg(key));
    return CommandLine::Success;
}
