#pragma once

#include <QLabel>

#include <memory>

class ProjectSession;
class SearchIndexer;

// The status bar's word on full-text indexing. Whenever articles arrive it
// starts a SearchIndexer on the project and shows how far it has got; it
// hides itself once everything is searchable.
class SearchIndexStatus : public QLabel
{
    Q_OBJECT
public:
    explicit SearchIndexStatus(ProjectSession &store, QWidget *parent = nullptr);
    // Stops the indexer after its current chunk.
    ~SearchIndexStatus() override;

    bool isIndexing() const;
    // While held, arriving articles wait: an import stores them in batches
    // and its progress dialog lets events through between them, so indexing
    // would start after the first batch and compete with the rest for the
    // file. Releasing starts indexing if articles arrived meanwhile.
    void setHeld(bool held);

public Q_SLOTS:
    // Indexes whatever waits; harmless when nothing does or it is running.
    void start();

Q_SIGNALS:
    // More articles became searchable (or indexing ended).
    void indexAdvanced();

private:
    void onProgress(int indexed, int total);
    void onFinished();

    ProjectSession &m_session;
    std::unique_ptr<SearchIndexer> m_indexer;
    bool m_again = false;
    bool m_failed = false;
    bool m_held = false;
    bool m_waiting = false; // articles arrived while held
};
