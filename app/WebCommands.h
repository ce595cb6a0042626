#pragma once

#include <QString>

// The command line's web subcommands: `extract` and `feed`. Each returns a
// CommandLine exit code and reports errors on stderr, naming the file or URL.
class WebCommands
{
public:
    // Prints the main text of an HTML file (.html, .html.gz) or a web page;
    // with json, {"articleBody", "title", "author", "published", "url"}.
    static int extract(const QString &source, bool json);

    static int feedAdd(const QString &project, const QString &url, const QString &folder);
    static int feedList(const QString &project);
    static int feedRefresh(const QString &project);

private:
    static int extractOrThrow(const QString &source, bool json);
};
