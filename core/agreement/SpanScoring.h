#pragma once

#include <QString>
#include <optional>
#include <vector>

// A coder's spans scored against a gold standard's, per label.
struct ScoredSpan
{
    qint64 document = 0;
    qint64 begin = 0;
    qint64 end = 0; // exclusive
    int label = 0;
};

struct SpanScore
{
    std::optional<double> precision;
    std::optional<double> recall;
    std::optional<double> f1;
    int coderSpans = 0;
    int goldSpans = 0;
    QString reason; // why a figure is missing
};

// Partial-overlap scoring of SemEval-2020 Task 11 (Da San Martino et al.
// 2020): precision = sum over coder spans s and gold spans t with the same
// label of |s & t| / |s|, divided by the number of coder spans; recall the
// same with |t| over gold spans. Exact match counts a coder span only if a
// gold span has the same document, ends and label. Each side's overlapping
// spans of one label in one document are joined first.
class SpanScoring
{
public:
    // label < 0: every label (spans match only within their label).
    static SpanScore partialOverlap(const std::vector<ScoredSpan> &coder,
                                    const std::vector<ScoredSpan> &gold, int label = -1);
    static SpanScore exactMatch(const std::vector<ScoredSpan> &coder,
                                const std::vector<ScoredSpan> &gold, int label = -1);
    // Overlapping or touching spans of a label in a document joined, sorted.
    static std::vector<ScoredSpan> joined(const std::vector<ScoredSpan> &spans, int label);

private:
    static void finish(SpanScore &score, double precisionSum, double recallSum);
};
