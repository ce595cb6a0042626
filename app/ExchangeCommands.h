#pragma once

#include <QStringList>

// The command line's exchange subcommands: `export` and the exchange
// formats of `import` (PTC, CSV, JSONL...). Each returns a CommandLine exit
// code, prints the report on stdout and errors on stderr, naming the file.
class ExchangeCommands
{
public:
    // The format of an import: "" for plain articles (the article
    // importer), else an exchange format's name. Throws the message of a
    // usage error as a QString.
    static QString importFormat(const QString &requested, const QStringList &paths);

    static int importFiles(const QString &project, const QString &format, const QStringList &paths,
                           const QString &coder);
    static int exportProject(const QString &project, const QString &out, const QString &format,
                             const QStringList &coders, const QStringList &codes, bool bom);
};
