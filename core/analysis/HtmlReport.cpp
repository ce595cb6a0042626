#include "HtmlReport.h"

#include "AnalysisTable.h"
#include "SegmentQueryParser.h"
#include "reliability/ProjectAgreement.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMap>
#include <QSet>

namespace {
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QLatin1Char('%');
}

// A matrix of article shares: codes down, columns across.
QString shareMatrix(const QList<FrequencyCell> &cells, const QString &columnTitle)
{
    QStringList columns;
    QList<QString> codes;
    QHash<QString, QHash<QString, const FrequencyCell *>> byCode;
    QSet<QString> seenColumns;
    for (const FrequencyCell &c : cells) {
        if (!byCode.contains(c.code))
            codes << c.code;
        byCode[c.code].insert(c.column, &c);
        if (!seenColumns.contains(c.column)) {
            seenColumns.insert(c.column);
            columns << c.column;
        }
    }
    std::sort(columns.begin(), columns.end());
    QString html
        = QStringLiteral("<table class=\"matrix\"><tr><th>Code \\ %1</th>").arg(esc(columnTitle));
    for (const QString &col : columns)
        html += QStringLiteral("<th>%1</th>")
                    .arg(esc(col.isEmpty() ? QStringLiteral("(none)") : col));
    html += QStringLiteral("</tr>\n");
    for (const QString &code : codes) {
        html += QStringLiteral("<tr><th>%1</th>").arg(esc(code));
        for (const QString &col : columns) {
            const FrequencyCell *c = byCode[code].value(col);
            if (!c) {
                html += QStringLiteral("<td></td>");
                continue;
            }
            const int shade = 255 - int(c->articleShare() * 155);
            html += QStringLiteral("<td style=\"background:rgb(%1,%2,255)\" title=\"%3 segments in "
                                   "%4 articles\">%5</td>")
                        .arg(shade)
                        .arg(shade)
                        .arg(c->segments)
                        .arg(c->articles)
                        .arg(percent(c->articleShare()));
        }
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

// Agreement per code as `framewise agreement PROJECT` reports it by
// default (every coder who annotated, articles as units, the default
// measures, no bootstrap), or why there is none.
QString agreementSection(ProjectSession &session, bool restricted)
{
    QString html = QStringLiteral("<h2>Inter-coder agreement</h2>\n");
    const ProjectAgreement agreement(session, QFileInfo(session.path()).fileName());
    const int shared = agreement.sharedArticles();
    if (shared == 0)
        return html
            + QStringLiteral("<p>None to report: no article was coded by two or more "
                             "coders.</p>\n");
    const QList<AgreementRow> rows = agreement.run(AgreementRequest());
    if (rows.isEmpty())
        return html + QStringLiteral("<p>None to report: the coders used no codes.</p>\n");
    QList<AgreementMeasure> measures;
    QStringList codes;
    QHash<QString, QMap<AgreementMeasure, AgreementResult>> results;
    for (const AgreementRow &r : rows) {
        if (!measures.contains(r.measure))
            measures << r.measure;
        if (!codes.contains(r.code))
            codes << r.code;
        results[r.code].insert(r.measure, r.result);
    }
    html += QStringLiteral(
                "<p>Coders: %1. Coded articles: %3, by two or more of them: %2. Each coded "
                "article is a unit, where a coder gave a code or not; the "
                "figures are those of <code>framewise agreement</code> with its defaults%4.</p>\n")
                .arg(esc(rows.first().coders.join(QStringLiteral(", "))))
                .arg(shared)
                .arg(agreement.annotatedArticles())
                .arg(restricted ? QStringLiteral(", over the whole project (the query does "
                                                 "not narrow them)")
                                : QString());
    html += QStringLiteral("<table><tr><th>Code</th><th>Units</th>");
    for (AgreementMeasure m : std::as_const(measures))
        html += QStringLiteral("<th>%1</th>").arg(esc(AgreementMeasures::title(m)));
    html += QStringLiteral("</tr>\n");
    QMap<QString, QStringList> reasons; // why a figure is missing -> where
    for (const QString &code : std::as_const(codes)) {
        const auto &byMeasure = results[code];
        html += QStringLiteral("<tr><td>%1</td><td class=\"num\">%2</td>")
                    .arg(esc(code))
                    .arg(byMeasure.value(measures.first()).units);
        for (AgreementMeasure m : std::as_const(measures)) {
            const AgreementResult r = byMeasure.value(m);
            if (r.value) {
                html += QStringLiteral("<td class=\"num\">%1</td>")
                            .arg(QString::number(*r.value, 'f', 3));
            } else {
                html += QStringLiteral("<td class=\"num\" title=\"%1\">–</td>").arg(esc(r.reason));
                reasons[r.reason]
                    << QStringLiteral("%1 of %2").arg(AgreementMeasures::title(m), code);
            }
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    if (!reasons.isEmpty()) {
        html += QStringLiteral("<p>– no value:</p>\n<ul>\n");
        for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
            html += QStringLiteral("<li>%1: %2</li>\n")
                        .arg(esc(it.value().join(QStringLiteral("; "))), esc(it.key()));
        html += QStringLiteral("</ul>\n");
    }
    return html;
}

QString barChart(const QList<FrequencyCell> &totals, bool forPrint)
{
    int most = 1;
    for (const FrequencyCell &c : totals)
        most = std::max(most, c.segments);
    if (forPrint) {
        QString html = QStringLiteral("<table class=\"bars\">");
        for (const FrequencyCell &c : totals) {
            html += QStringLiteral(
                        "<tr><td>%1</td><td><table cellspacing=\"0\" cellpadding=\"0\"><tr>"
                        "<td bgcolor=\"#2f6fd6\" "
                        "width=\"%2\">&nbsp;</td></tr></table></td><td>%3</td></tr>")
                        .arg(esc(c.code))
                        .arg(std::max(1, 300 * c.segments / most))
                        .arg(c.segments);
        }
        return html + QStringLiteral("</table>\n");
    }
    const int rowHeight = 22, labelWidth = 220, barWidth = 420;
    const int height = int(totals.size()) * rowHeight + 10;
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                                 "aria-label=\"Segments per code\" width=\"%1\" height=\"%2\" "
                                 "font-family=\"sans-serif\" font-size=\"12\">\n")
                      .arg(labelWidth + barWidth + 60)
                      .arg(height);
    int y = 5;
    for (const FrequencyCell &c : totals) {
        const int w = std::max(1, barWidth * c.segments / most);
        svg += QStringLiteral(
                   "<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>"
                   "<rect x=\"%4\" y=\"%5\" width=\"%6\" height=\"%7\" fill=\"#2f6fd6\"/>"
                   "<text x=\"%8\" y=\"%2\">%9</text>\n")
                   .arg(labelWidth - 6)
                   .arg(y + 15)
                   .arg(esc(c.code))
                   .arg(labelWidth)
                   .arg(y + 3)
                   .arg(w)
                   .arg(rowHeight - 6)
                   .arg(labelWidth + w + 4)
                   .arg(c.segments);
        y += rowHeight;
    }
    return svg + QStringLiteral("</svg>\n");
}
} // namespace

QString HtmlReport::build(ProjectSession &session, const std::optional<SegmentQuery> &restrict,
                          bool forPrint)
{
    AnalysisRepository analysis(session.database());
    const QString name = QFileInfo(session.path()).completeBaseName();
    QString html
        = QStringLiteral(
              "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<title>Framewise report: %1</title>\n<style>\n"
              "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
              "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px "
              "6px;"
              "text-align:left;font-size:90%}th{background:#f2f2f2}.num{text-align:right}"
              "blockquote{margin:.4em 0 .8em 1em;border-left:3px solid #2f6fd6;padding-left:.6em}"
              ".ctx{color:#777}mark{background:#ffe680}\n"
              "</style></head><body>\n<h1>Framewise report: %1</h1>\n")
              .arg(esc(name));
    const int articles = analysis.articleCount();
    const QList<FrequencyCell> totals = analysis.frequencies(AnalysisDimension::None, restrict);
    int segments = 0;
    for (const FrequencyCell &c : totals)
        segments += c.segments;
    html
        += QStringLiteral("<p>%1 articles; %2 coded segments (counting each code of a segment)%3. "
                          "Generated %4. Offsets are Unicode code points.</p>\n")
               .arg(articles)
               .arg(segments)
               .arg(restrict
                        ? QStringLiteral(", restricted to <code>%1</code>").arg(esc(restrict->text))
                        : QString())
               .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));

    // Codebook.
    html += QStringLiteral(
        "<h2>Codebook</h2>\n<table><tr><th>Category</th><th>Code</th><th>Description</th>"
        "<th>Segments</th></tr>\n");
    QHash<qint64, int> count;
    for (const FrequencyCell &c : totals)
        count.insert(c.codeId, c.segments);
    const QList<Category> categories = session.codebook().categories();
    QHash<qint64, QString> categoryName;
    for (const Category &cat : categories)
        categoryName.insert(cat.id, cat.name);
    for (const Code &code : session.codebook().codes()) {
        html += QStringLiteral(
                    "<tr><td>%1</td><td><span style=\"color:%2\">&#9632;</span> %3</td><td>%4</td>"
                    "<td class=\"num\">%5</td></tr>\n")
                    .arg(esc(categoryName.value(code.categoryId)), code.colour, esc(code.name),
                         esc(code.description))
                    .arg(count.value(code.id));
    }
    html += QStringLiteral("</table>\n");

    // Frequencies.
    html += QStringLiteral("<h2>Code frequencies</h2>\n") + barChart(totals, forPrint);
    html += QStringLiteral(
        "<table><tr><th>Code</th><th>Category</th><th>Segments</th><th>Articles</th>"
        "<th>Characters</th><th>Share of articles</th></tr>\n");
    for (const FrequencyCell &c : totals) {
        html += QStringLiteral(
                    "<tr><td>%1</td><td>%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td>"
                    "<td class=\"num\">%5</td><td class=\"num\">%6</td></tr>\n")
                    .arg(esc(c.code), esc(c.category))
                    .arg(c.segments)
                    .arg(c.articles)
                    .arg(c.characters)
                    .arg(percent(c.articleShare()));
    }
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h2>Framing over time: share of articles per month</h2>\n")
        + shareMatrix(analysis.frequencies(AnalysisDimension::Month, restrict),
                      QStringLiteral("month"));
    html += QStringLiteral("<h2>Share of articles per outlet</h2>\n")
        + shareMatrix(analysis.frequencies(AnalysisDimension::Outlet, restrict),
                      QStringLiteral("outlet"));

    // Co-occurrence.
    const QList<CodePair> pairs = analysis.cooccurrence(CooccurrenceUnit::Paragraph, restrict);
    html += QStringLiteral(
        "<h2>Co-occurrence in paragraphs</h2>\n<table><tr><th>Code</th><th>Code</th>"
        "<th>Paragraphs with both</th><th>Jaccard</th><th>Lift</th></tr>\n");
    for (qsizetype i = 0; i < pairs.size() && i < pairsShown; ++i) {
        const CodePair &p = pairs.at(i);
        html += QStringLiteral(
                    "<tr><td>%1</td><td>%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td>"
                    "<td class=\"num\">%5</td></tr>\n")
                    .arg(esc(p.nameA), esc(p.nameB))
                    .arg(p.both)
                    .arg(AnalysisTable::rounded(p.jaccard()))
                    .arg(AnalysisTable::rounded(p.lift()));
    }
    html += QStringLiteral("</table>\n");

    // Actors and claims.
    const ActorNetwork net = analysis.network(restrict); // as the other figures: the query's segments
    QHash<qint64, QString> actorName;
    for (const auto &n : net.nodes)
        actorName.insert(n.actorId, n.name);
    html += QStringLiteral(
        "<h2>Actors and claims</h2>\n<table><tr><th>Actor</th><th>Kind</th><th>Mentions</th>"
        "<th>Claims made</th><th>Claims about</th></tr>\n");
    for (const auto &n : net.nodes) {
        html += QStringLiteral(
                    "<tr><td>%1</td><td>%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td>"
                    "<td class=\"num\">%5</td></tr>\n")
                    .arg(esc(n.name), esc(n.kind))
                    .arg(n.mentions)
                    .arg(n.claimsMade)
                    .arg(n.claimsReceived);
    }
    html += QStringLiteral("</table>\n<table><tr><th>Speaker</th><th>Target</th><th>Stance</"
                           "th><th>Claims</th></tr>\n");
    for (const auto &e : net.edges) {
        if (e.type != ActorNetwork::Edge::Type::Claim)
            continue;
        html += QStringLiteral(
                    "<tr><td>%1</td><td>%2</td><td>%3</td><td class=\"num\">%4</td></tr>\n")
                    .arg(esc(actorName.value(e.from)), esc(actorName.value(e.to)), esc(e.stance))
                    .arg(e.weight);
    }
    html += QStringLiteral("</table>\n");

    html += agreementSection(session, restrict.has_value());

    // Examples.
    html += QStringLiteral("<h2>Example segments</h2>\n");
    for (const FrequencyCell &c : totals) {
        SegmentQuery q;
        q.root.op = SegmentQuery::Op::Code;
        q.root.name = c.code;
        if (restrict) {
            SegmentQuery::Node both;
            both.op = SegmentQuery::Op::And;
            both.children.push_back(q.root);
            both.children.push_back(restrict->root);
            q.root = both;
        }
        html += QStringLiteral("<h3>%1</h3>\n").arg(esc(c.code));
        for (const CodedSegment &s : analysis.firstCoded(q, examplesPerCode)) {
            html += QStringLiteral(
                        "<blockquote><span class=\"ctx\">…%1</span><mark>%2</mark><span "
                        "class=\"ctx\">%3…</span>"
                        "<br><small>%4 (%5, %6), %7, characters %8–%9</small></blockquote>\n")
                        .arg(esc(s.prefix), esc(s.quote), esc(s.suffix), esc(s.articleTitle),
                             esc(s.outlet), esc(s.published), esc(s.coder))
                        .arg(s.start)
                        .arg(s.end);
        }
    }
    html += QStringLiteral("</body></html>\n");
    return html;
}
