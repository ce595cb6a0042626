#pragma once

#include "Repository.h"
#include "domain/AnalysisTables.h"
#include "domain/SegmentQuery.h"

#include <functional>
#include <optional>

// Findings from the coding: retrieval by query (SegmentQuery), code
// matrices, co-occurrence and the actor network, each one SQL statement
// over the project so it stays fast on large projects.
//
// Sentences and paragraphs: a segment belongs to the paragraph (a non-blank
// line) and the sentence (Unicode sentence boundaries inside it) where it
// starts. They are cut from article texts once and kept in text_units and
// segment_units (schema 9), refreshed for new articles and annotations
// before a query that needs them; a read-only project must have them
// already.
class AnalysisRepository : public Repository
{
public:
    explicit AnalysisRepository(Database &db);

    // The segments a query selects, by article, start, end and id. limit < 0:
    // all. Throws SegmentQueryError for names the project lacks.
    QList<CodedSegment> segments(const SegmentQuery &query, int limit = -1);
    int countSegments(const SegmentQuery &query);
    // A page of what a query selects: the first `limit` segments in
    // segments()' order and how many there are in all, from one evaluation
    // of the query (a window shows the page and the count).
    struct Page
    {
        QList<CodedSegment> segments;
        int total = 0;
    };
    Page page(const SegmentQuery &query, int limit);
    // The first `limit` segments the query selects in the order they were
    // coded (by id), in article order: examples read from the code index
    // alone, without sorting every match by its place.
    QList<CodedSegment> firstCoded(const SegmentQuery &query, int limit);
    // Throws SegmentQueryError for names the project lacks, running nothing.
    void check(const SegmentQuery &query);
    QList<CodedSegment> segmentsByIds(const QList<qint64> &annotationIds) const;

    // Code x dimension: one cell per code and column that has segments,
    // ordered by category position, code position, then column. restrict:
    // only the segments a query selects.
    QList<FrequencyCell> frequencies(AnalysisDimension by,
                                     const std::optional<SegmentQuery> &restrict = {});
    // Pairs of distinct codes that co-occur at least once, most first.
    QList<CodePair> cooccurrence(CooccurrenceUnit unit,
                                 const std::optional<SegmentQuery> &restrict = {});
    // Restricted to the segments a query selects: mentions, claims and
    // co-mentions only from those (the actors are all listed).
    ActorNetwork network(const std::optional<SegmentQuery> &restrict = {});

    // Cuts sentences and paragraphs of articles that have none yet and
    // places segments in them; returns the number of articles cut. Needs a
    // writable project unless there is nothing to do.
    int prepareUnits();
    int articleCount() const;

private:
    // The hint that reads annotations through their narrow places index.
    QString places() const;
    struct Compiled
    {
        QString sql; // one column, id
        QVariantList binds;
    };
    Compiled compile(const SegmentQuery::Node &node);
    Compiled compileCode(const SegmentQuery::Node &node);
    Compiled compileFilter(const SegmentQuery::Node &node);
    Compiled compileRelation(const SegmentQuery::Node &node);
    QList<qint64> actorIds(const SegmentQuery::Node &node, const QString &name,
                           bool required) const;
    QList<qint64> codeSubtree(qint64 codeId) const;
    bool needsUnits(const SegmentQuery::Node &node) const;
    // " AND column IN (...)" for a restricting query, binds appended.
    QString restriction(const std::optional<SegmentQuery> &restrict, QVariantList &binds,
                        const QString &column = QStringLiteral("an.id"));
    // Runs a two-column integer query, calling row for each row without
    // the cost of QVariant per value (millions of rows for co-occurrence).
    void streamPairs(const QString &statement, const QVariantList &binds,
                     const std::function<void(qint64, qint64)> &row) const;
    QList<CodedSegment> loadSegments(const QString &where, const QVariantList &binds,
                                     int limit) const;
};
