#include "SearchIndexer.h"

#include "base/ProjectError.h"
#include "ProjectStore.h"

int SearchIndexer::catchUp(ProjectStore &store, const Progress &progress, const Stop &stop)
{
    int indexed = 0;
    int waiting = store.unindexedArticleCount();
    while (waiting > 0 && !(stop && stop())) {
        const int n = store.indexPendingText(chunkSize);
        if (n == 0)
            break;
        indexed += n;
        waiting = store.unindexedArticleCount();
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
        auto store = ProjectStore::open(m_projectPath);
        catchUp(
            *store, [this](int indexed, int total) { Q_EMIT progress(indexed, total); },
            [this] { return isInterruptionRequested(); });
    } catch (const ProjectError &e) {
        Q_EMIT failed(e.message());
    }
}
