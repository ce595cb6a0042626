#include "GoldComparison.h"

#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QSet>
#include <algorithm>
#include <tuple>

GoldComparison::Sides GoldComparison::sides(const ProjectSession &session, const QString &name,
                                            const QString &gold, const QString &coder)
{
    const auto g = session.coders().byName(gold.trimmed());
    if (!g)
        throw ProjectError(QStringLiteral("%1: no coder named \"%2\" (the gold standard)")
                               .arg(name, gold.trimmed()));
    const auto c = session.coders().byName(coder.trimmed());
    if (!c)
        throw ProjectError(QStringLiteral("%1: no coder named \"%2\"").arg(name, coder.trimmed()));
    if (g->id == c->id)
        throw ProjectError(QStringLiteral("%1: the coder and the gold standard are both \"%2\"")
                               .arg(name, g->name));

    Sides out;
    QSet<qint64> used;
    for (const AnnotationRepository::Place &a : session.annotations().places()) {
        if (a.document || (a.coderId != g->id && a.coderId != c->id))
            continue;
        for (qint64 code : a.codeIds) {
            (a.coderId == g->id ? out.gold : out.coder)
                .push_back({a.articleId, a.start, a.end, int(code)});
            used.insert(code);
        }
    }
    for (const Code &code : session.codebook().codes())
        if (used.contains(code.id))
            out.usedCodes.append(code.id);
    return out;
}

QList<GoldComparison::Row> GoldComparison::compare(const ProjectSession &session,
                                                   const QString &name, const QString &gold,
                                                   const QString &coder)
{
    const Sides s = sides(session, name, gold, coder);
    QList<Row> rows;
    for (qint64 id : s.usedCodes)
        rows.append({session.codebook().code(id)->name,
                     SpanScoring::partialOverlap(s.coder, s.gold, int(id)),
                     SpanScoring::exactMatch(s.coder, s.gold, int(id))});
    rows.append({QStringLiteral("(all codes)"), SpanScoring::partialOverlap(s.coder, s.gold),
                 SpanScoring::exactMatch(s.coder, s.gold)});
    return rows;
}

QList<GoldComparison::Span> GoldComparison::classify(const ProjectSession &session,
                                                     const QString &name, const QString &gold,
                                                     const QString &coder)
{
    const Sides s = sides(session, name, gold, coder);
    // Joined per document and label, sorted by document, label and start:
    // the same spans the scores count.
    const std::vector<ScoredSpan> t = SpanScoring::joined(s.gold, -1);
    const std::vector<ScoredSpan> c = SpanScoring::joined(s.coder, -1);
    const auto overlaps = [](const ScoredSpan &a, const ScoredSpan &b) {
        return a.document == b.document && a.label == b.label && a.begin < b.end && b.begin < a.end;
    };
    // The spans of `in` that may overlap x: those of its document and label
    // that start before x ends.
    const auto candidates = [](const std::vector<ScoredSpan> &in, const ScoredSpan &x) {
        auto from = std::lower_bound(
            in.begin(), in.end(), x, [](const ScoredSpan &a, const ScoredSpan &b) {
                return std::tie(a.document, a.label) < std::tie(b.document, b.label);
            });
        auto to = std::lower_bound(from, in.end(), x, [](const ScoredSpan &a, const ScoredSpan &b) {
            return std::tie(a.document, a.label, a.begin) < std::tie(b.document, b.label, b.end);
        });
        return std::make_pair(from, to);
    };
    QList<Span> out;
    for (const ScoredSpan &x : c) {
        const auto [from, to] = candidates(t, x);
        Span span {x.document, x.label, x.begin, x.end, Verdict::FalseAlarm, false};
        for (auto g = from; g != to; ++g) {
            if (!overlaps(x, *g))
                continue;
            span.verdict = Verdict::Hit;
            span.exact = span.exact || (g->begin == x.begin && g->end == x.end);
        }
        out.append(span);
    }
    for (const ScoredSpan &x : t) {
        const auto [from, to] = candidates(c, x);
        if (std::none_of(from, to, [&](const ScoredSpan &y) { return overlaps(x, y); }))
            out.append({x.document, x.label, x.begin, x.end, Verdict::Miss, false});
    }
    std::sort(out.begin(), out.end(), [](const Span &a, const Span &b) {
        return std::tie(a.articleId, a.start, a.codeId, a.end)
            < std::tie(b.articleId, b.start, b.codeId, b.end);
    });
    return out;
}

QString GoldComparison::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Hit:
        return QStringLiteral("hit");
    case Verdict::Miss:
        return QStringLiteral("miss");
    case Verdict::FalseAlarm:
        return QStringLiteral("false alarm");
    }
    return {};
}
