#include "ProjectSession.h"

#include "base/ProjectError.h"

#include "ActorRepository.h"
#include "AnnotationRepository.h"
#include "ArticleRepository.h"
#include "ChangeListener.h"
#include "CodebookRepository.h"
#include "CoderRepository.h"
#include "FeedRepository.h"
#include "LexiconRepository.h"
#include "MemoRepository.h"
#include "PostgresLocation.h"

#include <QCoreApplication>
#include <QThread>

std::unique_ptr<ProjectSession> ProjectSession::open(const QString &path, OpenMode mode)
{
    return std::unique_ptr<ProjectSession>(new ProjectSession(Database::open(path, mode)));
}

ProjectSession::ProjectSession(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_coders(std::make_unique<CoderRepository>(*m_db))
    , m_offsetMaps(std::make_unique<OffsetMapRepository>(*m_db))
    , m_annotations(std::make_unique<AnnotationRepository>(*m_db, *m_coders, *m_offsetMaps))
    , m_memos(std::make_unique<MemoRepository>(*m_db, *m_coders))
    , m_feeds(std::make_unique<FeedRepository>(*m_db))
    , m_articles(std::make_unique<ArticleRepository>(*m_db, *m_annotations, *m_memos, *m_feeds,
                                                     *m_offsetMaps))
    , m_codebook(std::make_unique<CodebookRepository>(*m_db, *m_annotations, *m_memos))
    , m_actors(std::make_unique<ActorRepository>(*m_db))
    , m_lexicon(std::make_unique<LexiconRepository>(*m_db))
    , m_settings(std::make_unique<ProjectSettingsRepository>(*m_db))
    , m_adjudications(std::make_unique<AdjudicationRepository>(*m_db))
{
    m_db->setCommitHandler([this](const ChangeSet &changes) { Q_EMIT changed(changes); });
    if (m_db->isServer())
        m_serverLink = std::make_unique<ServerLink>(*m_db);
    // A team project: the other coders' commits are announced like this
    // session's own, as the event loop brings them. Only in the app's
    // thread: a worker's session (the search indexer) has no use for them.
    const QCoreApplication *app = QCoreApplication::instance();
    if (PostgresLocation::isUrl(m_db->path()) && app && QThread::currentThread() == app->thread()) {
        auto *listener = new ChangeListener(*m_db, this);
        // Hearing every change, adding annotations can keep what it looked
        // up: first to hear, so nothing acts on what was removed before.
        m_annotations->lookups().setEnabled(true);
        connect(this, &ProjectSession::changed, this,
                [this](const ChangeSet &changes) { m_annotations->lookups().forget(changes); });
        connect(listener, &ChangeListener::heard, this, &ProjectSession::changed);
        // A new connection after a loss listens anew (before anyone who
        // reads the project again on the same signal).
        connect(m_serverLink.get(), &ServerLink::restored, listener, [this, listener] {
            // What others changed meanwhile went unheard.
            m_annotations->lookups().clear();
            try {
                listener->listen();
            } catch (const ProjectError &e) {
                // Edits still work; only the others' changes stop showing.
                qWarning("%s", qPrintable(e.message()));
            }
        });
    }
}

ProjectSession::~ProjectSession()
{
    // Before the connection it listens on closes.
    qDeleteAll(findChildren<ChangeListener *>(Qt::FindDirectChildrenOnly));
}
