#pragma once

#include "QueryResult.h"

#include <QObject>
#include <QThread>

#include <atomic>

class ReadOnlyQuery;

// Runs read-only queries on a worker thread so the window stays live and a
// long query can be cancelled. The worker opens its own ReadOnlyQuery
// connection to the project on first use and keeps it.
class QueryRunner final : public QObject
{
    Q_OBJECT

public:
    explicit QueryRunner(const QString &projectPath, qint64 maxRows = 100000, QObject *parent = nullptr);
    ~QueryRunner() override;

    void run(const QString &sql);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const QueryResult &result);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;
    std::atomic<ReadOnlyQuery *> m_query{nullptr};
    bool m_running = false;
    QString m_path;
    qint64 m_maxRows;
};
