#pragma once

#include <QString>

struct BenchContext;

// A coder's annotation commits while the background indexer works through
// a large backlog of new articles (as after importing a feed archive): the
// longest time one commit waits for the indexer's write lock, per run.
class IndexerMeasurements
{
public:
    explicit IndexerMeasurements(BenchContext &context);
    void run();

private:
    double worstWaitDuringOneRun(const QString &projectPath, int run);

    BenchContext &m_context;
};
