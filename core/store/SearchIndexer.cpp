#include "SearchIndexer.h"

#include "base/ProjectError.h"
#include "ArticleRepository.h"
#include "ProjectSession.h"

#include <QElapsedTimer>

int SearchIndexer::catchUp(ProjectSession &session, const Progress &progress, const Stop &stop)
{
    int indexed = 0;
    int chunk = firstChunk;
    int waiting = session.articles().unindexedCount();
    while (waiting > 0 && !(stop && stop())) {
        QElapsedTimer timer;
        timer.start();
        const int n = session.articles().indexPending(chunk);
        if (n == 0)
            break;
        // Long articles take longer per piece: aim the next chunk at the
        // time budget from how this one went.
        const double ms = qMax<double>(0.5, double(timer.nsecsElapsed()) / 1e6);
        chunk = qBound(5, int(n * chunkMilliseconds / ms), 2000);
        session.database().checkpointPassively();
        indexed += n;
        waiting = session.articles().unindexedCount();
        if (progress)
            progress(indexed, indexed + waiting);
    }
    return indexed;
}

SearchIndexer::SearchIndexer(QString projectPath, QObject *parent)
    : QThread(parent)
    , m_projectPath(std::move(projectPath))
{
}

SearchIndexer::~SearchIndexer()
{
    requestInterruption();
    wait();
}

void SearchIndexer::run()
{
    try {
        auto session = ProjectSession::open(m_projectPath);
        session->database().setYieldsToOthers(true);
        catchUp(
            *session, [this](int indexed, int total) { Q_EMIT progress(indexed, total); },
            [this] { return isInterruptionRequested(); });
    } catch (const ProjectError &e) {
        Q_EMIT failed(e.message());
    }
}
