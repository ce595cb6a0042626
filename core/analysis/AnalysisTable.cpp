#include "AnalysisTable.h"

#include <cmath>

namespace {
QVariant number(qint64 value)
{
    return QVariant::fromValue<qint64>(value);
}
} // namespace

double AnalysisTable::rounded(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

QueryResult AnalysisTable::segments(const QList<CodedSegment> &segments)
{
    QueryResult r;
    r.columns = {QStringLiteral("annotation"), QStringLiteral("article"),   QStringLiteral("start"),
                 QStringLiteral("end"),        QStringLiteral("codes"),     QStringLiteral("coder"),
                 QStringLiteral("outlet"),     QStringLiteral("published"), QStringLiteral("actor"),
                 QStringLiteral("quote"),      QStringLiteral("before"),    QStringLiteral("after"),
                 QStringLiteral("note")};
    for (const CodedSegment &s : segments) {
        r.rows.append({number(s.annotationId), number(s.articleId), number(s.start), number(s.end),
                       s.codes.join(QStringLiteral("; ")), s.coder, s.outlet, s.published, s.actor,
                       s.quote, s.prefix, s.suffix, s.note});
    }
    return r;
}

QueryResult AnalysisTable::frequencies(const QList<FrequencyCell> &cells, AnalysisDimension by)
{
    QueryResult r;
    const bool withColumn = by != AnalysisDimension::None;
    r.columns = {QStringLiteral("code"), QStringLiteral("category")};
    if (withColumn)
        r.columns << dimensionName(by);
    r.columns << QStringLiteral("segments") << QStringLiteral("articles")
              << QStringLiteral("characters");
    if (withColumn)
        r.columns << QStringLiteral("column_articles");
    r.columns << QStringLiteral("article_share");
    if (withColumn)
        r.columns << QStringLiteral("segment_share");
    for (const FrequencyCell &c : cells) {
        QVariantList row {c.code, c.category};
        if (withColumn)
            row << c.column;
        row << number(c.segments) << number(c.articles) << number(c.characters);
        if (withColumn)
            row << number(c.columnArticles);
        row << rounded(c.articleShare());
        if (withColumn)
            row << rounded(c.segmentShare());
        r.rows.append(row);
    }
    return r;
}

QueryResult AnalysisTable::cooccurrence(const QList<CodePair> &pairs)
{
    QueryResult r;
    r.columns = {QStringLiteral("code_a"),  QStringLiteral("code_b"),  QStringLiteral("both"),
                 QStringLiteral("count_a"), QStringLiteral("count_b"), QStringLiteral("units"),
                 QStringLiteral("jaccard"), QStringLiteral("lift")};
    for (const CodePair &p : pairs) {
        r.rows.append({p.nameA, p.nameB, number(p.both), number(p.countA), number(p.countB),
                       number(p.total), rounded(p.jaccard()), rounded(p.lift())});
    }
    return r;
}

QString AnalysisTable::dimensionName(AnalysisDimension by)
{
    switch (by) {
    case AnalysisDimension::None:
        return {};
    case AnalysisDimension::Outlet:
        return QStringLiteral("outlet");
    case AnalysisDimension::Month:
        return QStringLiteral("month");
    case AnalysisDimension::Week:
        return QStringLiteral("week");
    case AnalysisDimension::Day:
        return QStringLiteral("day");
    case AnalysisDimension::Coder:
        return QStringLiteral("coder");
    case AnalysisDimension::Article:
        return QStringLiteral("article");
    case AnalysisDimension::Actor:
        return QStringLiteral("actor");
    }
    return {};
}

std::optional<AnalysisDimension> AnalysisTable::dimensionFromName(const QString &name)
{
    for (AnalysisDimension d :
         {AnalysisDimension::None, AnalysisDimension::Outlet, AnalysisDimension::Month,
          AnalysisDimension::Week, AnalysisDimension::Day, AnalysisDimension::Coder,
          AnalysisDimension::Article, AnalysisDimension::Actor}) {
        if (dimensionName(d) == name)
            return d;
    }
    return std::nullopt;
}

QString AnalysisTable::unitName(CooccurrenceUnit unit)
{
    switch (unit) {
    case CooccurrenceUnit::Overlap:
        return QStringLiteral("overlap");
    case CooccurrenceUnit::Sentence:
        return QStringLiteral("sentence");
    case CooccurrenceUnit::Paragraph:
        return QStringLiteral("paragraph");
    case CooccurrenceUnit::Article:
        return QStringLiteral("article");
    }
    return {};
}

std::optional<CooccurrenceUnit> AnalysisTable::unitFromName(const QString &name)
{
    for (CooccurrenceUnit u : {CooccurrenceUnit::Overlap, CooccurrenceUnit::Sentence,
                               CooccurrenceUnit::Paragraph, CooccurrenceUnit::Article}) {
        if (unitName(u) == name)
            return u;
    }
    return std::nullopt;
}
