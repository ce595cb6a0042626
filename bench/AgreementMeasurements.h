#pragma once

#include <QString>

struct BenchContext;

// Inter-coder agreement over a project coded by four coders: 20,000
// annotations (5 per coder per article on 1,000 articles) with 15 codes,
// all measures per code on article units plus alpha_U on the span
// continuum, from opening the project to the last figure; with 1,000
// bootstrap replicates (<= 2 s) and without (<= 200 ms).
class AgreementMeasurements
{
public:
    explicit AgreementMeasurements(BenchContext &context);
    void run();

private:
    QString build();

    BenchContext &m_context;
};
