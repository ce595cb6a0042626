#include "AgreementCommands.h"

#include "CommandLine.h"
#include "agreement/CodingAgreement.h"
#include "agreement/ReliabilityTable.h"
#include "base/DelimitedText.h"
#include "base/ProjectError.h"
#include "reliability/GoldComparison.h"
#include "reliability/GoldReport.h"
#include "reliability/ProjectAgreement.h"
#include "store/ProjectSession.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
int usage(const QString &message, const char *synopsis)
{
    CommandLine::err(message + QStringLiteral("\nusage: framewise ") + QLatin1String(synopsis));
    return CommandLine::Usage;
}

// Figures to three decimals in TSV (reliability is reported so), full
// precision in JSON.
QString figure(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : QString();
}

QJsonValue json(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// unitName: what a unit is when not AgreementRow::unit (a table's rows).
void print(const QList<AgreementRow> &rows, bool asJson, const QString &unitName = {})
{
    const auto unitOf = [&](const AgreementRow &r) {
        return unitName.isEmpty() ? AgreementUnits::name(r.unit) : unitName;
    };
    if (asJson) {
        QJsonArray list;
        for (const AgreementRow &r : rows) {
            QJsonObject o {{QStringLiteral("measure"), AgreementMeasures::name(r.measure)},
                           {QStringLiteral("unit"), unitOf(r)},
                           {QStringLiteral("code"), r.code},
                           {QStringLiteral("coders"), QJsonArray::fromStringList(r.coders)},
                           {QStringLiteral("units"), r.result.units},
                           {QStringLiteral("value"), json(r.result.value)},
                           {QStringLiteral("ci_low"), json(r.result.ciLow)},
                           {QStringLiteral("ci_high"), json(r.result.ciHigh)}};
            if (!r.result.reason.isEmpty())
                o.insert(QStringLiteral("note"), r.result.reason);
            list.append(o);
        }
        CommandLine::write(stdout, QJsonDocument(list).toJson(QJsonDocument::Indented));
        return;
    }
    QString text
        = QStringLiteral("measure\tunit\tcode\tcoders\tunits\tvalue\tci_low\tci_high\tnote\n");
    for (const AgreementRow &r : rows)
        text += QStringList {AgreementMeasures::name(r.measure),
                             unitOf(r),
                             DelimitedText::tsvField(r.code),
                             DelimitedText::tsvField(r.coders.join(QLatin1Char(','))),
                             QString::number(r.result.units),
                             figure(r.result.value),
                             figure(r.result.ciLow),
                             figure(r.result.ciHigh),
                             DelimitedText::tsvField(r.result.reason)}
                    .join(QLatin1Char('\t'))
            + QLatin1Char('\n');
    CommandLine::out(text);
}
} // namespace

void AgreementCommands::addAgreementOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("coders"),
                 QStringLiteral("Comma-separated coder names (default: all who annotated)."),
                 QStringLiteral("A,B")});
    p.addOption({QStringLiteral("code"),
                 QStringLiteral("A code to measure (repeatable; default: every code used)."),
                 QStringLiteral("NAME")});
    p.addOption(
        {QStringLiteral("category"),
         QStringLiteral("A category: its codes, any of them, and the category as one variable."),
         QStringLiteral("NAME")});
    p.addOption({QStringLiteral("unit"),
                 QStringLiteral("document (default), paragraph, sentence or span."),
                 QStringLiteral("UNIT"), QStringLiteral("document")});
    p.addOption({QStringLiteral("measure"),
                 QStringLiteral("A measure (repeatable): %1.")
                     .arg(AgreementMeasures::names().join(QStringLiteral(", "))),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("bootstrap"),
                 QStringLiteral("Bootstrap replicates for 95% intervals (default 0: none)."),
                 QStringLiteral("N"), QStringLiteral("0")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the bootstrap (default 1)."),
                 QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("table"),
                 QStringLiteral("Read a units-by-coders TSV table instead of a project."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("format"), QStringLiteral("tsv (default) or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("tsv")});
}

int AgreementCommands::agreement(QCommandLineParser &parser, const QStringList &args)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("tsv") && format != QLatin1String("json"))
        return usage(QStringLiteral("--format must be tsv or json, not “%1”").arg(format),
                     agreementSynopsis);
    const bool asJson = format == QLatin1String("json");
    AgreementRequest request;
    for (const QString &name : parser.values(QStringLiteral("measure"))) {
        for (const QString &part : name.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto m = AgreementMeasures::fromName(part.trimmed());
            if (!m)
                return usage(
                    QStringLiteral("unknown measure “%1”; measures: %2")
                        .arg(part.trimmed(), AgreementMeasures::names().join(QStringLiteral(", "))),
                    agreementSynopsis);
            request.measures.append(*m);
        }
    }
    const auto unit = AgreementUnits::fromName(parser.value(QStringLiteral("unit")));
    if (!unit)
        return usage(
            QStringLiteral("--unit must be document, paragraph, sentence or span, not “%1”")
                .arg(parser.value(QStringLiteral("unit"))),
            agreementSynopsis);
    request.unit = *unit;
    bool ok = false;
    request.options.bootstrap = parser.value(QStringLiteral("bootstrap")).toInt(&ok);
    if (!ok || request.options.bootstrap < 0 || request.options.bootstrap > 1000000)
        return usage(
            QStringLiteral("--bootstrap must be a whole number from 0 to 1000000, not “%1”")
                .arg(parser.value(QStringLiteral("bootstrap"))),
            agreementSynopsis);
    request.options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("--seed must be a whole number ≥ 0, not “%1”")
                         .arg(parser.value(QStringLiteral("seed"))),
                     agreementSynopsis);

    if (parser.isSet(QStringLiteral("table"))) {
        if (!args.isEmpty())
            return usage(
                QStringLiteral("--table reads a table, not a project: drop “%1”").arg(args.front()),
                agreementSynopsis);
        if (request.measures.isEmpty())
            return usage(QStringLiteral("--table needs at least one --measure"), agreementSynopsis);
        if (request.measures.contains(AgreementMeasure::AlphaU))
            return usage(QStringLiteral("alpha-u needs spans; a table holds units"),
                         agreementSynopsis);
        const QString path = parser.value(QStringLiteral("table"));
        const ReliabilityData data = ReliabilityTable::read(path);
        const QList<AgreementResult> results
            = CodingAgreement(data).compute(request.measures, request.options);
        QList<AgreementRow> rows;
        for (qsizetype i = 0; i < results.size(); ++i) {
            AgreementRow row;
            row.measure = request.measures[i];
            row.code = QString();
            row.coders = data.coders;
            row.result = results[i];
            rows.append(row);
        }
        print(rows, asJson, QStringLiteral("row"));
        return CommandLine::Success;
    }

    if (args.size() != 1)
        return usage(QStringLiteral("agreement needs one PROJECT (or --table FILE)"),
                     agreementSynopsis);
    for (const QString &c :
         parser.value(QStringLiteral("coders")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        request.coders.append(c.trimmed());
    if (parser.isSet(QStringLiteral("coders")) && request.coders.size() < 2)
        return usage(QStringLiteral("--coders needs at least two names, separated by commas"),
                     agreementSynopsis);
    request.codes = parser.values(QStringLiteral("code"));
    request.category = parser.value(QStringLiteral("category"));
    auto store = ProjectSession::open(args[0]);
    const ProjectAgreement agreement(*store, args[0]);
    print(agreement.run(request), asJson);
    return CommandLine::Success;
}

void AgreementCommands::addCompareOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("gold"), QStringLiteral("The gold-standard coder."),
                 QStringLiteral("CODER")});
    p.addOption(
        {QStringLiteral("coder"), QStringLiteral("The coder to score."), QStringLiteral("CODER")});
    p.addOption({QStringLiteral("format"), QStringLiteral("tsv (default) or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("tsv")});
}

int AgreementCommands::compare(QCommandLineParser &parser, const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("compare needs one PROJECT"), compareSynopsis);
    if (!parser.isSet(QStringLiteral("gold")) || !parser.isSet(QStringLiteral("coder")))
        return usage(QStringLiteral("compare needs --gold CODER and --coder CODER"),
                     compareSynopsis);
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("tsv") && format != QLatin1String("json"))
        return usage(QStringLiteral("--format must be tsv or json, not “%1”").arg(format),
                     compareSynopsis);
    auto store = ProjectSession::open(args[0]);
    const QString gold = parser.value(QStringLiteral("gold")),
                  coder = parser.value(QStringLiteral("coder"));
    const QList<GoldComparison::Row> rows = GoldComparison::compare(*store, args[0], gold, coder);
    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const GoldComparison::Row &r : rows) {
            QJsonObject o {{QStringLiteral("code"), r.code},
                           {QStringLiteral("gold"), gold},
                           {QStringLiteral("coder"), coder},
                           {QStringLiteral("gold_spans"), r.partial.goldSpans},
                           {QStringLiteral("coder_spans"), r.partial.coderSpans},
                           {QStringLiteral("precision"), json(r.partial.precision)},
                           {QStringLiteral("recall"), json(r.partial.recall)},
                           {QStringLiteral("f1"), json(r.partial.f1)},
                           {QStringLiteral("exact_precision"), json(r.exact.precision)},
                           {QStringLiteral("exact_recall"), json(r.exact.recall)},
                           {QStringLiteral("exact_f1"), json(r.exact.f1)}};
            if (!r.partial.reason.isEmpty())
                o.insert(QStringLiteral("note"), r.partial.reason);
            list.append(o);
        }
        CommandLine::write(stdout, QJsonDocument(list).toJson(QJsonDocument::Indented));
        return CommandLine::Success;
    }
    QString text = QStringLiteral("code\tgold_spans\tcoder_spans\tprecision\trecall\tf1\texact_"
                                  "precision\texact_recall\texact_f1\tnote\n");
    for (const GoldComparison::Row &r : rows)
        text += (QStringList {DelimitedText::tsvField(r.code)} + GoldReport::scoreFields(r)
                 + QStringList {DelimitedText::tsvField(r.partial.reason)})
                    .join(QLatin1Char('\t'))
            + QLatin1Char('\n');
    CommandLine::out(text);
    return CommandLine::Success;
}
