#pragma once

#include <QStringList>

class QCommandLineParser;

// `framewise copy SOURCE DESTINATION`: a whole project into a new file or an
// empty server database (ProjectCopy). Prints one line saying what was
// copied; progress goes to stderr on a terminal.
class CopyCommand
{
public:
    static int run(QCommandLineParser &parser, const QStringList &args);

    static constexpr const char *synopsis = "copy SOURCE DESTINATION";
    static constexpr const char *summary
        = "Copy a whole project into a new one: a project file to a PostgreSQL database "
          "(postgresql://...) or back, file to file, server to server. DESTINATION must be new: a "
          "file that does not exist, or an empty database; a failed copy leaves nothing there. "
          "Every id and UUID is kept, so the copy exports exactly as the original does; the "
          "search index and the kept counts are rebuilt in the copy. The server's roles and "
          "grants are not copied (run team init on the new database). An older project file is "
          "read through an upgraded temporary copy and itself left unchanged. Prints what was "
          "copied.";
};
