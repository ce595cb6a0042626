#pragma once

#include "domain/Feed.h"

#include <QObject>
#include <QSet>
#include <QUrl>

class HttpFetcher;
class ProjectSession;
class QTimer;
struct FetchResult;

// Subscribes to feeds and refreshes them: by hand, and on a schedule with
// conditional GET (ETag / Last-Modified). Every feed is fetched, parsed and
// stored on its own, so one broken feed (bad XML, HTTP error, timeout)
// records its own error and never stops the others. Nothing stored before
// is lost by a failed refresh.
class FeedUpdater : public QObject
{
    Q_OBJECT

public:
    // The store must outlive this object.
    explicit FeedUpdater(ProjectSession &store, QObject *parent = nullptr);

    // A feed URL, or a site whose page announces a feed (<link rel=alternate>).
    void subscribe(const QUrl &url, qint64 folderId = 0);
    // Refreshes the given feeds (all if empty); feeds already refreshing are skipped.
    void refresh(const QList<qint64> &feedIds = {});
    // Refreshes the feeds whose refresh interval has passed.
    void refreshDue();
    // Checks for due feeds every intervalMs while on.
    void setScheduled(bool on, int intervalMs = 60 * 1000);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    bool isBusy() const { return m_pending > 0; }
    // Runs a local event loop until nothing is pending (command line, tests).
    void waitUntilIdle();

Q_SIGNALS:
    void feedRefreshed(qint64 feedId, int newItems, const QString &error);
    void subscribed(qint64 feedId, const QString &error);
    void idle();

private:
    void fetchFeed(const Feed &feed);
    void onFeedFetched(Feed feed, const FetchResult &result);
    void subscribeFetched(const QUrl &requested, qint64 folderId, bool mayDiscover,
                          const FetchResult &result);
    void done();

    ProjectSession &m_session;
    HttpFetcher *m_fetcher = nullptr;
    QTimer *m_schedule = nullptr;
    QSet<qint64> m_refreshing;
    int m_pending = 0;
    int m_timeoutMs = 30000;
};
