#include "MergeCommand.h"

#include "CommandLine.h"
#include "project/ProjectMerge.h"
#include "store/ProjectSession.h"

int MergeCommand::run(QCommandLineParser &, const QStringList &args)
{
    if (args.size() < 2) {
        CommandLine::err(
            QStringLiteral("merge needs a TARGET and at least one SOURCE\nusage: framewise ")
            + QLatin1String(synopsis));
        return CommandLine::Usage;
    }
    auto target = ProjectSession::open(args[0]);
    const ProjectMerge::Report r = ProjectMerge::merge(*target, args.mid(1));
    CommandLine::out(
        QStringLiteral(
            "annotations added\t%1\nannotations already present\t%2\narticles added\t%3\n"
            "codes added\t%4\ncategories added\t%5\nactors added\t%6\nmemos added\t%7\n"
            "coders\t%8\n")
            .arg(r.annotationsAdded)
            .arg(r.annotationsPresent)
            .arg(r.articlesAdded)
            .arg(r.codesAdded)
            .arg(r.categoriesAdded)
            .arg(r.actorsAdded)
            .arg(r.memosAdded)
            .arg(r.coders.join(QLatin1Char(','))));
    return CommandLine::Success;
}
