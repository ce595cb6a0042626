#pragma once

#include "BenchOptions.h"

class QElapsedTimer;
struct BenchContext;

// Runs the whole benchmark: generates the corpus, runs each stage, prints
// the table and writes the JSON. Exits non-zero only when something broke,
// never because a target was missed.
class BenchRunner
{
public:
    BenchRunner(BenchOptions options, QString sourceDir, QString sharedDir);
    int run();

private:
    // Prints the table, writes the JSON, reports missed targets.
    int finish(BenchContext &context, const QElapsedTimer &total);
    BenchOptions m_options;
    QString m_sourceDir;
    QString m_sharedDir;
};
