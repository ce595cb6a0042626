#pragma once

#include "GoldComparison.h"

class ProjectSession;

// One student's comparison with the gold standard, to hand out: the figures
// per code (as `framewise compare` prints them, with the number of hits,
// misses and false alarms) and, in HTML, every miss and false alarm with its
// article and quote. Figures have three decimals; a missing one is empty.
class GoldReport
{
public:
    GoldReport(const ProjectSession &session, const QString &gold, const QString &coder,
               const QList<GoldComparison::Row> &rows, const QList<GoldComparison::Span> &spans);

    // Header: gold, coder, code, gold_spans, coder_spans, precision, recall,
    // f1, exact_precision, exact_recall, exact_f1, hits, misses,
    // false_alarms, note. RFC 4180, CRLF line ends.
    QString csv() const;
    // A self-contained page: no scripts, links or images.
    QString html() const;
    // A row's figures as text, in the order of the columns gold_spans to
    // exact_f1 (shared with `framewise compare`).
    static QStringList scoreFields(const GoldComparison::Row &row);

    struct Counts
    {
        int hits = 0;
        int misses = 0;
        int falseAlarms = 0;
    };
    // Per code name of the rows; "(all codes)" counts every span.
    Counts counts(const QString &code) const;

private:
    QString quote(const GoldComparison::Span &span) const;

    const ProjectSession &m_session;
    QString m_gold;
    QString m_coder;
    QList<GoldComparison::Row> m_rows;
    QList<GoldComparison::Span> m_spans;
};
