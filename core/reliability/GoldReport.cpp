#include "GoldReport.h"

#include "base/DelimitedText.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QDateTime>
#include <QFileInfo>

namespace {
const QString kAllCodes = QStringLiteral("(all codes)");

QString figure(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : QString();
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}
} // namespace

GoldReport::GoldReport(const ProjectSession &session, const QString &gold, const QString &coder,
                       const QList<GoldComparison::Row> &rows,
                       const QList<GoldComparison::Span> &spans)
    : m_session(session)
    , m_gold(gold)
    , m_coder(coder)
    , m_rows(rows)
    , m_spans(spans)
{
}

GoldReport::Counts GoldReport::counts(const QString &code) const
{
    qint64 codeId = -1;
    if (code != kAllCodes) {
        const auto c = m_session.codebook().codeByName(code);
        codeId = c ? c->id : 0;
    }
    Counts n;
    for (const GoldComparison::Span &s : m_spans) {
        if (codeId >= 0 && s.codeId != codeId)
            continue;
        switch (s.verdict) {
        case GoldComparison::Verdict::Hit:
            ++n.hits;
            break;
        case GoldComparison::Verdict::Miss:
            ++n.misses;
            break;
        case GoldComparison::Verdict::FalseAlarm:
            ++n.falseAlarms;
            break;
        }
    }
    return n;
}

QStringList GoldReport::scoreFields(const GoldComparison::Row &r)
{
    return {QString::number(r.partial.goldSpans), QString::number(r.partial.coderSpans),
            figure(r.partial.precision),          figure(r.partial.recall),
            figure(r.partial.f1),                 figure(r.exact.precision),
            figure(r.exact.recall),               figure(r.exact.f1)};
}

QString GoldReport::csv() const
{
    QString out = QStringLiteral(
        "gold,coder,code,gold_spans,coder_spans,precision,recall,f1,exact_precision,exact_recall,"
        "exact_f1,hits,misses,false_alarms,note\r\n");
    for (const GoldComparison::Row &r : m_rows) {
        const Counts n = counts(r.code);
        const QStringList fields = QStringList {DelimitedText::csvField(m_gold),
                                                DelimitedText::csvField(m_coder),
                                                DelimitedText::csvField(r.code)}
            + scoreFields(r)
            + QStringList {QString::number(n.hits), QString::number(n.misses),
                           QString::number(n.falseAlarms), DelimitedText::csvField(r.partial.reason)};
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

QString GoldReport::quote(const GoldComparison::Span &span) const
{
    const auto article = m_session.articles().get(span.articleId);
    if (!article)
        return {};
    const TextOffsets offsets(article->text);
    const qsizetype from = offsets.toUtf16(span.start), to = offsets.toUtf16(span.end);
    return article->text.mid(from, to - from);
}

QString GoldReport::html() const
{
    const QString title = QStringLiteral("%1 against the gold standard (%2)").arg(m_coder, m_gold);
    QString html = QStringLiteral(
                       "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<title>%1</title>\n<style>\n"
                       "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
                       "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                       "padding:2px 6px;text-align:left;font-size:90%}th{background:#f2f2f2}"
                       ".num{text-align:right}blockquote{margin:.3em 0 .8em 1em;padding-left:.6em}"
                       ".miss{border-left:3px dashed #c62828}.fa{border-left:3px solid #ef8f00}"
                       ".code{color:#555;font-size:90%}\n"
                       "</style></head><body>\n<h1>%1</h1>\n")
                       .arg(esc(title));
    html += QStringLiteral(
                "<p>Project %1, %2. Each side's overlapping spans of a code in an article are "
                "joined first. <b>Partial overlap</b> (SemEval-2020 Task 11): precision is the "
                "share of each of your spans that a gold span of the same code covers, averaged "
                "over your spans; recall is the share of each gold span you covered, averaged "
                "over the gold spans. <b>Exact</b>: a span counts only with the same ends and "
                "code as a gold span. A <b>hit</b> is a span of yours that overlaps a gold span "
                "of its code, a <b>miss</b> a gold span you did not mark, a <b>false alarm</b> "
                "a span of yours that no gold span of its code overlaps.</p>\n")
                .arg(esc(QFileInfo(m_session.path()).fileName()),
                     QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    html += QStringLiteral(
        "<table><tr><th>Code</th><th>Gold spans</th><th>Your spans</th><th>Precision</th>"
        "<th>Recall</th><th>F1</th><th>Exact precision</th><th>Exact recall</th>"
        "<th>Exact F1</th><th>Hits</th><th>Misses</th><th>False alarms</th><th>Note</th></tr>\n");
    for (const GoldComparison::Row &r : m_rows) {
        const Counts n = counts(r.code);
        const QString cell = QStringLiteral("<td class=\"num\">%1</td>");
        html += (r.code == kAllCodes ? QStringLiteral("<tr><th>%1</th>")
                                     : QStringLiteral("<tr><td>%1</td>"))
                    .arg(esc(r.code))
            + cell.arg(r.partial.goldSpans) + cell.arg(r.partial.coderSpans)
            + cell.arg(figure(r.partial.precision)) + cell.arg(figure(r.partial.recall))
            + cell.arg(figure(r.partial.f1)) + cell.arg(figure(r.exact.precision))
            + cell.arg(figure(r.exact.recall)) + cell.arg(figure(r.exact.f1)) + cell.arg(n.hits)
            + cell.arg(n.misses) + cell.arg(n.falseAlarms)
            + QStringLiteral("<td>%1</td></tr>\n").arg(esc(r.partial.reason));
    }
    html += QStringLiteral("</table>\n");

    const auto section = [&](GoldComparison::Verdict verdict, const QString &heading,
                             const QString &cls, const QString &none) {
        html += QStringLiteral("<h2>%1</h2>\n").arg(esc(heading));
        qint64 article = -1;
        int count = 0;
        for (const GoldComparison::Span &s : m_spans) {
            if (s.verdict != verdict)
                continue;
            ++count;
            if (s.articleId != article) {
                article = s.articleId;
                const auto a = m_session.articles().get(article);
                html += QStringLiteral("<h3>%1</h3>\n")
                            .arg(esc(a ? a->title : QString::number(article)));
            }
            const auto code = m_session.codebook().code(s.codeId);
            html += QStringLiteral("<blockquote class=\"%1\"><span class=\"code\">%2 · %3–%4"
                                   "</span><br>%5</blockquote>\n")
                        .arg(cls, esc(code ? code->name : QString()), QString::number(s.start),
                             QString::number(s.end), esc(quote(s)));
        }
        if (count == 0)
            html += QStringLiteral("<p>%1</p>\n").arg(esc(none));
    };
    section(GoldComparison::Verdict::Miss, QStringLiteral("Misses: gold spans you did not mark"),
            QStringLiteral("miss"), QStringLiteral("None."));
    section(GoldComparison::Verdict::FalseAlarm,
            QStringLiteral("False alarms: your spans that are not in the gold standard"),
            QStringLiteral("fa"), QStringLiteral("None."));
    html += QStringLiteral("</body></html>\n");
    return html;
}
