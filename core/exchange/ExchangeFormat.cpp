#include "ExchangeFormat.h"

#include "PtcExporter.h"
#include "PtcImporter.h"
#include "RefiQda.h"
#include "SegmentTable.h"
#include "WebAnnotations.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QSaveFile>

namespace {
void save(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw ProjectError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
}
} // namespace

QStringList ExchangeFormat::exportNames()
{
    return {QStringLiteral("ptc"), QStringLiteral("csv"), QStringLiteral("jsonl"),
            QStringLiteral("w3c")};
}

QStringList ExchangeFormat::importNames()
{
    return {QStringLiteral("ptc"), QStringLiteral("csv"), QStringLiteral("jsonl"),
            QStringLiteral("w3c")};
}

std::optional<ExchangeFormat::Format> ExchangeFormat::fromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("ptc"))
        return Format::Ptc;
    if (n == QLatin1String("csv"))
        return Format::Csv;
    if (n == QLatin1String("jsonl"))
        return Format::JsonLines;
    if (n == QLatin1String("w3c"))
        return Format::W3c;
    if (n == QLatin1String("qdpx"))
        return Format::Qdpx;
    if (n == QLatin1String("qdc"))
        return Format::Qdc;
    return std::nullopt;
}

QString ExchangeFormat::name(Format format)
{
    switch (format) {
    case Format::Ptc:
        return QStringLiteral("ptc");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::JsonLines:
        return QStringLiteral("jsonl");
    case Format::W3c:
        return QStringLiteral("w3c");
    case Format::Qdpx:
        return QStringLiteral("qdpx");
    case Format::Qdc:
        return QStringLiteral("qdc");
    }
    return {};
}

QString ExchangeFormat::title(Format format)
{
    switch (format) {
    case Format::Ptc:
        return QStringLiteral("SemEval-2020 Task 11 propaganda corpus (folder)");
    case Format::Csv:
        return QStringLiteral("Coded segments, CSV (*.csv)");
    case Format::JsonLines:
        return QStringLiteral("Coded segments, JSON Lines (*.jsonl)");
    case Format::W3c:
        return QStringLiteral("W3C Web Annotation JSON-LD (*.jsonld)");
    case Format::Qdpx:
        return QStringLiteral("REFI-QDA project (*.qdpx)");
    case Format::Qdc:
        return QStringLiteral("REFI-QDA codebook (*.qdc)");
    }
    return {};
}

QString ExchangeFormat::unit(Format format)
{
    switch (format) {
    case Format::Ptc:
        return QStringLiteral(
            "code points of the original files (a BOM and both characters of CRLF count)");
    case Format::Csv:
    case Format::JsonLines:
    case Format::W3c:
    case Format::Qdpx:
        return QStringLiteral("code points of the stored text");
    case Format::Qdc:
        return QStringLiteral("none (codes only)");
    }
    return {};
}

bool ExchangeFormat::writesFolder(Format format)
{
    return format == Format::Ptc;
}

std::optional<ExchangeFormat::Format> ExchangeFormat::detect(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (info.isDir()) {
        QDirIterator it(path, {QStringLiteral("*.labels")}, QDir::Files,
                        QDirIterator::Subdirectories);
        if (it.hasNext())
            return Format::Ptc;
        return std::nullopt;
    }
    if (suffix == QLatin1String("labels"))
        return Format::Ptc;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return Format::JsonLines;
    if (suffix == QLatin1String("qdpx"))
        return Format::Qdpx;
    if (suffix == QLatin1String("qdc"))
        return Format::Qdc;
    if ((suffix == QLatin1String("jsonld") || suffix == QLatin1String("json"))
        && WebAnnotations::recognises(path))
        return Format::W3c;
    return std::nullopt;
}

ExchangeReport ExchangeFormat::importPaths(ProjectSession &session, Format format,
                                           const QStringList &paths, const ExchangeOptions &options)
{
    switch (format) {
    case Format::Ptc:
        return PtcImporter::run(session, paths, options);
    case Format::Csv:
    case Format::JsonLines:
    case Format::W3c:
    case Format::Qdpx:
    case Format::Qdc: {
        // Several files, one unit of work: all of them or none.
        UnitOfWork work(session.database());
        ExchangeReport total;
        for (const QString &p : paths) {
            const ExchangeReport r = format == Format::W3c
                ? WebAnnotations::importFile(session, p, options)
                : SegmentTable::importFile(session, p, options);
            if (r.cancelled)
                return r;
            total.format = r.format;
            total.sourcesAdded += r.sourcesAdded;
            total.sourcesKept += r.sourcesKept;
            total.codesAdded += r.codesAdded;
            total.annotationsAdded += r.annotationsAdded;
            total.annotationsKept += r.annotationsKept;
            total.skipped += r.skipped;
            total.conversions += r.conversions;
        }
        work.commit();
        return total;
    }
    }
    return {};
}

ExchangeReport ExchangeFormat::exportTo(const ProjectSession &session, Format format,
                                        const QString &out, const ExchangeOptions &options)
{
    ExchangeReport report;
    switch (format) {
    case Format::Ptc:
        return PtcExporter::run(session, out, options);
    case Format::Csv:
        save(out, SegmentTable::toCsv(session, options, report));
        break;
    case Format::JsonLines:
        save(out, SegmentTable::toJsonLines(session, options, report));
        break;
    case Format::W3c:
        save(out, WebAnnotations::toJson(session, options, report));
        break;
    case Format::Qdpx:
        return RefiQda::exportProject(session, out, options);
    case Format::Qdc:
        report.format = QStringLiteral("qdc");
        save(out, RefiQda::codebook(session));
        break;
    }
    report.files << out;
    return report;
}
