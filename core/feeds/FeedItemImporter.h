#pragma once

#include "import/ImportOutcome.h"

#include <QList>
#include <QObject>

class HttpFetcher;
class ProjectSession;
struct FeedItem;
struct FetchResult;

// "Add to corpus": fetches the pages of feed items, extracts their main
// text and stores them as articles with their original pages. The feed's
// metadata fills what the page does not say (title, author, date, outlet).
// Each item succeeds or fails on its own.
class FeedItemImporter : public QObject
{
    Q_OBJECT

public:
    explicit FeedItemImporter(ProjectSession &store, QObject *parent = nullptr);

    void add(const QList<qint64> &itemIds);
    bool isBusy() const { return m_pending > 0; }
    void waitUntilIdle();
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void itemDone(qint64 itemId, const ImportOutcome &outcome);
    // Everything asked for so far is done; outcomes of this round.
    void finished(const QList<ImportOutcome> &outcomes);

private:
    void store(const FeedItem &item, const QString &feedTitle, const FetchResult &result);
    void report(qint64 itemId, const ImportOutcome &outcome);
    void settle();

    ProjectSession &m_session;
    HttpFetcher *m_fetcher = nullptr;
    QList<ImportOutcome> m_outcomes;
    int m_pending = 0;
    int m_timeoutMs = 30000;
};
