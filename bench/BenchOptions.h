#pragma once

#include <QString>
#include <QList>
#include <QStringList>

// The command line of framewise-bench.
struct BenchOptions
{
    bool quick = false;
    bool scale = false; // only the analysis scaling series
    QList<int> scaleSizes; // --scale-sizes: instead of the series
    bool reuse = false; // --reuse: keep scale projects in the work folder and measure them again
    QString scaleServer; // --scale-server URL: also measure the scale project copied there
    QString jsonPath;
    QString workDir; // empty: a temporary folder, removed afterwards
    int repeat = 0; // 0: the default for the mode
    // Only this stage after generating the corpus (e.g. "agreement"); empty: all.
    QString only;
    // --team URL: only the team row, coders × commits against that empty
    // PostgreSQL database.
    QString teamUrl;
    int teamCoders = 8;
    int teamCommits = 1000;
    int teamPause = 0; // ms each coder waits (listening) between its commits
    // --team-kill-after MS: that long into the coding, run --team-stop (a
    // shell command that kills the server, e.g. pg_ctl -m immediate stop),
    // wait --team-down MS, run --team-start; the coders keep going.
    int teamKillAfter = -1;
    int teamDown = 2000;
    QString teamStop, teamStart;
    // Internal: run as coder number teamChild of the team row.
    int teamChild = -1;
    // Internal: run as the child that measures peak memory.
    QString probeProject;
    qint64 probeArticle = 0;

    // Exits the process with usage text on --help or bad arguments.
    static BenchOptions parse(const QStringList &arguments);
};
