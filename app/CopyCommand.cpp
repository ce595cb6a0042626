#include "CopyCommand.h"

#include "CommandLine.h"
#include "ImportProgressBar.h"
#include "store/ProjectCopy.h"
#include "store/SqliteDialect.h"

namespace {
QString count(qint64 n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}
} // namespace

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
    qint64 rows = 0;
    for (const ProjectCopy::Table &t : r.tables)
        rows += t.rows;
    const auto n = [&r](const char *table) { return r.rows(QLatin1String(table)); };
    const QStringList parts = {
        count(n("articles"), "article", "articles"),
        count(n("annotations"), "annotation", "annotations"),
        count(n("codes"), "code", "codes") + QStringLiteral(" in ")
            + count(n("categories"), "category", "categories"),
        count(n("coders"), "coder", "coders"),
        count(n("actors"), "actor", "actors"),
        count(n("memos"), "memo", "memos"),
        count(n("feeds"), "feed", "feeds"),
        count(n("lexicon_terms"), "lexicon term", "lexicon terms"),
    };
    CommandLine::out(
        QStringLiteral("copied %1 to %2: %3 (%4 in all)\n")
            .arg(args[0], args[1], parts.join(QStringLiteral(", ")), count(rows, "row", "rows")));
    return CommandLine::Success;
}
