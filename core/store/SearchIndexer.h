#pragma once

#include <QString>
#include <QThread>

#include <functional>

class ProjectSession;

// Brings a project's full-text index up to date after articles were added.
// Imports only queue their articles (see schema version 5); this indexes
// them in chunks, each its own short unit of work, so the app's own writes
// wait at most a moment for the lock and search grows as it goes.
//
// As a thread it works through a second connection of its own; catchUp()
// does the same work in the caller's thread (the command line, tests).
class SearchIndexer : public QThread
{
    Q_OBJECT
public:
    // Each chunk holds the write lock; chunks are sized as they go to take
    // about this long, so a user's commit never waits much longer (and the
    // indexer lets waiting writers go first between chunks).
    static constexpr int chunkMilliseconds = 10;
    static constexpr int firstChunk = 25;

    using Progress = std::function<void(int indexed, int total)>;
    using Stop = std::function<bool()>;
    // Indexes until nothing waits or stop() says so; returns how many it
    // indexed. Articles added meanwhile are indexed too.
    static int catchUp(ProjectSession &session, const Progress &progress = {}, const Stop &stop = {});

    explicit SearchIndexer(QString projectPath, QObject *parent = nullptr);
    // Stops after the chunk in hand; what is indexed stays indexed.
    ~SearchIndexer() override;

Q_SIGNALS:
    void progress(int indexed, int total);
    // The project could not be opened or written; search stays as it was.
    void failed(const QString &message);

protected:
    void run() override;

private:
    QString m_projectPath;
};
