#pragma once

#include <QStringList>

class QCommandLineParser;

// `framewise agreement` (a project's coders, or a units-by-coders table)
// and `framewise compare` (a coder against a gold coder). Each returns a
// CommandLine exit code; bad usage is reported on stderr with exit code 2,
// store and file errors are thrown as ProjectError.
class AgreementCommands
{
public:
    static void addAgreementOptions(QCommandLineParser &parser);
    static int agreement(QCommandLineParser &parser, const QStringList &args);
    static void addCompareOptions(QCommandLineParser &parser);
    static int compare(QCommandLineParser &parser, const QStringList &args);

    static constexpr const char *agreementSynopsis
        = "agreement PROJECT [--coders A,B,...] [--code NAME]... [--category NAME] "
          "[--unit document|paragraph|sentence|span] [--measure NAME]... [--bootstrap N] "
          "[--seed N] [--format tsv|json] | agreement --table FILE.tsv --measure NAME...";
    static constexpr const char *agreementSummary
        = "Inter-coder agreement per code: measures percent, cohen, scott, fleiss, alpha-nominal, "
          "alpha-ordinal, alpha-interval, alpha-ratio, ac1, bp, alpha-u. Units: the articles the "
          "coders annotated (default), their paragraphs or sentences, or the span continuum "
          "(alpha-u). --category NAME measures each of its codes, the category as 'any code' and "
          "as one variable. --table reads a units-by-coders TSV table (header: coder names; empty "
          "cell = missing). Prints MEASURE, UNIT, CODE, CODERS, UNITS, VALUE, CI_LOW, CI_HIGH, "
          "NOTE; a value that cannot be computed is empty with the reason in NOTE.";
    static constexpr const char *compareSynopsis
        = "compare PROJECT --gold CODER --coder CODER [--format tsv|json]";
    static constexpr const char *compareSummary
        = "Score a coder's spans against a gold coder's per code: SemEval-2020 Task 11 "
          "partial-overlap precision, recall and F1, and exact-match precision, recall and F1.";
};
