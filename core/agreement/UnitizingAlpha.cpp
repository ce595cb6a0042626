#include "UnitizingAlpha.h"

#include <algorithm>

std::vector<UnitizingAlpha::Section> UnitizingAlpha::sections(const UnitizingData &data, int coder,
                                                              int category)
{
    const qint64 lo = data.begin, hi = data.begin + data.length;
    std::vector<std::pair<qint64, qint64>> spans;
    for (const auto &u : data.units) {
        if (u.coder != coder || u.category != category)
            continue;
        const qint64 b = std::max(lo, u.begin), e = std::min(hi, u.begin + u.length);
        if (b < e)
            spans.emplace_back(b, e);
    }
    std::sort(spans.begin(), spans.end());
    std::vector<Section> out;
    qint64 pos = lo;
    for (auto [b, e] : spans) {
        if (!out.empty() && out.back().unit && b <= out.back().end) {
            out.back().end = std::max(out.back().end, e);
            pos = out.back().end;
            continue;
        }
        if (b > pos)
            out.push_back({pos, b, false});
        out.push_back({b, e, true});
        pos = e;
    }
    if (pos < hi)
        out.push_back({pos, hi, false});
    return out;
}

UnitizingAlpha::Disagreement UnitizingAlpha::disagreement(const UnitizingData &data, int category)
{
    using Real = long double;
    const int m = int(data.coders.size());
    const Real L = Real(data.length);
    std::vector<std::vector<Section>> all;
    for (int c = 0; c < m; ++c)
        all.push_back(sections(data, c, category));

    // Observed: each pair of coders, each pair of intersecting sections.
    Real observed = 0;
    for (int i = 0; i < m; ++i) {
        for (int j = i + 1; j < m; ++j) {
            const auto &a = all[size_t(i)], &b = all[size_t(j)];
            size_t x = 0, y = 0;
            while (x < a.size() && y < b.size()) {
                const Section &g = a[x], &h = b[y];
                if (g.unit && h.unit) {
                    const Real db = Real(g.begin - h.begin), de = Real(g.end - h.end);
                    observed += db * db + de * de;
                } else if (g.unit && h.begin <= g.begin && g.end <= h.end) {
                    observed += Real(g.end - g.begin) * Real(g.end - g.begin);
                } else if (h.unit && g.begin <= h.begin && h.end <= g.end) {
                    observed += Real(h.end - h.begin) * Real(h.end - h.begin);
                }
                if (g.end <= h.end)
                    ++x;
                if (h.end <= g.end)
                    ++y;
            }
        }
    }

    // Expected: every unit against every placement of the others' units and
    // of the gaps long enough to hold it.
    std::vector<qint64> lengths, gaps;
    for (const auto &s : all)
        for (const Section &sec : s)
            (sec.unit ? lengths : gaps).push_back(sec.end - sec.begin);
    std::sort(gaps.begin(), gaps.end());
    std::vector<Real> gapSums(gaps.size() + 1, 0); // suffix sums of gap lengths
    for (size_t k = gaps.size(); k-- > 0;)
        gapSums[k] = gapSums[k + 1] + Real(gaps[k]);
    const Real nUnits = Real(lengths.size());
    Real expected = 0, squared = 0;
    for (qint64 len : lengths) {
        const Real l = Real(len);
        const size_t first = size_t(std::lower_bound(gaps.begin(), gaps.end(), len) - gaps.begin());
        const Real fitting = gapSums[first] - (l - 1) * Real(gaps.size() - first);
        expected += (nUnits - 1) / 3 * (2 * l * l * l - 3 * l * l + l) + l * l * fitting;
        squared += l * (l - 1);
    }
    Disagreement d;
    d.units = int(lengths.size());
    if (L > 0) {
        d.observed = double(2 * observed / (Real(m) * Real(m - 1) * L * L));
        const Real denominator = Real(m) * L * (Real(m) * L - 1) - squared;
        if (denominator > 0)
            d.expected = double(expected * 2 / L / denominator);
    }
    return d;
}

QString UnitizingAlpha::refusal(const UnitizingData &data)
{
    if (data.coders.size() < 2)
        return QStringLiteral("fewer than two coders");
    if (data.length <= 0)
        return QStringLiteral("the continuum is empty");
    return {};
}

AgreementResult UnitizingAlpha::category(const UnitizingData &data, int category)
{
    const int m = int(data.coders.size());
    if (const QString why = refusal(data); !why.isEmpty())
        return AgreementResult::undefined(why, 0, m);
    const Disagreement d = disagreement(data, category);
    if (d.units == 0)
        return AgreementResult::undefined(QStringLiteral("no coder marked a unit of this category"),
                                          0, m);
    if (d.expected <= 0)
        return AgreementResult::undefined(
            QStringLiteral("no expected disagreement: the units fill the continuum"), d.units, m);
    AgreementResult r;
    r.value = 1 - d.observed / d.expected;
    r.units = d.units;
    r.coders = m;
    return r;
}

AgreementResult UnitizingAlpha::overall(const UnitizingData &data)
{
    const int m = int(data.coders.size());
    if (const QString why = refusal(data); !why.isEmpty())
        return AgreementResult::undefined(why, 0, m);
    double observed = 0, expected = 0;
    int units = 0;
    for (int c = 0; c < data.categories.size(); ++c) {
        const Disagreement d = disagreement(data, c);
        observed += d.observed;
        expected += d.expected;
        units += d.units;
    }
    if (units == 0)
        return AgreementResult::undefined(QStringLiteral("no coder marked any unit"), 0, m);
    if (expected <= 0)
        return AgreementResult::undefined(
            QStringLiteral("no expected disagreement: the units fill the continuum"), units, m);
    AgreementResult r;
    r.value = 1 - observed / expected;
    r.units = units;
    r.coders = m;
    return r;
}
