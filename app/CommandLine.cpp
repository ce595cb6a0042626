#include "CommandLine.h"

#include "AgreementCommands.h"
#include "AnalysisCommands.h"
#include "CopyCommand.h"
#include "ExchangeCommands.h"
#include "ImportProgressBar.h"
#include "MergeCommand.h"
#include "PasswordCommand.h"
#include "SearchCommand.h"
#include "TeamCommand.h"
#include "WebCommands.h"

#include "export/AnnotationExporter.h"
#include "import/ArticleImporter.h"
#include "project/CodebookFile.h"
#include "project/CodebookListing.h"
#include "project/StarterCodebooks.h"
#include "query/QueryResultWriter.h"
#include "query/ReadOnlyQuery.h"
#include "base/ProjectError.h"
#include "store/PostgresLocation.h"
#include "store/SearchIndexer.h"
#include "store/ProjectSession.h"
#include "text/SearchTerms.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <map>
#include <new>

namespace {

struct Subcommand
{
    const char *synopsis;
    const char *summary;
    std::function<int(QCommandLineParser &, const QStringList &)> run;
    std::function<void(QCommandLineParser &)> options = {};
};

// Thrown for bad usage, so every subcommand reports it the same way.
struct UsageError
{
    QString message;
};

qint64 number(const QString &text, const char *what)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        throw UsageError{QStringLiteral("%1 must be a whole number ≥ 0, not “%2”")
                             .arg(QLatin1String(what), text)};
    return value;
}

// --format FORMAT, tsv unless given; `choices` is its help text.
void addFormatOption(QCommandLineParser &parser, const QString &choices)
{
    parser.addOption(
        {QStringLiteral("format"), choices, QStringLiteral("FORMAT"), QStringLiteral("tsv")});
}

// True for --format json, false for tsv; anything else is a usage error.
bool wantsJson(const QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("tsv") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("--format must be tsv or json, not “%1”").arg(format)};
    return format == QLatin1String("json");
}

std::unique_ptr<ProjectSession> openProject(const QString &path,
                                          ProjectSession::OpenMode mode = ProjectSession::OpenMode::OpenExisting)
{
    return ProjectSession::open(path, mode);
}

int runImport(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() < 2)
        throw UsageError{QStringLiteral("import needs a project and at least one file or folder")};
    QString exchange;
    try {
        exchange = ExchangeCommands::importFormat(parser.value(QStringLiteral("format")), args.mid(1));
    } catch (const QString &message) {
        throw UsageError{message};
    }
    if (!exchange.isEmpty())
        return ExchangeCommands::importFiles(args[0], exchange, args.mid(1), parser.value(QStringLiteral("coder")));
    auto store = openProject(args[0], ProjectSession::OpenMode::CreateIfMissing);
    ArticleImporter importer(*store);
    ImportProgressBar bar;
    const auto progress = [&bar](int done, int total) { bar.update(done, total); };
    const auto outcomes = importer.importPaths(args.mid(1), progress);
    // The articles are stored; make them searchable before we return, so a
    // script's next command finds them.
    bar.setLabel("indexing for search");
    SearchIndexer::catchUp(*store, progress);
    bar.clear();
    int counts[3] = {0, 0, 0};
    for (const ImportOutcome &o : outcomes) {
        ++counts[int(o.status)];
        switch (o.status) {
        case ImportOutcome::Status::Imported:
            CommandLine::out(QStringLiteral("%1\t%2\n").arg(o.articleId).arg(o.title));
            break;
        case ImportOutcome::Status::Duplicate:
        case ImportOutcome::Status::Failed:
            CommandLine::err(o.message);
            break;
        }
    }
    if (outcomes.size() > 1)
        CommandLine::err(QStringLiteral("imported %1, %2 already in the project, %3 failed")
                             .arg(counts[int(ImportOutcome::Status::Imported)])
                             .arg(counts[int(ImportOutcome::Status::Duplicate)])
                             .arg(counts[int(ImportOutcome::Status::Failed)]));
    return counts[int(ImportOutcome::Status::Failed)] ? CommandLine::Failure : CommandLine::Success;
}

int runExport(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 2)
        throw UsageError{QStringLiteral("export needs a project and where to write")};
    if (!parser.isSet(QStringLiteral("format")))
        throw UsageError{QStringLiteral("export needs --format")};
    return ExchangeCommands::exportProject(args[0], args[1], parser.value(QStringLiteral("format")),
                                           parser.values(QStringLiteral("coder")),
                                           parser.values(QStringLiteral("code")),
                                           parser.isSet(QStringLiteral("bom")));
}

int runList(QCommandLineParser &, const QStringList &args)
{
    if (args.size() != 1)
        throw UsageError{QStringLiteral("list needs exactly one project")};
    auto store = openProject(args[0]);
    for (const ArticleSummary &a : store->articles().summaries())
        CommandLine::out(QStringLiteral("%1\t%2\t%3\n").arg(a.id).arg(a.title).arg(a.annotationCount));
    return CommandLine::Success;
}

int runShow(QCommandLineParser &, const QStringList &args)
{
    if (args.size() != 2)
        throw UsageError{QStringLiteral("show needs a project and an article id")};
    const qint64 id = number(args[1], "the article id");
    auto store = openProject(args[0]);
    const auto article = store->articles().get(id);
    if (!article) {
        CommandLine::err(QStringLiteral("%1: no article with id %2").arg(args[0]).arg(id));
        return CommandLine::Failure;
    }
    CommandLine::out(article->text);
    return CommandLine::Success;
}

int runAnnotate(QCommandLineParser &parser, const QStringList &args)
{
    // --document codes the whole article: PROJECT ID CODE.
    const bool document = parser.isSet(QStringLiteral("document"));
    if (document && args.size() != 3)
        throw UsageError{QStringLiteral("annotate --document needs PROJECT ID CODE")};
    if (!document && args.size() != 5)
        throw UsageError{QStringLiteral("annotate needs PROJECT ID START END CODE")};
    NewAnnotation n;
    n.articleId = number(args[1], "the article id");
    n.document = document;
    if (!document) {
        n.start = number(args[2], "START");
        n.end = number(args[3], "END");
    }
    const QString code = args.back();
    if (code.trimmed().isEmpty())
        throw UsageError{QStringLiteral("CODE must not be empty")};
    n.coderName = parser.value(QStringLiteral("coder"));
    n.note = parser.value(QStringLiteral("note"));
    auto store = openProject(args[0]);
    if (!store->articles().get(n.articleId)) {
        CommandLine::err(QStringLiteral("%1: no article with id %2").arg(args[0]).arg(n.articleId));
        return CommandLine::Failure;
    }
    // A new code and the annotation are one unit of work: a refused span
    // leaves no code behind.
    UnitOfWork unit(store->database());
    n.codeIds = {store->codebook().ensureCode(code).id};
    const qint64 id = store->annotations().add(n).id;
    unit.commit();
    CommandLine::out(QStringLiteral("%1\n").arg(id));
    return CommandLine::Success;
}

int runAnnotations(QCommandLineParser &parser, const QStringList &args)
{
    if (args.isEmpty() || args.size() > 2)
        throw UsageError{QStringLiteral("annotations needs a project and optionally an article id")};
    const bool json = wantsJson(parser);
    const qint64 id = args.size() == 2 ? number(args[1], "the article id") : 0;
    auto store = openProject(args[0]);
    if (id && !store->articles().get(id)) {
        CommandLine::err(QStringLiteral("%1: no article with id %2").arg(args[0]).arg(id));
        return CommandLine::Failure;
    }
    const QByteArray data = json ? AnnotationExporter::toJson(*store, id) : AnnotationExporter::toTsv(*store, id);
    CommandLine::write(stdout, data);
    return CommandLine::Success;
}

int runQuery(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 2)
        throw UsageError{QStringLiteral("query needs a project and one SQL string")};
    const QString formatName = parser.value(QStringLiteral("format"));
    const auto format = QueryResultWriter::formatFromName(formatName);
    if (!format)
        throw UsageError{QStringLiteral("--format must be tsv, csv or json, not “%1”").arg(formatName)};
    ReadOnlyQuery query(args[0]);
    const QueryResult result = query.run(args[1]);
    if (!result.ok()) {
        CommandLine::err(QStringLiteral("%1: %2").arg(args[0], result.message));
        return CommandLine::Failure;
    }
    const QByteArray data = QueryResultWriter::write(result, *format);
    CommandLine::write(stdout, data);
    return CommandLine::Success;
}

int runSearch(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() < 2)
        throw UsageError{QStringLiteral("search needs a project and a query")};
    const QString query = args.mid(1).join(QLatin1Char(' '));
    if (SearchTerms::parse(query).isEmpty())
        throw UsageError{QStringLiteral("the query “%1” has no word to search for").arg(query)};
    const bool json = wantsJson(parser);
    const qint64 limit = number(parser.value(QStringLiteral("limit")), "--limit");
    if (limit < 1 || limit > 100000)
        throw UsageError{QStringLiteral("--limit must be between 1 and 100000")};
    return SearchCommand::run(args[0], query, int(limit), json);
}

int runTeam(QCommandLineParser &parser, const QStringList &args)
{
    const QString action = args.value(0);
    const QString url = args.value(1);
    if (!url.isEmpty() && !PostgresLocation::isUrl(url))
        throw UsageError{QStringLiteral("team commands need a postgresql:// project, not “%1”")
                             .arg(url)};
    if (action == QLatin1String("init") && args.size() == 2) {
        const QString lead = parser.value(QStringLiteral("lead"));
        if (lead.isEmpty())
            throw UsageError{QStringLiteral("team init needs --lead NAME")};
        return TeamCommand::init(url, lead);
    }
    if (action == QLatin1String("add-coder") && args.size() == 3)
        return TeamCommand::addCoder(url, args[2]);
    if (action == QLatin1String("remove") && args.size() == 3)
        return TeamCommand::remove(url, args[2]);
    if (action == QLatin1String("list") && args.size() == 2)
        return TeamCommand::list(url);
    throw UsageError{QStringLiteral("team needs one of: init URL --lead NAME, add-coder URL NAME, "
                                    "remove URL NAME, list URL")};
}

int runCodebook(QCommandLineParser &, const QStringList &args)
{
    const QString action = args.value(1);
    const QStringList names = StarterCodebooks::names();
    if (action == QLatin1String("list") && args.size() == 2) {
        CommandLine::out(CodebookListing::text(*openProject(args[0])));
        return CommandLine::Success;
    }
    if (args.size() != 3 || !QStringList({QStringLiteral("add"), QStringLiteral("export"),
                                          QStringLiteral("import")}).contains(action))
        throw UsageError{QStringLiteral("codebook needs PROJECT and one of: list, add NAME, export "
                                        "FILE, import FILE")};
    if (action == QLatin1String("add") && !names.contains(args[2]))
        throw UsageError{QStringLiteral("no starter codebook “%1”; choose %2")
                             .arg(args[2], names.join(QStringLiteral(", ")))};
    auto store = openProject(args[0]);
    if (action == QLatin1String("export")) {
        QSaveFile file(args[2]);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(CodebookFile::exportJson(*store, QFileInfo(args[0]).completeBaseName())) < 0
            || !file.commit()) {
            CommandLine::err(QStringLiteral("%1: cannot write (%2)").arg(args[2], file.errorString()));
            return CommandLine::Failure;
        }
        return CommandLine::Success;
    }
    QByteArray json;
    if (action == QLatin1String("add")) {
        json = StarterCodebooks::json(args[2]);
    } else {
        QFile file(args[2]);
        if (!file.open(QIODevice::ReadOnly)) {
            CommandLine::err(QStringLiteral("%1: cannot read (%2)").arg(args[2], file.errorString()));
            return CommandLine::Failure;
        }
        json = file.readAll();
    }
    const auto r = CodebookFile::merge(*store, json, args[2]);
    CommandLine::out(QStringLiteral("added %1 codes and %2 categories; %3 already there were kept\n")
                         .arg(r.codesAdded)
                         .arg(r.categoriesAdded)
                         .arg(r.codesKept));
    return CommandLine::Success;
}

int runExtract(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 1)
        throw UsageError{QStringLiteral("extract needs one HTML file (.html, .html.gz) or URL")};
    return WebCommands::extract(args[0], parser.isSet(QStringLiteral("json")));
}

int runFeed(QCommandLineParser &parser, const QStringList &args)
{
    const QString action = args.value(1);
    if (action == QLatin1String("add") && args.size() == 3)
        return WebCommands::feedAdd(args[0], args[2], parser.value(QStringLiteral("folder")));
    if (action == QLatin1String("list") && args.size() == 2)
        return WebCommands::feedList(args[0]);
    if (action == QLatin1String("refresh") && args.size() == 2)
        return WebCommands::feedRefresh(args[0]);
    throw UsageError{QStringLiteral("feed needs PROJECT and one of: add URL, list, refresh")};
}

QString sqliteVersion()
{
    const QString name = QStringLiteral("framewise-version-probe");
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                version = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

int runVersion(QCommandLineParser &, const QStringList &)
{
    CommandLine::out(QStringLiteral("framewise %1 (Qt %2, SQLite %3)\n")
                         .arg(QStringLiteral(FRAMEWISE_VERSION), QString::fromLatin1(qVersion()),
                              sqliteVersion()));
    return CommandLine::Success;
}

const std::map<QString, Subcommand> &subcommands()
{
    static const std::map<QString, Subcommand> map = {
        {QStringLiteral("import"),
         {"import PROJECT PATH... [--format auto|articles|ptc|csv|jsonl|w3c|qdpx|qdc] [--coder NAME]",
          "Import files, folders (txt, md, html, and .gz of them) or web pages (http/https URLs); creates PROJECT if missing. Prints ID<TAB>TITLE "
          "per imported article; duplicates and refused files are reported on stderr. The new "
          "articles are indexed for full-text search before it returns. Exchange formats (a "
          "SemEval PTC folder or .labels file, coded segments as .csv or .jsonl, W3C Web Annotation .jsonld, REFI-QDA .qdpx and .qdc) are recognised "
          "or named with --format; their import is all or nothing, a second import of the same "
          "files adds nothing, and a report of what was added, kept, skipped and converted is printed.",
          runImport,
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("format"),
                           QStringLiteral("auto (default), articles, ptc, csv, jsonl, w3c, qdpx or qdc."),
                           QStringLiteral("FORMAT"), QStringLiteral("auto")});
              p.addOption({QStringLiteral("coder"),
                           QStringLiteral("Coder of imported annotations (default: the file's, else yours)."),
                           QStringLiteral("NAME")});
          }}},
        {QStringLiteral("export"),
         {"export PROJECT OUT --format ptc|csv|jsonl|w3c|qdpx|qdc [--coder NAME]... [--code NAME]... [--bom]",
          "Export the project: ptc writes a folder (article<ID>.txt, task2-TC.labels, "
          "task1-SI.labels; offsets in code points of the written files, an imported corpus comes "
          "back exactly); csv and jsonl write coded segments, one row per annotation; w3c writes a "
          "Web Annotation collection (JSON-LD); qdpx a REFI-QDA project, qdc its codebook; offsets in code points of the stored text. Prints a report.",
          runExport,
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("format"), QStringLiteral("ptc, csv, jsonl, w3c, qdpx or qdc."),
                           QStringLiteral("FORMAT")});
              p.addOption({QStringLiteral("coder"), QStringLiteral("Only this coder's annotations (repeatable)."),
                           QStringLiteral("NAME")});
              p.addOption({QStringLiteral("code"), QStringLiteral("Only annotations with this code (repeatable)."),
                           QStringLiteral("NAME")});
              p.addOption({QStringLiteral("bom"), QStringLiteral("Begin a CSV with a BOM (for spreadsheets).")});
          }}},
        {QStringLiteral("list"),
         {"list PROJECT", "List articles as ID<TAB>TITLE<TAB>ANNOTATIONS.", runList}},
        {QStringLiteral("show"),
         {"show PROJECT ID", "Print the stored text of an article, exactly.", runShow}},
        {QStringLiteral("annotate"),
         {"annotate PROJECT ID START END CODE [--coder NAME] [--note TEXT] | annotate PROJECT ID CODE --document",
          "Annotate a span, or with --document the whole article. START and END are Unicode code "
          "point offsets into the stored text (END exclusive). CODE is a code name, created in "
          "category Custom if new. Prints the annotation id.",
          runAnnotate,
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("coder"), QStringLiteral("Coder name (default: your user name)."),
                           QStringLiteral("NAME")});
              p.addOption({QStringLiteral("note"), QStringLiteral("A note on the annotation."),
                           QStringLiteral("TEXT")});
              p.addOption({QStringLiteral("document"),
                           QStringLiteral("Code the whole article (no START and END).")});
          }}},
        {QStringLiteral("agreement"),
         {AgreementCommands::agreementSynopsis, AgreementCommands::agreementSummary,
          AgreementCommands::agreement, AgreementCommands::addAgreementOptions}},
        {QStringLiteral("merge"), {MergeCommand::synopsis, MergeCommand::summary, MergeCommand::run}},
        {QStringLiteral("copy"), {CopyCommand::synopsis, CopyCommand::summary, CopyCommand::run}},
        {QStringLiteral("password"),
         {PasswordCommand::synopsis, PasswordCommand::summary, PasswordCommand::run}},
        {QStringLiteral("compare"),
         {AgreementCommands::compareSynopsis, AgreementCommands::compareSummary,
          AgreementCommands::compare, AgreementCommands::addCompareOptions}},
        {QStringLiteral("annotations"),
         {"annotations PROJECT [ID] [--format tsv|json]",
          "Print annotations (all, or of one article): article id, annotation id, start, end, "
          "quote, codes, coder, note. Offsets are Unicode code points.",
          runAnnotations,
          [](QCommandLineParser &p) {
              addFormatOption(p, QStringLiteral("tsv (default) or json."));
          }}},
        {QStringLiteral("query"),
         {"query PROJECT SQL [--format tsv|csv|json]",
          "Run a read-only SQL query over the project and print its rows with a header line. "
          "Statements that would change the project (INSERT, UPDATE, DELETE, DROP, CREATE, ATTACH, "
          "writing PRAGMAs...) are refused and nothing runs. Offsets (start, end) are Unicode code "
          "points. See docs/queries.md for the views.",
          runQuery,
          [](QCommandLineParser &p) {
              addFormatOption(p, QStringLiteral("tsv (default), csv or json."));
          }}},
        {QStringLiteral("search"),
         {"search PROJECT QUERY... [--limit N] [--format tsv|json]",
          "Full-text search over titles and texts, best matches first. Every word must occur (any "
          "case, with or without accents); end a word with * to match its beginning. Prints "
          "ID<TAB>TITLE<TAB>SNIPPET per article (tabs, newlines and backslashes escaped as \\t, "
          "\\n and \\\\), or with --format json a list of {\"id\", \"title\", \"snippet\"}; in "
          "snippets the matched words are between « and ». No match prints nothing (JSON: []) and "
          "exits 0. Articles imported moments ago may not be indexed yet: a note on stderr says "
          "how many were not searched.",
          runSearch,
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("limit"), QStringLiteral("At most N articles (default 100)."),
                           QStringLiteral("N"), QString::number(SearchCommand::defaultLimit)});
              addFormatOption(p, QStringLiteral("tsv (default) or json."));
          }}},
        {QStringLiteral("codebook"),
         {"codebook PROJECT list | add general|media-frames|propaganda-techniques | export FILE | import FILE",
          "List the codebook as a tree (CODE<TAB>SHORTCUT<TAB>ANNOTATIONS under each category), add a "
          "starter codebook, or export and import a codebook as JSON. Adding and importing merge by "
          "name: codes already in the project are kept, never duplicated.",
          runCodebook}},
        {QStringLiteral("extract"),
         {"extract FILE.html|FILE.html.gz|URL [--json]",
          "Print the main text of a news page; with --json an object with articleBody, title, "
          "author, published and url. Nothing is stored.",
          runExtract,
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON with the metadata.")});
          }}},
        {QStringLiteral("feed"),
         {"feed PROJECT add URL [--folder NAME] | list | refresh",
          "Subscribe to an RSS or Atom feed (or a site that announces one), list the feeds as "
          "ID<TAB>FOLDER<TAB>TITLE<TAB>URL<TAB>UNREAD<TAB>STATUS, or refresh them all.",
          runFeed,
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("folder"), QStringLiteral("Put a new feed in this folder."),
                           QStringLiteral("NAME")});
          }}},
        {QStringLiteral("segments"),
         {"segments PROJECT QUERY [--format tsv|csv|json] [--limit N]",
          "Retrieve coded segments by query: codes by name or Category:Name (an actor category "
          "also takes actor names), AND, OR, NOT, parentheses, span relations OVERLAPS, WITHIN, "
          "CONTAINS, FOLLOWED-BY [N], SAME-SENTENCE, SAME-PARAGRAPH, SAME-ARTICLE, and filters "
          "coder:, outlet:, date:, from:, to:, actor:, speaker:, target:, stance:, kind:, status:, "
          "memo:, text:, article:, category:, code:, and set:NAME for a saved query (see queries). "
          "Prints one row per segment with a header: "
          "annotation, article, start, end (Unicode code points), codes, coder, outlet, published, "
          "actor, quote, before, after, note.",
          AnalysisCommands::segments, AnalysisCommands::segmentsOptions}},
        {QStringLiteral("stats"),
         {"stats PROJECT [--by outlet|month|week|day|coder|article|actor] [--query QUERY] [--format tsv|csv|json]",
          "Code frequencies: segments, articles and coded characters per code, or per code and "
          "outlet, month, ISO week (2025-W19), day, coder, article or actor, with the share of the column's articles "
          "(an outlet's or period's articles; the coded ones for coders, articles and actors) and of "
          "its segments.",
          AnalysisCommands::stats, AnalysisCommands::statsOptions}},
        {QStringLiteral("cooccurrence"),
         {"cooccurrence PROJECT [--by overlap|sentence|paragraph|article] [--query QUERY] [--format tsv|csv|json]",
          "Pairs of codes found together in the same paragraph (default), sentence or article, or "
          "on overlapping segments: units with both, with each, all units, Jaccard and lift.",
          AnalysisCommands::cooccurrence, AnalysisCommands::cooccurrenceOptions}},
        {QStringLiteral("network"),
         {"network PROJECT OUT.graphml|OUT.gexf|OUT.dot",
          "Write the actor network: actors as nodes, claims as edges from speaker to target "
          "coloured by stance, and co-mention (named in the same article) edges.",
          AnalysisCommands::network}},
        {QStringLiteral("report"),
         {"report PROJECT OUT.html|OUT.pdf [--query QUERY]",
          "Write a self-contained report: codebook, frequencies with a chart, matrices by month "
          "and outlet, co-occurrence, actors and claims, inter-coder agreement per code (when two "
          "coders coded the same article), example segments.",
          AnalysisCommands::report, AnalysisCommands::reportOptions}},
        {QStringLiteral("queries"),
         {"queries PROJECT list | save NAME QUERY | delete NAME",
          "Keep retrieval queries in the project by name: list prints NAME<TAB>QUERY per saved "
          "query, save adds or replaces one (refused, exit 2, when the query cannot be parsed, "
          "names what the project lacks or leads back to itself through set:), delete removes one. "
          "In any query, set:NAME stands for the saved query NAME.",
          AnalysisCommands::queries}},
        {QStringLiteral("team"),
         {"team init URL --lead NAME | add-coder URL NAME | remove URL NAME | list URL",
          "Set up a PostgreSQL project (postgresql://...) for a team, enforced by the server: init "
          "makes NAME its lead (and an empty database a project), add-coder adds a coder; each "
          "member is a login role of that name (created without a password if missing). A coder "
          "writes only their own annotations, claims and memos and, while blind coding is on, "
          "reads no one else's. remove takes a member off the team (what they coded stays; the only "
          "lead cannot be removed). list prints ROLE<TAB>NAME per member, leads first. Run as the "
          "database's owner with CREATEROLE (or a superuser). An upgrade of a team project "
          "extends the rights to the tables it adds.",
          runTeam,
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("lead"), QStringLiteral("The lead's name (init)."),
                           QStringLiteral("NAME")});
          }}},
        {QStringLiteral("version"), {"version", "Print the version of Framewise, Qt and SQLite.", runVersion}},
    };
    return map;
}

QString globalHelp()
{
    QString text = QStringLiteral(
        "Framewise %1: read news and code claims, actors and frames by hand.\n\n"
        "Usage:\n"
        "  framewise [PROJECT] [--screenshot FILE] [--article ID] [--theme light|dark]\n"
        "            [--panel segments|matrix|network]\n"
        "                                                           start the GUI\n")
                       .arg(QStringLiteral(FRAMEWISE_VERSION));
    for (const auto &[name, sub] : subcommands())
        text += QStringLiteral("  framewise %1\n").arg(QLatin1String(sub.synopsis));
    text += QStringLiteral(
        "\nWith no PROJECT the GUI opens the default project in your data folder.\n"
        "Run `framewise SUBCOMMAND --help` for details. Exit codes: 0 ok, 1 failure, 2 bad usage.\n");
    return text;
}

} // namespace

void CommandLine::write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

void CommandLine::out(const QString &text)
{
    write(stdout, text.toUtf8());
}

void CommandLine::err(const QString &message)
{
    write(stderr, (QStringLiteral("framewise: ") + message + QLatin1Char('\n')).toUtf8());
}

bool CommandLine::isSubcommand(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    static const QStringList globals = {QStringLiteral("help"), QStringLiteral("--help"),
                                        QStringLiteral("-h"), QStringLiteral("--version"),
                                        QStringLiteral("-v")};
    return globals.contains(first) || subcommands().count(first) > 0;
}

int CommandLine::run(const QStringList &arguments)
{
    const QString name = arguments.value(1);
    if (name == QLatin1String("help") || name == QLatin1String("--help") || name == QLatin1String("-h")) {
        out(globalHelp());
        return Success;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        QCommandLineParser unused;
        return runVersion(unused, {});
    }
    const auto it = subcommands().find(name);
    if (it == subcommands().end()) {
        err(QStringLiteral("unknown subcommand “%1”; see framewise --help").arg(name));
        return Usage;
    }
    const Subcommand &sub = it->second;
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(sub.summary));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (sub.options)
        sub.options(parser);
    QStringList args = arguments;
    args.removeAt(1); // the subcommand's name
    if (!parser.parse(args)) {
        err(parser.errorText());
        return Usage;
    }
    if (parser.isSet(help)) {
        out(QStringLiteral("Usage: framewise %1\n\n%2\n%3")
                .arg(QLatin1String(sub.synopsis), QString::fromUtf8(sub.summary),
                     parser.helpText().section(QLatin1Char('\n'), 2)));
        return Success;
    }
    try {
        return sub.run(parser, parser.positionalArguments());
    } catch (const UsageError &e) {
        err(e.message + QStringLiteral("\nusage: framewise ") + QLatin1String(sub.synopsis));
        return Usage;
    } catch (const ProjectError &e) {
        err(e.message());
        return Failure;
    } catch (const std::bad_alloc &) {
        // Importing and extracting report this per file; anything else that
        // runs out of memory still ends with a message, not an abort.
        err(QStringLiteral("framewise %1: not enough memory").arg(name));
        return Failure;
    }
}
