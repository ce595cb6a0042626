#pragma once

#include "agreement/SpanScoring.h"

#include <QList>
#include <QString>

class ProjectSession;

// A coder's spans against a gold coder's (a teacher, or a published corpus
// imported as a coder), per code: SemEval-2020 Task 11 partial-overlap
// precision, recall and F1, and exact-match scores. Whole-article codes are
// left out: they have no span.
class GoldComparison
{
public:
    struct Row
    {
        QString code; // "(all codes)" for the row over every code
        SpanScore partial;
        SpanScore exact;
    };

    // Throws ProjectError for an unknown coder; name is how messages call
    // the project.
    static QList<Row> compare(const ProjectSession &session, const QString &name,
                              const QString &gold, const QString &coder);

    // Every span of the comparison judged, for showing a student where they
    // stand. Spans are those the scores count: each side's overlapping or
    // touching spans of a code in an article joined. A coder span is a hit
    // where it overlaps a gold span of its code (exact when a gold span has
    // the same ends), else a false alarm; a gold span that no coder span of
    // its code overlaps is a miss. So hits plus false alarms are the coder's
    // spans of the scores, and misses are the gold spans with no credit.
    enum class Verdict
    {
        Hit,
        Miss,
        FalseAlarm
    };
    struct Span
    {
        qint64 articleId = 0;
        qint64 codeId = 0;
        qint64 start = 0; // code points, end exclusive
        qint64 end = 0;
        Verdict verdict = Verdict::Hit;
        bool exact = false;
    };
    // In article, start and code order. Throws as compare() does.
    static QList<Span> classify(const ProjectSession &session, const QString &name,
                                const QString &gold, const QString &coder);
    static QString verdictName(Verdict verdict); // "hit", "miss", "false alarm"

private:
    struct Sides
    {
        std::vector<ScoredSpan> gold, coder;
        QList<qint64> usedCodes; // in codebook order
    };
    static Sides sides(const ProjectSession &session, const QString &name, const QString &gold,
                       const QString &coder);
};
