#include "ExchangeMeasurements.h"

#include "BenchContext.h"
#include "exchange/PtcExporter.h"
#include "exchange/PtcImporter.h"
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
}
