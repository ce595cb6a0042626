#pragma once

#include <QStringList>

class QCommandLineParser;

// `framewise password remember|forget URL`: a team project's password in the
// desktop keyring (ServerPasswords), which every later connection to the
// project uses, from the app and the command line alike.
class PasswordCommand
{
public:
    static int run(QCommandLineParser &parser, const QStringList &args);

    static constexpr const char *synopsis = "password remember URL | forget URL";
    static constexpr const char *summary
        = "Keep a team project's password in the desktop keyring (a Secret Service such as "
          "GNOME Keyring or KWallet; never in a file in clear): remember reads the password from "
          "stdin (without echo on a terminal), logs in with it, and saves it only if the server "
          "accepted it; forget removes it. When libpq's own sources (~/.pgpass, PGPASSWORD, a "
          "service file) give no password the server accepts, every later connection to the "
          "project (the app, subcommands) logs in with the saved one. The entry is named "
          "user@host:port/database.";
};
