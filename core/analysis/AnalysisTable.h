#pragma once

#include "domain/AnalysisTables.h"
#include "query/QueryResult.h"

#include <optional>

// Analysis results as rows and columns, for QueryResultWriter (TSV, CSV,
// JSON) and the windows' tables. Offsets are Unicode code points; shares,
// Jaccard and lift are rounded to 4 decimals.
class AnalysisTable
{
public:
    // annotation, article, start, end, codes ("; "), coder, outlet,
    // published, actor, quote, before, after, note
    static QueryResult segments(const QList<CodedSegment> &segments);
    // Without a dimension: code, category, segments, articles, characters,
    // article_share; with one, the column's name after category and
    // column_articles, article_share and segment_share at the end.
    static QueryResult frequencies(const QList<FrequencyCell> &cells, AnalysisDimension by);
    // code_a, code_b, both, count_a, count_b, units, jaccard, lift
    static QueryResult cooccurrence(const QList<CodePair> &pairs);

    static QString dimensionName(AnalysisDimension by);
    static std::optional<AnalysisDimension> dimensionFromName(const QString &name);
    static QString unitName(CooccurrenceUnit unit);
    static std::optional<CooccurrenceUnit> unitFromName(const QString &name);
    static double rounded(double value);
};
