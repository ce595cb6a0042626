#include "CopyCommand.h"

#include "CommandLine.h"
#include "ImportProgressBar.h"
#include "store/ProjectCopy.h"
#include "store/SqliteDialect.h"

int CopyCommand::run(QCommandLineParser &, const QStringList &args)
{
    if (args.size() != 2) {
        CommandLine::err(QStringLiteral("copy needs a SOURCE project and a new DESTINATION\nusage: "
                                        "framewise ")
                         + QLatin1String(synopsis));
        return CommandLine::Usage;
    }
    ImportProgressBar bar;
    QString stage;
    const ProjectCopy::Report r
        = ProjectCopy::copy(args[0], args[1], [&](const QString &now, qint64 done, qint64 total) {
              if (now != stage) {
                  stage = now;
                  bar.setLabel(now.toUtf8());
              }
              bar.update(int(done), int(total));
          });
    bar.clear();
    if (r.sourceVersion < SqliteDialect::currentVersion)
        CommandLine::err(QStringLiteral("%1 has project version %2: copied from an upgraded "
                                        "temporary copy; %1 itself was not changed")
                             .arg(args[0])
                             .arg(r.sourceVersion));
    CommandLine::out(QStringLiteral("copied %1 to %2: %3\n").arg(args[0], args[1], r.summary()));
    return CommandLine::Success;
}
