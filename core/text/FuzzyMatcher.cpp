#include "FuzzyMatcher.h"

#include <QList>
#include <utility>

namespace {
bool isWordStart(const QString &s, qsizetype i)
{
    return i == 0 || !s.at(i - 1).isLetterOrNumber();
}
} // namespace

int FuzzyMatcher::score(const QString &pattern, const QString &candidate)
{
    const QString p = pattern.simplified().remove(QLatin1Char(' ')).toCaseFolded();
    if (p.isEmpty())
        return 0;
    const QString c = candidate.toCaseFolded();
    // best[i][j]: best score matching p[0..i] with p[i] at c[j]; small
    // inputs (code names), so the quadratic table is cheap and finds the
    // placement that favours word starts over the first greedy hit.
    const qsizetype n = p.size(), m = c.size();
    constexpr int none = -1000000;
    QList<int> prev(m, none), cur(m, none);
    for (qsizetype i = 0; i < n; ++i) {
        int bestBefore = none; // max prev[k] for k < j - 1: a gap before j
        for (qsizetype j = 0; j < m; ++j) {
            cur[j] = none;
            if (c.at(j) == p.at(i)) {
                const int bonus = isWordStart(candidate, j) ? 10 : 1;
                if (i == 0) {
                    cur[j] = bonus + (j == 0 ? 5 : 0) - int(qMin<qsizetype>(j, 10));
                } else {
                    int from = bestBefore == none ? none : bestBefore - 2;
                    if (j > 0 && prev[j - 1] != none)
                        from = qMax(from, prev[j - 1] + 6); // a consecutive run
                    if (from != none)
                        cur[j] = from + bonus;
                }
            }
            if (j > 0 && prev[j - 1] != none)
                bestBefore = qMax(bestBefore, prev[j - 1]);
        }
        std::swap(prev, cur);
    }
    int best = none;
    for (int s : std::as_const(prev))
        best = qMax(best, s);
    return best == none ? -1 : qMax(0, best - int(m / 8));
}
