#pragma once

#include <QStringList>

class QCommandLineParser;

// `framewise merge TARGET SOURCE...`: other coders' copies of a project
// into TARGET (see ProjectMerge). Prints what was added; a conflict is
// reported and changes nothing (exit 1).
class MergeCommand
{
public:
    static int run(QCommandLineParser &parser, const QStringList &args);

    static constexpr const char *synopsis = "merge TARGET SOURCE...";
    static constexpr const char *summary
        = "Merge copies of a project coded separately into TARGET: categories, codes, articles, "
          "coders, actors, annotations and memos, matched by UUID, then by content hash (articles) "
          "or name. Merging again adds nothing. Conflicts (a code renamed differently, an "
          "annotation moved) are listed and nothing is changed.";
};
