#include "IndexerMeasurements.h"

#include "BenchContext.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <stdexcept>

namespace {
// Commits at a brisk coder's pace, as many as fit while indexing lasts.
constexpr int kMaxCommits = 200;
constexpr int kPauseMs = 7;
} // namespace

IndexerMeasurements::IndexerMeasurements(BenchContext &context)
    : m_context(context)
{
}

void IndexerMeasurements::run()
{
    Measurement m(QStringLiteral("longest commit wait, indexer running"), QStringLiteral("ms"), 50.0,
                  Measurement::Better::Lower);
    int articles = 0;
    for (int r = 0; r < m_context.repeat; ++r) {
        // A fresh project each run: its articles are stored but not indexed.
        const QString path =
            QDir(m_context.workDir).filePath(QStringLiteral("indexer-wait-%1.framewise").arg(r));
        QFile::remove(path);
        {
            auto store = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
            // 8,000 articles of the corpus (2,000 for --quick); a small
            // corpus is cycled, each copy made distinct.
            const int wanted = qBound(2000, m_context.spec.articles, 8000);
            QList<Article> batch;
            for (int i = 0; i < wanted; ++i) {
                const QString file = m_context.corpusFiles.at(i % m_context.corpusFiles.size());
                QFile f(file);
                if (!f.open(QIODevice::ReadOnly))
                    throw std::runtime_error("cannot read a corpus file");
                Article a;
                a.title = QFileInfo(file).completeBaseName();
                a.text = QString::fromUtf8(f.readAll());
                if (i >= m_context.corpusFiles.size())
                    a.text += QStringLiteral("\n\nCopy %1.").arg(i / m_context.corpusFiles.size());
                a.origin = file;
                batch << a;
            }
            store->articles().addMany(batch);
            articles = int(batch.size());
        }
        m.add(worstWaitDuringOneRun(path, r));
        QFile::remove(path);
    }
    m.setNote(QStringLiteral("one annotation committed every %1 ms while SearchIndexer indexes %2 new "
                             "articles; per run the longest wait for the write lock")
                  .arg(kPauseMs)
                  .arg(articles));
    m_context.report.add(m);
}

double IndexerMeasurements::worstWaitDuringOneRun(const QString &projectPath, int run)
{
    auto store = ProjectSession::open(projectPath);
    const qint64 code = store->codebook().ensureCode(QStringLiteral("Claim")).id;
    const QList<ArticleSummary> library = store->articles().summaries();
    SearchIndexer indexer(projectPath);
    indexer.start();
    double worst = 0;
    int commits = 0;
    while (!indexer.isFinished() && commits < kMaxCommits) {
        NewAnnotation n;
        n.articleId = library.at((run * kMaxCommits + commits) % library.size()).id;
        n.start = 0;
        n.end = 5;
        n.codeIds = {code};
        store->annotations().add(n);
        worst = qMax(worst, store->database().lastLockWait());
        ++commits;
        QThread::msleep(kPauseMs);
    }
    indexer.wait();
    if (commits < 10)
        throw std::runtime_error("indexing ended before ten commits: the measurement says nothing");
    return worst;
}
