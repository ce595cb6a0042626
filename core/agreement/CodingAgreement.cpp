#include "CodingAgreement.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

CodingAgreement::CodingAgreement(const ReliabilityData &data)
    : m_coders(data.coderCount())
    , m_declaredCategories(data.categoryCount)
    , m_labels(!data.valueLabels.isEmpty())
{
    // Distinct values: most data have a handful, so each value is first
    // looked for among those seen (sorting every value of 200,000 units
    // per code costs more than the measures).
    for (const auto &v : data.values) {
        if (!v || std::find(m_categories.begin(), m_categories.end(), *v) != m_categories.end())
            continue;
        m_categories.push_back(*v);
        if (m_categories.size() > 64) { // many distinct values: sort them all
            m_categories.clear();
            for (const auto &w : data.values)
                if (w)
                    m_categories.push_back(*w);
            break;
        }
    }
    std::sort(m_categories.begin(), m_categories.end());
    m_categories.erase(std::unique(m_categories.begin(), m_categories.end()), m_categories.end());

    std::map<std::vector<int>, size_t> index;
    std::vector<int> row(static_cast<size_t>(m_coders));
    auto last = index.end();
    for (int u = 0; u < data.unitCount(); ++u) {
        int m = 0;
        for (int c = 0; c < m_coders; ++c) {
            const auto v = data.at(u, c);
            if (v) {
                row[size_t(c)] = int(std::lower_bound(m_categories.begin(), m_categories.end(), *v)
                                     - m_categories.begin());
                ++m;
            } else {
                row[size_t(c)] = -1;
            }
        }
        if (m < 2)
            continue; // a value no other coder can be compared with
        ++m_pairable;
        // Runs of units with the same values (all absent, say) are common.
        if (last != index.end() && last->first == row) {
            m_weights[last->second] += 1;
            continue;
        }
        auto [it, added] = index.try_emplace(row, m_profiles.size());
        last = it;
        if (added) {
            Profile p;
            p.values = row;
            p.m = m;
            std::map<int, int> counts;
            for (int v : row)
                if (v >= 0)
                    ++counts[v];
            p.counts.assign(counts.begin(), counts.end());
            m_profiles.push_back(std::move(p));
            m_weights.push_back(0);
        }
        m_weights[it->second] += 1;
    }
}

int CodingAgreement::categoryCount() const
{
    return std::max(m_declaredCategories, int(m_categories.size()));
}

QString CodingAgreement::refusal(AgreementMeasure measure) const
{
    if (m_coders < 2)
        return QStringLiteral("fewer than two coders");
    if (measure == AgreementMeasure::AlphaU)
        return QStringLiteral("alpha_U needs spans on a continuum, not units");
    if (AgreementMeasures::needsNumbers(measure) && m_labels)
        return QStringLiteral("%1 needs numeric values; these data are labels")
            .arg(AgreementMeasures::name(measure));
    if (measure == AgreementMeasure::AlphaRatio && !m_categories.empty()
        && m_categories.front() < 0)
        return QStringLiteral("the ratio metric needs values of 0 or more");
    if (m_pairable == 0)
        return QStringLiteral("no unit was coded by two or more coders");
    return {};
}

std::optional<double> CodingAgreement::evaluate(AgreementMeasure measure,
                                                const std::vector<double> &w, QString *reason) const
{
    switch (measure) {
    case AgreementMeasure::Percent:
        return percent(w, reason);
    case AgreementMeasure::Cohen:
        return cohen(w, reason);
    case AgreementMeasure::Scott:
    case AgreementMeasure::Fleiss:
    case AgreementMeasure::Ac1:
    case AgreementMeasure::BrennanPrediger:
        return chanceCorrected(measure, w, reason);
    case AgreementMeasure::AlphaNominal:
    case AgreementMeasure::AlphaOrdinal:
    case AgreementMeasure::AlphaInterval:
    case AgreementMeasure::AlphaRatio:
        return alpha(measure, w, reason);
    case AgreementMeasure::AlphaU:
        break;
    }
    *reason = refusal(AgreementMeasure::AlphaU);
    return std::nullopt;
}

// Mean over units of the share of agreeing coder pairs in the unit.
std::optional<double> CodingAgreement::percent(const std::vector<double> &w, QString *reason) const
{
    double n = 0, agree = 0;
    for (size_t p = 0; p < m_profiles.size(); ++p) {
        if (w[p] == 0)
            continue;
        const Profile &pr = m_profiles[p];
        double pairs = 0;
        for (const auto &[cat, count] : pr.counts)
            pairs += double(count) * (count - 1);
        agree += w[p] * pairs / (double(pr.m) * (pr.m - 1));
        n += w[p];
    }
    if (n == 0) {
        *reason = QStringLiteral("no unit was coded by two or more coders");
        return std::nullopt;
    }
    return agree / n;
}

// Scott's pi / Fleiss' kappa, AC1 and Brennan-Prediger share the observed
// agreement (percent) and differ in chance agreement. Category shares are
// averaged over units, so units coded by fewer coders weigh the same
// (Gwet's form for missing ratings; Fleiss 1971 when none are missing).
std::optional<double> CodingAgreement::chanceCorrected(AgreementMeasure measure,
                                                       const std::vector<double> &w,
                                                       QString *reason) const
{
    const auto po = percent(w, reason);
    if (!po)
        return std::nullopt;
    const int q = categoryCount();
    double pe = 0;
    if (measure == AgreementMeasure::BrennanPrediger) {
        if (q < 2) {
            *reason = QStringLiteral("only one category: Brennan-Prediger needs at least two");
            return std::nullopt;
        }
        pe = 1.0 / q;
    } else {
        std::vector<double> share(m_categories.size(), 0.0);
        double n = 0;
        for (size_t p = 0; p < m_profiles.size(); ++p) {
            if (w[p] == 0)
                continue;
            for (const auto &[cat, count] : m_profiles[p].counts)
                share[size_t(cat)] += w[p] * count / m_profiles[p].m;
            n += w[p];
        }
        if (measure == AgreementMeasure::Ac1) {
            if (q < 2) {
                *reason = QStringLiteral("only one category: Gwet's AC1 needs at least two");
                return std::nullopt;
            }
            for (double s : share)
                pe += (s / n) * (1 - s / n);
            pe /= (q - 1);
        } else {
            for (double s : share)
                pe += (s / n) * (s / n);
        }
    }
    if (pe >= 1 - 1e-12) {
        *reason = QStringLiteral("every value is in one category: chance agreement is 1");
        return std::nullopt;
    }
    return (*po - pe) / (1 - pe);
}

// Cohen 1960 for each pair of coders over the units both coded; the mean
// over pairs when there are more than two coders.
std::optional<double> CodingAgreement::cohen(const std::vector<double> &w, QString *reason) const
{
    const size_t q = m_categories.size();
    std::vector<double> a(q), b(q);
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < m_coders; ++i) {
        for (int j = i + 1; j < m_coders; ++j) {
            std::fill(a.begin(), a.end(), 0.0);
            std::fill(b.begin(), b.end(), 0.0);
            double n = 0, agree = 0;
            for (size_t p = 0; p < m_profiles.size(); ++p) {
                const int vi = m_profiles[p].values[size_t(i)],
                          vj = m_profiles[p].values[size_t(j)];
                if (w[p] == 0 || vi < 0 || vj < 0)
                    continue;
                n += w[p];
                a[size_t(vi)] += w[p];
                b[size_t(vj)] += w[p];
                if (vi == vj)
                    agree += w[p];
            }
            if (n == 0)
                continue; // this pair shares no unit
            double pe = 0;
            for (size_t k = 0; k < q; ++k)
                pe += (a[k] / n) * (b[k] / n);
            if (pe >= 1 - 1e-12) {
                *reason = QStringLiteral("every value is in one category: chance agreement is 1");
                return std::nullopt;
            }
            sum += (agree / n - pe) / (1 - pe);
            ++pairs;
        }
    }
    if (pairs == 0) {
        *reason = QStringLiteral("no two coders coded the same unit");
        return std::nullopt;
    }
    return sum / pairs;
}

// Krippendorff's alpha from the coincidences within units:
// 1 - (n - 1) * sum o_ck d_ck / sum n_c n_k d_ck.
std::optional<double> CodingAgreement::alpha(AgreementMeasure measure, const std::vector<double> &w,
                                             QString *reason) const
{
    const size_t q = m_categories.size();
    std::vector<double> nc(q, 0.0);
    for (size_t p = 0; p < m_profiles.size(); ++p)
        if (w[p] != 0)
            for (const auto &[cat, count] : m_profiles[p].counts)
                nc[size_t(cat)] += w[p] * count;
    double n = 0;
    for (double x : nc)
        n += x;
    if (n < 2) {
        *reason = QStringLiteral("no unit was coded by two or more coders");
        return std::nullopt;
    }
    std::vector<double> cumulative(q + 1, 0.0); // for the ordinal metric
    for (size_t k = 0; k < q; ++k)
        cumulative[k + 1] = cumulative[k] + nc[k];
    const auto delta = [&](size_t c, size_t k) -> double {
        if (c == k)
            return 0;
        const double vc = m_categories[c], vk = m_categories[k];
        switch (measure) {
        case AgreementMeasure::AlphaNominal:
            return 1;
        case AgreementMeasure::AlphaOrdinal: {
            const size_t lo = std::min(c, k), hi = std::max(c, k);
            const double d = cumulative[hi + 1] - cumulative[lo] - (nc[lo] + nc[hi]) / 2;
            return d * d;
        }
        case AgreementMeasure::AlphaInterval:
            return (vc - vk) * (vc - vk);
        case AgreementMeasure::AlphaRatio:
            return vc + vk == 0 ? 0 : ((vc - vk) / (vc + vk)) * ((vc - vk) / (vc + vk));
        default:
            return 0;
        }
    };

    double observed = 0;
    for (size_t p = 0; p < m_profiles.size(); ++p) {
        if (w[p] == 0)
            continue;
        const Profile &pr = m_profiles[p];
        double within = 0;
        for (const auto &[c, nc1] : pr.counts)
            for (const auto &[k, nk] : pr.counts)
                if (c != k)
                    within += double(nc1) * nk * delta(size_t(c), size_t(k));
        observed += w[p] * within / (pr.m - 1);
    }
    double expected = 0;
    if (measure == AgreementMeasure::AlphaNominal) {
        double squares = 0;
        for (double x : nc)
            squares += x * x;
        expected = n * n - squares;
    } else if (measure == AgreementMeasure::AlphaInterval) {
        double s1 = 0, s2 = 0;
        for (size_t k = 0; k < q; ++k) {
            s1 += nc[k] * m_categories[k];
            s2 += nc[k] * m_categories[k] * m_categories[k];
        }
        expected = 2 * (n * s2 - s1 * s1);
    } else {
        for (size_t c = 0; c < q; ++c)
            for (size_t k = c + 1; k < q; ++k)
                expected += 2 * nc[c] * nc[k] * delta(c, k);
    }
    if (expected <= 1e-12 * std::max(1.0, n * n)) {
        *reason = QStringLiteral("all values are the same: without variation alpha is undefined");
        return std::nullopt;
    }
    return 1 - (n - 1) * observed / expected;
}

AgreementResult CodingAgreement::compute(AgreementMeasure measure,
                                         const AgreementOptions &options) const
{
    return compute(QList<AgreementMeasure> {measure}, options).front();
}

QList<AgreementResult> CodingAgreement::compute(const QList<AgreementMeasure> &measures,
                                                const AgreementOptions &options) const
{
    QList<AgreementResult> results;
    for (AgreementMeasure m : measures) {
        AgreementResult r;
        r.units = m_pairable;
        r.coders = m_coders;
        const QString refused = refusal(m);
        if (!refused.isEmpty())
            r.reason = refused;
        else
            r.value = evaluate(m, m_weights, &r.reason);
        results.append(r);
    }
    if (options.bootstrap <= 0 || m_pairable == 0)
        return results;

    // Replicates shared by all measures: each a multinomial draw of
    // m_pairable units over the profiles, as conditional binomials.
    std::mt19937_64 random(options.seed);
    std::vector<std::vector<double>> samples(size_t(measures.size()));
    std::vector<double> w(m_weights.size());
    for (int r = 0; r < options.bootstrap; ++r) {
        long remaining = m_pairable;
        double mass = m_pairable;
        for (size_t p = 0; p < w.size(); ++p) {
            if (remaining == 0 || p + 1 == w.size()) {
                w[p] = double(remaining);
                remaining = 0;
                continue;
            }
            const double prob = std::clamp(m_weights[p] / mass, 0.0, 1.0);
            std::binomial_distribution<long> draw(remaining, prob);
            const long k = draw(random);
            w[p] = double(k);
            remaining -= k;
            mass -= m_weights[p];
        }
        for (qsizetype i = 0; i < measures.size(); ++i) {
            if (!results[i].value)
                continue;
            QString ignored;
            if (const auto v = evaluate(measures[i], w, &ignored))
                samples[size_t(i)].push_back(*v);
        }
    }
    const double tail = (1 - options.level) / 2;
    for (qsizetype i = 0; i < measures.size(); ++i) {
        auto &s = samples[size_t(i)];
        if (!results[i].value)
            continue;
        results[i].replicates = int(s.size());
        if (s.empty()) {
            results[i].reason = QStringLiteral("no bootstrap replicate had a value");
            continue;
        }
        std::sort(s.begin(), s.end());
        // Linear interpolation between order statistics (Hyndman-Fan type 7).
        const auto quantile = [&](double prob) {
            const double pos = prob * double(s.size() - 1);
            const size_t lo = size_t(std::floor(pos));
            const size_t hi = std::min(lo + 1, s.size() - 1);
            return s[lo] + (pos - double(lo)) * (s[hi] - s[lo]);
        };
        results[i].ciLow = quantile(tail);
        results[i].ciHigh = quantile(1 - tail);
    }
    return results;
}
