#pragma once

#include <QStringList>

class QCommandLineParser;

// The command line's analysis subcommands: segments (retrieval by query),
// stats (code matrices), cooccurrence, network, report and queries (named
// queries kept in the project, used as set:NAME). Each returns a
// CommandLine exit code; a query that cannot be parsed or names what the
// project lacks is bad usage (2), with the position shown under the query.
class AnalysisCommands
{
public:
    static int segments(QCommandLineParser &parser, const QStringList &args);
    static int stats(QCommandLineParser &parser, const QStringList &args);
    static int cooccurrence(QCommandLineParser &parser, const QStringList &args);
    static int network(QCommandLineParser &parser, const QStringList &args);
    static int report(QCommandLineParser &parser, const QStringList &args);
    static int queries(QCommandLineParser &parser, const QStringList &args);

    static void segmentsOptions(QCommandLineParser &parser);
    static void statsOptions(QCommandLineParser &parser);
    static void cooccurrenceOptions(QCommandLineParser &parser);
    static void reportOptions(QCommandLineParser &parser);

    // A PDF report lays out text, which takes a GUI application object
    // (offscreen when there is no display).
    static bool needsGuiApplication(int argc, char *argv[]);
};
