#include "QueryRunner.h"

#include "ReadOnlyQuery.h"
#include "base/ProjectError.h"

#include <memory>

namespace {

// Lives in the worker thread; owns the connection there.
class QueryWorker final : public QObject
{
public:
    explicit QueryWorker(std::atomic<ReadOnlyQuery *> &published)
        : m_published(published)
    {
    }
    ~QueryWorker() override
    {
        m_published = nullptr;
    }

    QueryResult execute(const QString &path, const QString &sql, qint64 maxRows)
    {
        try {
            if (!m_query) {
                m_query = std::make_unique<ReadOnlyQuery>(path);
                m_published = m_query.get();
            }
            return m_query->run(sql, maxRows);
        } catch (const ProjectError &e) {
            QueryResult failed;
            failed.status = QueryResult::Status::Failed;
            failed.message = e.message();
            return failed;
        }
    }

private:
    std::atomic<ReadOnlyQuery *> &m_published;
    std::unique_ptr<ReadOnlyQuery> m_query;
};

} // namespace

QueryRunner::QueryRunner(const QString &projectPath, qint64 maxRows, QObject *parent)
    : QObject(parent)
    , m_path(projectPath)
    , m_maxRows(maxRows)
{
    qRegisterMetaType<QueryResult>();
    m_worker = new QueryWorker(m_query);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("framewise-query"));
    m_thread.start();
}

QueryRunner::~QueryRunner()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void QueryRunner::run(const QString &sql)
{
    if (m_running)
        return;
    m_running = true;
    auto *worker = static_cast<QueryWorker *>(m_worker);
    const QString path = m_path;
    const qint64 maxRows = m_maxRows;
    QMetaObject::invokeMethod(worker, [this, worker, path, sql, maxRows] {
        const QueryResult result = worker->execute(path, sql, maxRows);
        QMetaObject::invokeMethod(this, [this, result] {
            m_running = false;
            Q_EMIT finished(result);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void QueryRunner::cancel()
{
    if (ReadOnlyQuery *query = m_query.load())
        query->cancel();
}
