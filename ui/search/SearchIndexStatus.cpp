#include "search/SearchIndexStatus.h"

#include "shell/LiteralText.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QLocale>
#include <QTimer>

SearchIndexStatus::SearchIndexStatus(ProjectSession &store, QWidget *parent)
    : QLabel(parent)
    , m_session(store)
{
    setObjectName(QStringLiteral("searchIndexStatus"));
    setContentsMargins(8, 0, 8, 0);
    hide();
    // An import stores its articles in batches: start once it has let go.
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (!changes.of(ChangeSet::Aggregate::Article).added.isEmpty()
            || !changes.of(ChangeSet::Aggregate::Article).modified.isEmpty())
            QTimer::singleShot(0, this, &SearchIndexStatus::start);
    });
}

SearchIndexStatus::~SearchIndexStatus() = default;

bool SearchIndexStatus::isIndexing() const
{
    return m_indexer && m_indexer->isRunning();
}

void SearchIndexStatus::setHeld(bool held)
{
    m_held = held;
    if (!held && m_waiting) {
        m_waiting = false;
        start();
    }
}

void SearchIndexStatus::start()
{
    if (m_session.isReadOnly())
        return;
    if (m_held) {
        m_waiting = true;
        return;
    }
    if (isIndexing()) {
        m_again = true;
        return;
    }
    int waiting = 0;
    try {
        waiting = m_session.articles().unindexedCount();
    } catch (const ProjectError &e) {
        setToolTip(LiteralText::html(e.message()));
        return;
    }
    if (waiting == 0)
        return;
    m_again = false;
    m_failed = false;
    m_indexer = std::make_unique<SearchIndexer>(m_session.path());
    connect(m_indexer.get(), &SearchIndexer::progress, this, &SearchIndexStatus::onProgress);
    connect(m_indexer.get(), &SearchIndexer::failed, this, [this](const QString &message) {
        m_failed = true;
        setText(tr("Search index not updated"));
        setToolTip(LiteralText::html(message));
        show();
    });
    connect(m_indexer.get(), &QThread::finished, this, &SearchIndexStatus::onFinished);
    onProgress(0, waiting);
    m_indexer->start(QThread::LowPriority);
}

void SearchIndexStatus::onProgress(int indexed, int total)
{
    const QLocale locale;
    setText(tr("Indexing for search: %1 of %2").arg(locale.toString(indexed), locale.toString(total)));
    setToolTip(tr("Newly added articles are being indexed in the background. Search already "
                  "covers everything indexed so far; reading and coding are not affected."));
    show();
    if (indexed > 0)
        Q_EMIT indexAdvanced();
}

void SearchIndexStatus::onFinished()
{
    if (!m_failed)
        hide();
    Q_EMIT indexAdvanced();
    if (m_again)
        QTimer::singleShot(0, this, &SearchIndexStatus::start);
}
