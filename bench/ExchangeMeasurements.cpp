#include "ExchangeMeasurements.h"

#include "BenchContext.h"
#include "exchange/PtcExporter.h"
#include "exchange/PtcImporter.h"
#include "exchange/RefiQda.h"
#include "exchange/WebAnnotations.h"
#include "store/ProjectSession.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>
#include <stdexcept>

namespace {

QStringList sortedLines(const QByteArray &bytes)
{
    QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error(("cannot read " + path).toStdString());
    return f.readAll();
}

// Every annotation as a line (identity, place, codes, coder), sorted: two
// projects with the same lines hold the same annotations.
QStringList annotationMultiset(ProjectSession &s)
{
    QHash<qint64, QString> articleUuid;
    for (const ArticleSummary &a : s.articles().summaries())
        articleUuid.insert(a.id, s.articles().get(a.id)->uuid);
    QStringList out;
    for (const Annotation &a : s.annotations().all()) {
        QStringList codes;
        for (qint64 c : a.codeIds)
            codes << s.codebook().code(c)->name;
        codes.sort();
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(a.uuid, articleUuid.value(a.articleId))
                   .arg(a.start)
                   .arg(a.end)
                   .arg(codes.join(QLatin1Char('+')), a.coderName);
    }
    out.sort();
    return out;
}

void requireSame(const QStringList &got, const QStringList &expected, const QString &how)
{
    if (got != expected)
        throw std::runtime_error(QStringLiteral("PTC through %1: %2 annotations came back, %3 "
                                                "went out, and they differ")
                                     .arg(how)
                                     .arg(got.size())
                                     .arg(expected.size())
                                     .toStdString());
}

} // namespace

ExchangeMeasurements::ExchangeMeasurements(BenchContext &context)
    : m_context(context)
{
}

void ExchangeMeasurements::run()
{
    const QString dir = qEnvironmentVariable("FRAMEWISE_PTC_DIR");
    const QString articles = dir + QStringLiteral("/train-articles");
    const QString labels = dir + QStringLiteral("/train-labels-task2-technique-classification");
    const bool present = !dir.isEmpty() && QDir(articles).exists() && QDir(labels).exists();
    const QString absent = dir.isEmpty()
        ? QStringLiteral(" (absent: FRAMEWISE_PTC_DIR not set)")
        : QStringLiteral(" (absent: no train-articles and "
                         "train-labels-task2-technique-classification in %1)")
              .arg(dir);
    Measurement importTime(QStringLiteral("import PTC train set, 371 articles, 6129 spans")
                               + (present ? QString() : absent),
                           QStringLiteral("s"), 5, Measurement::Better::Lower);
    Measurement exportTime(QStringLiteral("export PTC train set to PTC")
                               + (present ? QString() : absent),
                           QStringLiteral("s"), 2, Measurement::Better::Lower);
    if (!present) {
        m_context.report.addInfo(
            QStringLiteral("PTC corpus absent%1: its import/export rows were not run").arg(absent));
        m_context.report.add(importTime);
        m_context.report.add(exportTime);
        return;
    }
    QByteArray original;
    QDirIterator it(labels, QDir::Files);
    while (it.hasNext())
        original += bytesOf(it.next());
    const QStringList expected = sortedLines(original);
    const QDir work(m_context.workDir);
    for (int r = 0; r < m_context.repeat; ++r) {
        const QString path = work.filePath(QStringLiteral("ptc-%1.framewise").arg(r));
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        auto session = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
        QElapsedTimer timer;
        timer.start();
        const ExchangeReport in = PtcImporter::run(*session, {articles, labels});
        const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
        importTime.add(importSeconds);
        const QString out = work.filePath(QStringLiteral("ptc-out-%1").arg(r));
        QDir(out).removeRecursively();
        timer.restart();
        const ExchangeReport exported = PtcExporter::run(*session, out);
        const double exportSeconds = double(timer.nsecsElapsed()) / 1e9;
        exportTime.add(exportSeconds);
        const QStringList lines = sortedLines(bytesOf(out + QStringLiteral("/task2-TC.labels")));
        if (lines != expected)
            throw std::runtime_error(
                QStringLiteral("PTC round trip: %1 exported label lines differ from the %2 "
                               "original ones")
                    .arg(lines.size())
                    .arg(expected.size())
                    .toStdString());
        std::fprintf(stderr, "  PTC run %d: %d articles, %d spans in %.2f s, out in %.2f s\n",
                     r + 1, in.sourcesAdded, in.annotationsAdded, importTime.max(),
                     exportTime.max());
        if (r == 0)
            m_context.report.addInfo(
                QStringLiteral("PTC round trip: %1 articles, %2 spans imported; the "
                               "%3 exported label lines equal the originals after sorting")
                    .arg(in.sourcesAdded)
                    .arg(in.annotationsAdded)
                    .arg(lines.size()));
    }
    m_context.report.add(importTime);
    m_context.report.add(exportTime);
    roundTrips(work.filePath(QStringLiteral("ptc-0.framewise")));
}

// The imported PTC set out through REFI-QDA and W3C and back: the same
// annotations, to the character.
void ExchangeMeasurements::roundTrips(const QString &project)
{
    auto session = ProjectSession::open(project, ProjectSession::OpenMode::OpenExisting);
    const QStringList expected = annotationMultiset(*session);
    const QDir work(m_context.workDir);
    QElapsedTimer timer;
    timer.start();
    const QString qdpx = work.filePath(QStringLiteral("ptc.qdpx"));
    RefiQda::exportProject(*session, qdpx);
    const double qdpxOut = double(timer.nsecsElapsed()) / 1e9;
    const QString copy = work.filePath(QStringLiteral("ptc-qdpx.framewise"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(copy + QLatin1String(suffix));
    auto fresh = ProjectSession::open(copy, ProjectSession::OpenMode::CreateIfMissing);
    timer.restart();
    RefiQda::importProject(*fresh, qdpx);
    const double qdpxIn = double(timer.nsecsElapsed()) / 1e9;
    requireSame(annotationMultiset(*fresh), expected, QStringLiteral("REFI-QDA (.qdpx)"));

    // W3C carries no texts: its annotations go back onto the same articles.
    ExchangeReport report;
    timer.restart();
    const QByteArray json = WebAnnotations::toJson(*session, {}, report);
    const double w3cOut = double(timer.nsecsElapsed()) / 1e9;
    const QString w3c = work.filePath(QStringLiteral("ptc.jsonld"));
    QFile file(w3c);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
        throw std::runtime_error(("cannot write " + w3c).toStdString());
    file.close();
    QList<qint64> ids;
    for (const Annotation &a : session->annotations().all())
        ids << a.id;
    session->annotations().removeMany(ids);
    timer.restart();
    WebAnnotations::importFile(*session, w3c);
    const double w3cIn = double(timer.nsecsElapsed()) / 1e9;
    requireSame(annotationMultiset(*session), expected, QStringLiteral("W3C Web Annotation"));
    m_context.report.addInfo(
        QStringLiteral("PTC round trips: %1 annotations out and back identical through "
                       "REFI-QDA (out %2 s, in %3 s) and W3C (out %4 s, in %5 s)")
            .arg(expected.size())
            .arg(qdpxOut, 0, 'f', 2)
            .arg(qdpxIn, 0, 'f', 2)
            .arg(w3cOut, 0, 'f', 2)
            .arg(w3cIn, 0, 'f', 2));
}
