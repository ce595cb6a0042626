#include "BenchOptions.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstdlib>

BenchOptions BenchOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures Framewise on a deterministic synthetic corpus (20,000 articles, 200,000 "
        "annotations) and prints a table of median, min, max, target and pass/fail."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("A tiny corpus, one run each: proves the program works."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Also write the results as JSON."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption workdir(QStringLiteral("workdir"),
                                     QStringLiteral("Keep the corpus and projects here (default: a "
                                                    "temporary folder, removed afterwards)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Runs of the slow measurements (default 3, quick 1); "
                                                   "millisecond ones run 10×N."),
                                    QStringLiteral("N"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("Run only this stage after generating the corpus: agreement, or codebook (after the import and coding it needs)."),
                                  QStringLiteral("STAGE"));
    const QCommandLineOption scale(QStringLiteral("scale"),
                                   QStringLiteral("Only the analysis scaling series: 20,000, 60,000 and 200,000 "
                                                  "articles with 10 annotations each on average (with --quick: "
                                                  "200, 600 and 2,000). Takes minutes and a few GB of disk."));
    const QCommandLineOption sizes(QStringLiteral("scale-sizes"),
                                   QStringLiteral("With --scale: these article counts instead (e.g. 20000,60000)."),
                                   QStringLiteral("N,N,..."));
    const QCommandLineOption reuse(
        QStringLiteral("reuse"),
        QStringLiteral("With --scale and --workdir: leave the projects in DIR, and measure those a "
                       "previous --reuse run left there instead of building them again."));
    const QCommandLineOption scaleServer(
        QStringLiteral("scale-server"),
        QStringLiteral("With --scale and one size in --scale-sizes: also copy that project into "
                       "this empty PostgreSQL database (or measure the one a previous run left "
                       "there) and time its library and full-text search over the connection."),
        QStringLiteral("URL"));
    const QCommandLineOption team(
        QStringLiteral("team"),
        QStringLiteral("Only the team row: coder processes (--team-coders, default 8) each commit "
                       "single annotations (--team-commits, default 1000) to the team project it "
                       "creates in this empty PostgreSQL database, and see each other's commits "
                       "live. Exits non-zero if an annotation is lost, duplicated or not seen."),
        QStringLiteral("URL"));
    const QCommandLineOption teamCoders(QStringLiteral("team-coders"),
                                        QStringLiteral("With --team: coder processes (default 8)."),
                                        QStringLiteral("N"));
    const QCommandLineOption teamCommits(
        QStringLiteral("team-commits"),
        QStringLiteral("With --team: commits of each coder (default 1000)."), QStringLiteral("N"));
    const QCommandLineOption teamPause(
        QStringLiteral("team-pause"),
        QStringLiteral("With --team: milliseconds each coder waits, listening, after each commit "
                       "(default 0: back to back)."),
        QStringLiteral("MS"));
    const QCommandLineOption teamKillAfter(
        QStringLiteral("team-kill-after"),
        QStringLiteral("With --team: kill the server this long into the coding by running "
                       "--team-stop, wait --team-down (default 2000 ms), run --team-start. The "
                       "coders retry what was refused once reconnected; exits non-zero if an "
                       "annotation is lost or duplicated, or a coder does not recover."),
        QStringLiteral("MS"));
    const QCommandLineOption teamDown(QStringLiteral("team-down"),
                                      QStringLiteral("With --team-kill-after: how long the server "
                                                     "stays down (default 2000)."),
                                      QStringLiteral("MS"));
    const QCommandLineOption teamStop(QStringLiteral("team-stop"),
                                      QStringLiteral("With --team-kill-after: a shell command "
                                                     "that stops the server at once."),
                                      QStringLiteral("COMMAND"));
    const QCommandLineOption teamStart(QStringLiteral("team-start"),
                                       QStringLiteral("With --team-kill-after: a shell command "
                                                      "that starts it again."),
                                       QStringLiteral("COMMAND"));
    QCommandLineOption teamChild(QStringLiteral("team-child"), QStringLiteral("Internal."),
                                 QStringLiteral("I"));
    teamChild.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption probe(QStringLiteral("memory-probe"), QStringLiteral("Internal."),
                             QStringLiteral("PROJECT"));
    probe.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption article(QStringLiteral("article"), QStringLiteral("Internal."), QStringLiteral("ID"));
    article.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({quick, scale, sizes, reuse, scaleServer, json, workdir, repeat, only, team, teamCoders,
                       teamCommits, teamPause, teamKillAfter, teamDown, teamStop, teamStart,
                       teamChild, probe, article});
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "framewise-bench: unexpected argument %s\n",
                     qPrintable(parser.positionalArguments().constFirst()));
        std::exit(2);
    }

    BenchOptions o;
    o.quick = parser.isSet(quick);
    o.scale = parser.isSet(scale);
    for (const QString &n : parser.value(sizes).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int count = n.toInt(&ok);
        if (!ok || count < 1) {
            std::fprintf(stderr, "framewise-bench: --scale-sizes needs whole numbers >= 1\n");
            std::exit(2);
        }
        o.scaleSizes << count;
    }
    o.jsonPath = parser.value(json);
    o.workDir = parser.value(workdir);
    o.reuse = parser.isSet(reuse);
    if (o.reuse && (!o.scale || o.workDir.isEmpty())) {
        std::fprintf(stderr, "framewise-bench: --reuse needs --scale and --workdir\n");
        std::exit(2);
    }
    o.scaleServer = parser.value(scaleServer);
    if (!o.scaleServer.isEmpty() && (!o.scale || o.scaleSizes.size() != 1)) {
        std::fprintf(stderr, "framewise-bench: --scale-server needs --scale and one size in "
                             "--scale-sizes\n");
        std::exit(2);
    }
    if (parser.isSet(repeat)) {
        bool ok = false;
        o.repeat = parser.value(repeat).toInt(&ok);
        if (!ok || o.repeat < 1) {
            std::fprintf(stderr, "framewise-bench: --repeat needs a whole number >= 1\n");
            std::exit(2);
        }
    }
    o.only = parser.value(only);
    if (!o.only.isEmpty() && o.only != QLatin1String("agreement")
        && o.only != QLatin1String("codebook")) {
        std::fprintf(stderr, "framewise-bench: --only knows the stages agreement and codebook, not %s\n", qPrintable(o.only));
        std::exit(2);
    }
    o.teamUrl = parser.value(team);
    const auto count = [&](const QCommandLineOption &option, int fallback, int least) {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const int n = parser.value(option).toInt(&ok);
        if (!ok || n < least) {
            std::fprintf(stderr, "framewise-bench: --%s needs a whole number >= %d\n",
                         qPrintable(option.names().constFirst()), least);
            std::exit(2);
        }
        return n;
    };
    o.teamCoders = count(teamCoders, o.teamCoders, 2);
    o.teamCommits = count(teamCommits, o.teamCommits, 1);
    o.teamPause = count(teamPause, 0, 0);
    o.teamChild = count(teamChild, -1, 0);
    o.teamKillAfter = count(teamKillAfter, -1, 0);
    o.teamDown = count(teamDown, o.teamDown, 0);
    o.teamStop = parser.value(teamStop);
    o.teamStart = parser.value(teamStart);
    if (o.teamKillAfter >= 0 && (o.teamStop.isEmpty() || o.teamStart.isEmpty())) {
        std::fprintf(stderr, "framewise-bench: --team-kill-after needs --team-stop and "
                             "--team-start\n");
        std::exit(2);
    }
    if (o.teamUrl.isEmpty()
        && (parser.isSet(teamCoders) || parser.isSet(teamCommits) || parser.isSet(teamPause)
            || parser.isSet(teamChild) || parser.isSet(teamKillAfter))) {
        std::fprintf(stderr, "framewise-bench: --team-coders, --team-commits, --team-pause and "
                             "--team-kill-after go with --team URL\n");
        std::exit(2);
    }
    o.probeProject = parser.value(probe);
    o.probeArticle = parser.value(article).toLongLong();
    return o;
}
