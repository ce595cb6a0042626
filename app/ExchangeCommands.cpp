#include "ExchangeCommands.h"

#include "CommandLine.h"
#include "ImportProgressBar.h"
#include "base/ProjectError.h"
#include "exchange/ExchangeFormat.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QFileInfo>

QString ExchangeCommands::importFormat(const QString &requested, const QStringList &paths)
{
    if (requested == QLatin1String("articles"))
        return {};
    if (requested != QLatin1String("auto")) {
        if (!ExchangeFormat::fromName(requested))
            throw QStringLiteral("--format must be auto, articles or one of %1, not “%2”")
                .arg(ExchangeFormat::importNames().join(QStringLiteral(", ")), requested);
        return requested;
    }
    // auto: every path in the same exchange format, or none (plain articles).
    QString found;
    for (const QString &p : paths) {
        const auto f = ExchangeFormat::detect(p);
        const QString name = f ? ExchangeFormat::name(*f) : QString();
        if (&p != &paths.constFirst() && name != found)
            throw QStringLiteral(
                "%1 is %2 but %3 is %4: import them one format at a time, or give --format")
                .arg(paths.constFirst(), found.isEmpty() ? QStringLiteral("articles") : found, p,
                     name.isEmpty() ? QStringLiteral("articles") : name);
        found = name;
    }
    return found;
}

int ExchangeCommands::importFiles(const QString &project, const QString &format,
                                  const QStringList &paths, const QString &coder)
{
    auto store = ProjectSession::open(project, ProjectSession::OpenMode::CreateIfMissing);
    ExchangeOptions options;
    options.coder = coder;
    ImportProgressBar bar;
    options.progress = [&bar](int done, int total) {
        bar.update(done, total);
        return true;
    };
    const ExchangeReport report
        = ExchangeFormat::importPaths(*store, *ExchangeFormat::fromName(format), paths, options);
    bar.setLabel("indexing for search");
    SearchIndexer::catchUp(*store, [&bar](int done, int total) { bar.update(done, total); });
    bar.clear();
    CommandLine::out(report.text());
    return CommandLine::Success;
}

int ExchangeCommands::exportProject(const QString &project, const QString &out,
                                    const QString &format, const QStringList &coders,
                                    const QStringList &codes, bool bom)
{
    const auto f = ExchangeFormat::fromName(format);
    if (!f || !ExchangeFormat::exportNames().contains(format)) {
        CommandLine::err(
            QStringLiteral("--format must be one of %1, not “%2”")
                .arg(ExchangeFormat::exportNames().join(QStringLiteral(", ")), format));
        return CommandLine::Usage;
    }
    auto store = ProjectSession::open(project);
    ExchangeOptions options;
    options.coders = coders;
    options.codes = codes;
    options.byteOrderMark = bom;
    const ExchangeReport report = ExchangeFormat::exportTo(*store, *f, out, options);
    CommandLine::out(report.text() + QStringLiteral("offsets: %1\n").arg(ExchangeFormat::unit(*f)));
    return CommandLine::Success;
}
