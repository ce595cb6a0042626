#include "PtcExporter.h"

#include "OriginalLayout.h"
#include "PtcTechniques.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <tuple>

namespace {

struct Line
{
    QString id;
    QString label;
    qint64 start = 0, end = 0;
    bool operator<(const Line &o) const
    {
        return std::tie(id, start, end, label) < std::tie(o.id, o.start, o.end, o.label);
    }
};

// Article files are many and small: written plainly (a QSaveFile syncs
// each one to disk, which made the export of 371 articles take seconds).
void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        throw ProjectError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
}

void save(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw ProjectError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
}

} // namespace

ExchangeReport PtcExporter::run(const ProjectSession &session, const QString &folder,
                                const ExchangeOptions &options)
{
    ExchangeReport report;
    report.format = QStringLiteral("ptc");
    if (!QDir().mkpath(folder))
        throw ProjectError(QStringLiteral("%1: cannot create the folder").arg(folder));
    const QDir dir(folder);

    QHash<qint64, Category::Kind> kinds;
    for (const Category &c : session.codebook().categories())
        kinds.insert(c.id, c.kind);
    QHash<qint64, QString> labels; // code id -> technique label
    for (const Code &c : session.codebook().codes()) {
        if (kinds.value(c.categoryId) != Category::Kind::Technique)
            continue;
        if (!options.codes.isEmpty() && !options.codes.contains(c.name, Qt::CaseInsensitive))
            continue;
        labels.insert(c.id,
                      c.name == PtcTechniques::unlabelledCode() ? QString()
                                                                : PtcTechniques::label(c.name));
    }

    const QHash<qint64, ArticleOffsetMap> maps = session.offsetMaps().maps(QStringLiteral("ptc"));
    const QHash<qint64, OriginalSpan> exact = session.offsetMaps().originalSpans();
    QHash<qint64, QList<Annotation>> byArticle;
    for (const Annotation &a : session.annotations().all()) {
        if (!options.coders.isEmpty() && !options.coders.contains(a.coderName))
            continue;
        byArticle[a.articleId] << a;
    }

    QList<Line> tc, si;
    int documentLevel = 0;
    const QList<ArticleSummary> summaries = session.articles().summaries();
    int done = 0;
    for (const ArticleSummary &s : summaries) {
        const auto article = session.articles().get(s.id);
        const auto map = maps.constFind(s.id);
        const QString id = map != maps.constEnd() ? map->externalId : QString::number(s.id);
        const OriginalLayout layout
            = map != maps.constEnd() ? OriginalLayout::fromJson(map->layout) : OriginalLayout();
        write(dir.filePath(QStringLiteral("article%1.txt").arg(id)),
              layout.original(article->text).toUtf8());
        ++report.sourcesWritten;
        QList<Line> spans;
        for (const Annotation &a : byArticle.value(s.id)) {
            qint64 start = layout.toOriginal(a.start), end = layout.toOriginal(a.end);
            const auto e = exact.constFind(a.id);
            if (e != exact.constEnd() && e->storedStart == a.start && e->storedEnd == a.end) {
                start = e->start;
                end = e->end;
            }
            bool any = false;
            for (qint64 code : a.codeIds) {
                const auto label = labels.constFind(code);
                if (label == labels.constEnd())
                    continue;
                if (a.document) {
                    ++documentLevel;
                    continue;
                }
                any = true;
                if (!label->isEmpty()) {
                    tc.append({id, *label, start, end});
                    ++report.annotationsWritten;
                }
            }
            if (any)
                spans.append({id, QString(), start, end});
        }
        // Span identification marks propaganda without overlaps.
        std::sort(spans.begin(), spans.end());
        for (const Line &l : spans) {
            if (!si.isEmpty() && si.constLast().id == id && l.start <= si.constLast().end)
                si.last().end = qMax(si.constLast().end, l.end);
            else
                si.append(l);
        }
        if (!options.report(++done, int(summaries.size()))) {
            report.cancelled = true;
            return report;
        }
    }
    if (documentLevel)
        report.skipped.append(
            {folder, QStringLiteral("%1 codings").arg(documentLevel),
             QStringLiteral("whole-article technique codes have no span in PTC")});
    std::sort(tc.begin(), tc.end());
    QByteArray tcBytes, siBytes;
    for (const Line &l : tc)
        tcBytes += QStringLiteral("%1\t%2\t%3\t%4\n")
                       .arg(l.id, l.label)
                       .arg(l.start)
                       .arg(l.end)
                       .toUtf8();
    for (const Line &l : si)
        siBytes += QStringLiteral("%1\t%2\t%3\n").arg(l.id).arg(l.start).arg(l.end).toUtf8();
    save(dir.filePath(QStringLiteral("task2-TC.labels")), tcBytes);
    save(dir.filePath(QStringLiteral("task1-SI.labels")), siBytes);
    report.files << dir.filePath(QStringLiteral("task2-TC.labels"))
                 << dir.filePath(QStringLiteral("task1-SI.labels"));
    return report;
}
