#include "AnalysisCommands.h"

#include "CommandLine.h"
#include "analysis/AnalysisTable.h"
#include "analysis/HtmlReport.h"
#include "analysis/NetworkWriter.h"
#include "analysis/SegmentQueryParser.h"
#include "base/DelimitedText.h"
#include "query/QueryResultWriter.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"
#include "store/SavedQueryRepository.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace {
const char *kSegments = "segments PROJECT QUERY [--format tsv|csv|json] [--limit N]";
const char *kStats = "stats PROJECT [--by outlet|month|week|day|coder|article|actor] "
                     "[--query QUERY] [--format tsv|csv|json]";
const char *kCooccurrence = "cooccurrence PROJECT [--by overlap|sentence|paragraph|article] "
                            "[--query QUERY] [--format tsv|csv|json]";
const char *kNetwork = "network PROJECT OUT.graphml|OUT.gexf|OUT.dot";
const char *kReport = "report PROJECT OUT.html|OUT.pdf [--query QUERY]";
const char *kQueries = "queries PROJECT list | save NAME QUERY | delete NAME";

int usage(const QString &message, const char *synopsis)
{
    CommandLine::err(message + QStringLiteral("\nusage: framewise ") + QLatin1String(synopsis));
    return CommandLine::Usage;
}

// The error, then the query with a caret under the place.
int badQuery(const QString &query, const SegmentQueryError &e)
{
    CommandLine::err(QStringLiteral("the query: %1\n  %2\n  %3^")
                         .arg(e.message(), query, QString(e.position(), QLatin1Char(' '))));
    return CommandLine::Usage;
}

std::optional<QueryResultWriter::Format> format(const QCommandLineParser &parser)
{
    return QueryResultWriter::formatFromName(parser.value(QStringLiteral("format")));
}

void addFormat(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("format"), QStringLiteral("tsv (default), csv or json."),
                      QStringLiteral("FORMAT"), QStringLiteral("tsv")});
}

void addQuery(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("query"),
                      QStringLiteral("Only the segments this query selects."),
                      QStringLiteral("QUERY")});
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        CommandLine::err(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
        return false;
    }
    return true;
}

// A query with set:NAME taken from the project's saved queries.
SegmentQuery parsed(ProjectSession &session, const QString &text)
{
    return SegmentQueryParser::parse(text, SavedQueryRepository(session.database()).lookup());
}

// The --query option parsed, or nothing.
std::optional<SegmentQuery> restriction(const QCommandLineParser &parser, ProjectSession &session)
{
    if (!parser.isSet(QStringLiteral("query")))
        return std::nullopt;
    return parsed(session, parser.value(QStringLiteral("query")));
}
} // namespace

void AnalysisCommands::segmentsOptions(QCommandLineParser &parser)
{
    addFormat(parser);
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N segments (default: all)."),
                      QStringLiteral("N")});
}

void AnalysisCommands::statsOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("outlet, month, week (ISO 8601), day, coder, article or "
                                     "actor (default: codes only)."),
                      QStringLiteral("DIMENSION")});
    addQuery(parser);
    addFormat(parser);
}

void AnalysisCommands::cooccurrenceOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("overlap, sentence, paragraph (default) or article."),
                      QStringLiteral("UNIT"), QStringLiteral("paragraph")});
    addQuery(parser);
    addFormat(parser);
}

void AnalysisCommands::reportOptions(QCommandLineParser &parser)
{
    addQuery(parser);
}

int AnalysisCommands::segments(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 2)
        return usage(QStringLiteral("segments needs a project and one query"), kSegments);
    const auto fmt = format(parser);
    if (!fmt)
        return usage(QStringLiteral("--format must be tsv, csv or json, not “%1”")
                         .arg(parser.value(QStringLiteral("format"))),
                     kSegments);
    int limit = -1;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return usage(QStringLiteral("--limit must be a whole number ≥ 1"), kSegments);
    }
    try {
        auto session = ProjectSession::open(args[0]);
        const SegmentQuery query = parsed(*session, args[1]);
        AnalysisRepository analysis(session->database());
        CommandLine::write(stdout,
                           QueryResultWriter::write(
                               AnalysisTable::segments(analysis.segments(query, limit)), *fmt));
    } catch (const SegmentQueryError &e) {
        return badQuery(args[1], e);
    }
    return CommandLine::Success;
}

int AnalysisCommands::stats(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("stats needs exactly one project"), kStats);
    const auto fmt = format(parser);
    if (!fmt)
        return usage(QStringLiteral("--format must be tsv, csv or json, not “%1”")
                         .arg(parser.value(QStringLiteral("format"))),
                     kStats);
    const QString byName = parser.value(QStringLiteral("by"));
    const auto by = byName.isEmpty() ? std::optional(AnalysisDimension::None)
                                     : AnalysisTable::dimensionFromName(byName);
    if (!by || (!byName.isEmpty() && *by == AnalysisDimension::None))
        return usage(QStringLiteral(
                         "--by must be outlet, month, week, day, coder, article or actor, not “%1”")
                         .arg(byName),
                     kStats);
    try {
        auto session = ProjectSession::open(args[0]);
        const auto restrict = restriction(parser, *session);
        AnalysisRepository analysis(session->database());
        CommandLine::write(
            stdout,
            QueryResultWriter::write(
                AnalysisTable::frequencies(analysis.frequencies(*by, restrict), *by), *fmt));
    } catch (const SegmentQueryError &e) {
        return badQuery(parser.value(QStringLiteral("query")), e);
    }
    return CommandLine::Success;
}

int AnalysisCommands::cooccurrence(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("cooccurrence needs exactly one project"), kCooccurrence);
    const auto fmt = format(parser);
    if (!fmt)
        return usage(QStringLiteral("--format must be tsv, csv or json, not “%1”")
                         .arg(parser.value(QStringLiteral("format"))),
                     kCooccurrence);
    const auto unit = AnalysisTable::unitFromName(parser.value(QStringLiteral("by")));
    if (!unit)
        return usage(
            QStringLiteral("--by must be overlap, sentence, paragraph or article, not “%1”")
                .arg(parser.value(QStringLiteral("by"))),
            kCooccurrence);
    try {
        auto session = ProjectSession::open(args[0]);
        const auto restrict = restriction(parser, *session);
        AnalysisRepository analysis(session->database());
        CommandLine::write(
            stdout,
            QueryResultWriter::write(
                AnalysisTable::cooccurrence(analysis.cooccurrence(*unit, restrict)), *fmt));
    } catch (const SegmentQueryError &e) {
        return badQuery(parser.value(QStringLiteral("query")), e);
    }
    return CommandLine::Success;
}

int AnalysisCommands::network(QCommandLineParser &, const QStringList &args)
{
    if (args.size() != 2)
        return usage(QStringLiteral("network needs a project and an output file"), kNetwork);
    const auto fmt = NetworkWriter::formatForFile(args[1]);
    if (!fmt)
        return usage(
            QStringLiteral("%1: the output must end in .graphml, .gexf or .dot").arg(args[1]),
            kNetwork);
    auto session = ProjectSession::open(args[0]);
    AnalysisRepository analysis(session->database());
    const ActorNetwork net = analysis.network();
    if (!writeFile(args[1], NetworkWriter::write(net, *fmt)))
        return CommandLine::Failure;
    CommandLine::out(
        QStringLiteral("%1 actors, %2 edges\n").arg(net.nodes.size()).arg(net.edges.size()));
    return CommandLine::Success;
}

int AnalysisCommands::report(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 2)
        return usage(QStringLiteral("report needs a project and an output file"), kReport);
    const QString out = args[1];
    const bool pdf = out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (!pdf && !out.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)
        && !out.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive))
        return usage(QStringLiteral("%1: the output must end in .html or .pdf").arg(out), kReport);
    try {
        auto session = ProjectSession::open(args[0]);
        const auto restrict = restriction(parser, *session);
        const QString html = HtmlReport::build(*session, restrict, pdf);
        if (!pdf)
            return writeFile(out, html.toUtf8()) ? CommandLine::Success : CommandLine::Failure;
        {
            // QPdfWriter reports no open error: try the place first.
            QSaveFile probe(out);
            if (!probe.open(QIODevice::WriteOnly)) {
                CommandLine::err(
                    QStringLiteral("%1: cannot write (%2)").arg(out, probe.errorString()));
                return CommandLine::Failure;
            }
            probe.cancelWriting();
        }
        QPdfWriter writer(out);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(
            QStringLiteral("Framewise report: %1").arg(QFileInfo(args[0]).completeBaseName()));
        writer.setCreator(QStringLiteral("Framewise"));
        QTextDocument document;
        document.setHtml(html);
        document.print(&writer);
        if (QFileInfo(out).size() == 0) {
            CommandLine::err(QStringLiteral("%1: cannot write (the PDF is empty)").arg(out));
            return CommandLine::Failure;
        }
    } catch (const SegmentQueryError &e) {
        return badQuery(parser.value(QStringLiteral("query")), e);
    }
    return CommandLine::Success;
}

int AnalysisCommands::queries(QCommandLineParser &, const QStringList &args)
{
    const QString action = args.value(1);
    const bool list = action == QLatin1String("list") && args.size() == 2;
    const bool save = action == QLatin1String("save") && args.size() == 4;
    const bool remove = action == QLatin1String("delete") && args.size() == 3;
    if (!list && !save && !remove)
        return usage(
            QStringLiteral("queries needs PROJECT and one of: list, save NAME QUERY, delete NAME"),
            kQueries);
    auto session = ProjectSession::open(args[0]);
    SavedQueryRepository saved(session->database());
    if (list) {
        QString text;
        for (const SavedQuery &q : saved.all())
            text += DelimitedText::tsvField(q.name) + QLatin1Char('\t')
                + DelimitedText::tsvField(q.text) + QLatin1Char('\n');
        CommandLine::out(text);
        return CommandLine::Success;
    }
    const QString name = args[2].trimmed();
    if (name.isEmpty())
        return usage(QStringLiteral("NAME must not be empty"), kQueries);
    if (remove) {
        if (!saved.text(name)) {
            CommandLine::err(QStringLiteral("%1: no saved query “%2”").arg(args[0], name));
            return CommandLine::Failure;
        }
        saved.remove(name);
        CommandLine::out(QStringLiteral("deleted “%1”\n").arg(name));
        return CommandLine::Success;
    }
    // Stored only when it parses, leads to no cycle and names only what
    // the project has.
    try {
        const SegmentQuery query = SegmentQueryParser::parse(args[3], saved.lookup(), name);
        AnalysisRepository(session->database()).check(query);
    } catch (const SegmentQueryError &e) {
        return badQuery(args[3], e);
    }
    const bool replaced = saved.text(name).has_value();
    saved.save(name, args[3]);
    CommandLine::out(
        QStringLiteral("%1 “%2”\n")
            .arg(replaced ? QStringLiteral("replaced") : QStringLiteral("saved"), name));
    return CommandLine::Success;
}

bool AnalysisCommands::needsGuiApplication(int argc, char *argv[])
{
    if (argc < 2 || qstrcmp(argv[1], "report") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        if (QString::fromLocal8Bit(argv[i]).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}
