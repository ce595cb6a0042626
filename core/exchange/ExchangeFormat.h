#pragma once

#include "ExchangeOptions.h"
#include "ExchangeReport.h"

#include <QStringList>
#include <optional>

class ProjectSession;

// The exchange formats by the names the command line and the menus use,
// what a path looks like, and one entry point for importing and exporting.
class ExchangeFormat
{
public:
    enum class Format
    {
        Ptc,
        Csv,
        JsonLines,
        W3c,
        Qdpx,
        Qdc
    };

    static QStringList exportNames();
    static QStringList importNames();
    static std::optional<Format> fromName(const QString &name);
    static QString name(Format format);
    // "SemEval PTC folder", for menus.
    static QString title(Format format);
    // The unit of the offsets the format writes, for reports and the README.
    static QString unit(Format format);
    // True if the format writes a folder rather than a file.
    static bool writesFolder(Format format);

    // The exchange format a path is in, if any (a .labels file or a folder
    // with one is PTC; .csv, .jsonl): plain articles otherwise.
    static std::optional<Format> detect(const QString &path);

    // One unit of work per call; throws ProjectError naming file and element.
    static ExchangeReport importPaths(ProjectSession &session, Format format,
                                      const QStringList &paths,
                                      const ExchangeOptions &options = {});
    // Writes out (a folder for PTC, else a file).
    static ExchangeReport exportTo(const ProjectSession &session, Format format, const QString &out,
                                   const ExchangeOptions &options = {});
};
