#pragma once

#include "BenchOptions.h"

// Runs the whole benchmark: generates the corpus, runs each stage, prints
// the table and writes the JSON. Exits non-zero only when something broke,
// never because a target was missed.
class BenchRunner
{
public:
    BenchRunner(BenchOptions options, QString sourceDir, QString sharedDir);
    int run();

private:
    BenchOptions m_options;
    QString m_sourceDir;
    QString m_sharedDir;
};
