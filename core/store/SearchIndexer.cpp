#include "SearchIndexer.h"

#include "base/ProjectError.h"
#include "ArticleRepository.h"
#include "ProjectSession.h"

int SearchIndexer::catchUp(ProjectSession &session, const Progress &progress, const Stop &stop)
{
    int indexed = 0;
    int waiting = session.articles().unindexedCount();
    while (waiting > 0 && !(stop && stop())) {
        const int n = session.articles().indexPending(chunkSize);
        if (n == 0)
            break;
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
        catchUp(
            *session, [this](int indexed, int total) { Q_EMIT progress(indexed, total); },
            [this] { return isInterruptionRequested(); });
    } catch (const ProjectError &e) {
        Q_EMIT failed(e.message());
    }
}
