#include "SpanScoring.h"

#include <algorithm>
#include <tuple>

std::vector<ScoredSpan> SpanScoring::joined(const std::vector<ScoredSpan> &spans, int label)
{
    std::vector<ScoredSpan> sorted;
    for (const ScoredSpan &s : spans)
        if ((label < 0 || s.label == label) && s.end > s.begin)
            sorted.push_back(s);
    std::sort(sorted.begin(), sorted.end(), [](const ScoredSpan &a, const ScoredSpan &b) {
        return std::tie(a.document, a.label, a.begin, a.end)
            < std::tie(b.document, b.label, b.begin, b.end);
    });
    std::vector<ScoredSpan> out;
    for (const ScoredSpan &s : sorted) {
        if (!out.empty() && out.back().document == s.document && out.back().label == s.label
            && s.begin <= out.back().end)
            out.back().end = std::max(out.back().end, s.end);
        else
            out.push_back(s);
    }
    return out;
}

void SpanScoring::finish(SpanScore &score, double precisionSum, double recallSum)
{
    if (score.coderSpans > 0)
        score.precision = precisionSum / score.coderSpans;
    if (score.goldSpans > 0)
        score.recall = recallSum / score.goldSpans;
    if (score.coderSpans == 0 && score.goldSpans == 0)
        score.reason = QStringLiteral("neither the coder nor the gold standard has spans");
    else if (score.coderSpans == 0)
        score.reason = QStringLiteral("the coder marked no span: precision is undefined");
    else if (score.goldSpans == 0)
        score.reason = QStringLiteral("the gold standard has no span: recall is undefined");
    if (score.precision && score.recall) {
        const double p = *score.precision, r = *score.recall;
        score.f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
}

SpanScore SpanScoring::partialOverlap(const std::vector<ScoredSpan> &coder,
                                      const std::vector<ScoredSpan> &gold, int label)
{
    const auto s = joined(coder, label), t = joined(gold, label);
    SpanScore score;
    score.coderSpans = int(s.size());
    score.goldSpans = int(t.size());
    double precisionSum = 0, recallSum = 0;
    // Both lists are sorted by document, label and start: walk them together.
    size_t j0 = 0;
    for (const ScoredSpan &a : s) {
        while (j0 < t.size()
               && std::tie(t[j0].document, t[j0].label, t[j0].end)
                   <= std::tie(a.document, a.label, a.begin))
            ++j0;
        for (size_t j = j0; j < t.size(); ++j) {
            const ScoredSpan &b = t[j];
            if (std::tie(b.document, b.label, b.begin) >= std::tie(a.document, a.label, a.end))
                break;
            const qint64 overlap = std::min(a.end, b.end) - std::max(a.begin, b.begin);
            if (overlap <= 0)
                continue;
            precisionSum += double(overlap) / double(a.end - a.begin);
            recallSum += double(overlap) / double(b.end - b.begin);
        }
    }
    finish(score, precisionSum, recallSum);
    return score;
}

SpanScore SpanScoring::exactMatch(const std::vector<ScoredSpan> &coder,
                                  const std::vector<ScoredSpan> &gold, int label)
{
    const auto s = joined(coder, label), t = joined(gold, label);
    SpanScore score;
    score.coderSpans = int(s.size());
    score.goldSpans = int(t.size());
    const auto key
        = [](const ScoredSpan &x) { return std::tie(x.document, x.label, x.begin, x.end); };
    double matches = 0;
    for (const ScoredSpan &a : s)
        if (std::binary_search(
                t.begin(), t.end(), a,
                [&](const ScoredSpan &x, const ScoredSpan &y) { return key(x) < key(y); }))
            ++matches;
    finish(score, matches, matches);
    return score;
}
