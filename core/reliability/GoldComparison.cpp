#include "GoldComparison.h"

#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QSet>

QList<GoldComparison::Row> GoldComparison::compare(const ProjectSession &session,
                                                   const QString &name, const QString &gold,
                                                   const QString &coder)
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

    std::vector<ScoredSpan> goldSpans, coderSpans;
    QSet<qint64> used;
    for (const AnnotationRepository::Place &a : session.annotations().places()) {
        if (a.document || (a.coderId != g->id && a.coderId != c->id))
            continue;
        for (qint64 code : a.codeIds) {
            (a.coderId == g->id ? goldSpans : coderSpans)
                .push_back({a.articleId, a.start, a.end, int(code)});
            used.insert(code);
        }
    }
    QList<Row> rows;
    for (const Code &code : session.codebook().codes()) {
        if (!used.contains(code.id))
            continue;
        rows.append({code.name, SpanScoring::partialOverlap(coderSpans, goldSpans, int(code.id)),
                     SpanScoring::exactMatch(coderSpans, goldSpans, int(code.id))});
    }
    rows.append({QStringLiteral("(all codes)"), SpanScoring::partialOverlap(coderSpans, goldSpans),
                 SpanScoring::exactMatch(coderSpans, goldSpans)});
    return rows;
}
