#pragma once

#include <QString>

struct BenchContext;

// The SemEval-2020 Task 11 training set (371 articles, 6,129 technique
// spans) through the PTC importer and exporter, as `framewise import` and
// `framewise export --format ptc` run them; the exported label lines are
// checked equal to the originals, and the annotations go out through
// REFI-QDA and W3C and back unchanged. The corpus is not in the repository: its
// folder comes from FRAMEWISE_PTC_DIR, and without it the rows say
// "absent".
class ExchangeMeasurements
{
public:
    explicit ExchangeMeasurements(BenchContext &context);
    void run();

private:
    void roundTrips(const QString &project);

    BenchContext &m_context;
};
