#include "ImportMeasurements.h"

#include "BenchContext.h"
#include "SqliteShellBaseline.h"
#include "import/ArticleImporter.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace {
void removeProject(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}
} // namespace

ImportMeasurements::ImportMeasurements(BenchContext &context)
    : m_context(context)
{
}

ImportMeasurements::Timing ImportMeasurements::importOnce(const QString &projectPath)
{
    removeProject(projectPath);
    Timing timing;
    QElapsedTimer timer;
    timer.start();
    QList<ImportOutcome> outcomes;
    {
        // As `framewise import PROJECT FOLDER` does: create, import, index
        // for search, close. The import is done when its rows are committed
        // (the app shows them then); indexing is timed on its own.
        auto store = ProjectSession::open(projectPath, ProjectSession::OpenMode::CreateIfMissing);
        outcomes = ArticleImporter(*store).importPaths({m_context.corpusDir});
        timing.import = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        SearchIndexer::catchUp(*store);
    }
    timing.index = double(timer.nsecsElapsed()) / 1e9;
    int imported = 0;
    for (const ImportOutcome &o : outcomes) {
        if (o.status == ImportOutcome::Status::Imported)
            ++imported;
    }
    if (imported != m_context.spec.articles)
        throw std::runtime_error(QStringLiteral("imported %1 of %2 articles (first problem: %3)")
                                     .arg(imported)
                                     .arg(m_context.spec.articles)
                                     .arg(outcomes.isEmpty() ? QString() : outcomes.constFirst().message)
                                     .toStdString());
    return timing;
}

void ImportMeasurements::run()
{
    const int n = m_context.spec.articles;
    Measurement rate(QStringLiteral("import %1 .txt files (framewise import)").arg(n),
                     QStringLiteral("articles/s"), 5000, Measurement::Better::Higher);
    QList<double> ours, indexing;
    const QDir work(m_context.workDir);
    for (int r = 0; r < m_context.repeat; ++r) {
        const QString path = work.filePath(QStringLiteral("import-%1.framewise").arg(r));
        const Timing t = importOnce(path);
        ours << t.import + t.index;
        indexing << t.index;
        rate.add(n / t.import);
        std::fprintf(stderr, "  import run %d: %.2f s, then search index %.2f s\n", r + 1, t.import, t.index);
        if (r > 0)
            removeProject(path);
    }
    m_context.projectPath = work.filePath(QStringLiteral("import-0.framewise"));
    std::sort(indexing.begin(), indexing.end());
    rate.setNote(QStringLiteral("ArticleImporter::importPaths until every article is committed and listed; "
                                "the full-text index is built after it (SearchIndexer, median %1 s), "
                                "counted in the next row")
                     .arg(indexing[indexing.size() / 2], 0, 'f', 2));
    m_context.report.add(rate);

    Measurement ratio(QStringLiteral("import + search index / sqlite3 shell"), QStringLiteral("ratio"), 2.0,
                      Measurement::Better::Lower);
    const QString shell = SqliteShellBaseline::findShell();
    if (shell.isEmpty()) {
        ratio.setNote(QStringLiteral("not run: no sqlite3 shell on PATH"));
        m_context.report.add(ratio);
        return;
    }
    const QString script = work.filePath(QStringLiteral("baseline.sql"));
    SqliteShellBaseline::writeScript(script, m_context.corpusFiles);
    const QString database = work.filePath(QStringLiteral("baseline.sqlite"));
    QList<double> theirs;
    for (int r = 0; r < m_context.repeat; ++r) {
        const double seconds = SqliteShellBaseline::run(shell, script, database);
        theirs << seconds;
        // Pair each of our runs with one of theirs.
        ratio.add(ours[r] / seconds);
        std::fprintf(stderr, "  sqlite3 shell run %d: %.2f s\n", r + 1, seconds);
    }
    std::sort(ours.begin(), ours.end());
    std::sort(theirs.begin(), theirs.end());
    ratio.setNote(QStringLiteral("median import + index %1 s, sqlite3 shell %2 s (%3)")
                      .arg(ours[ours.size() / 2], 0, 'f', 2)
                      .arg(theirs[theirs.size() / 2], 0, 'f', 2)
                      .arg(shell));
    m_context.report.add(ratio);
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(database + QLatin1String(suffix));
    QFile::remove(script);
}
