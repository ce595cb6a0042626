#include "FeedUpdater.h"

#include "FeedDiscovery.h"
#include "FeedParser.h"
#include "net/HttpFetcher.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QEventLoop>
#include <QTimer>

namespace {
const QByteArray kFeedAccept
    = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
      "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1";

FetchRequest feedRequest(const QUrl &url, int timeoutMs)
{
    FetchRequest r;
    r.url = url;
    r.accept = kFeedAccept;
    r.timeoutMs = timeoutMs;
    return r;
}
} // namespace

FeedUpdater::FeedUpdater(ProjectSession &store, QObject *parent)
    : QObject(parent)
    , m_session(store)
    , m_fetcher(new HttpFetcher(this))
    , m_schedule(new QTimer(this))
{
    connect(m_schedule, &QTimer::timeout, this, &FeedUpdater::refreshDue);
}

void FeedUpdater::setScheduled(bool on, int intervalMs)
{
    if (on)
        m_schedule->start(intervalMs);
    else
        m_schedule->stop();
}

void FeedUpdater::refresh(const QList<qint64> &feedIds)
{
    QList<Feed> feeds;
    try {
        feeds = m_session.feeds().all();
    } catch (const ProjectError &e) {
        qWarning("feeds: %s", qPrintable(e.message()));
        return;
    }
    for (const Feed &f : std::as_const(feeds)) {
        if (feedIds.isEmpty() || feedIds.contains(f.id))
            fetchFeed(f);
    }
}

void FeedUpdater::refreshDue()
{
    if (m_session.isReadOnly())
        return;
    QList<Feed> feeds;
    try {
        feeds = m_session.feeds().all();
    } catch (const ProjectError &) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Feed &f : std::as_const(feeds)) {
        if (!f.lastFetched.isValid()
            || f.lastFetched.addSecs(qint64(f.refreshMinutes) * 60) <= now)
            fetchFeed(f);
    }
}

void FeedUpdater::fetchFeed(const Feed &feed)
{
    if (m_refreshing.contains(feed.id))
        return;
    m_refreshing.insert(feed.id);
    ++m_pending;
    FetchRequest request = feedRequest(QUrl(feed.url), m_timeoutMs);
    request.etag = feed.etag;
    request.lastModified = feed.lastModified;
    m_fetcher->fetch(request, [this, feed](const FetchResult &r) { onFeedFetched(feed, r); });
}

void FeedUpdater::onFeedFetched(Feed feed, const FetchResult &r)
{
    m_refreshing.remove(feed.id);
    Feed state = feed;
    state.lastFetched = r.fetchedAt;
    state.lastError.clear();
    state.title.clear(); // only a parsed document renames the feed
    state.siteUrl.clear();
    QList<FeedItem> items;
    if (!r.ok) {
        state.lastError = r.error;
    } else if (!r.notModified) {
        const ParsedFeed parsed = FeedParser::parse(r.body, r.finalUrl);
        if (!parsed.ok) {
            state.lastError = QStringLiteral("%1: %2").arg(feed.url, parsed.error);
        } else {
            state.title = parsed.title;
            state.siteUrl = parsed.siteUrl;
            state.etag = r.etag;
            state.lastModified = r.lastModified;
            items = parsed.items;
        }
    }
    int added = 0;
    try {
        added = m_session.feeds().recordRefresh(state, items);
    } catch (const ProjectError &e) {
        state.lastError = e.message();
    }
    Q_EMIT feedRefreshed(feed.id, added, state.lastError);
    done();
}

void FeedUpdater::subscribe(const QUrl &url, qint64 folderId)
{
    ++m_pending;
    m_fetcher->fetch(feedRequest(url, m_timeoutMs), [this, url, folderId](const FetchResult &r) {
        subscribeFetched(url, folderId, true, r);
    });
}

void FeedUpdater::subscribeFetched(const QUrl &requested, qint64 folderId, bool mayDiscover,
                                   const FetchResult &r)
{
    const QString where = requested.toDisplayString();
    QString error;
    qint64 feedId = 0;
    if (!r.ok) {
        error = r.error;
    } else if (FeedDiscovery::looksLikeFeed(r.body)) {
        const ParsedFeed parsed = FeedParser::parse(r.body, r.finalUrl);
        if (!parsed.ok) {
            error = QStringLiteral("%1: %2").arg(where, parsed.error);
        } else {
            try {
                Feed feed;
                feed.url = requested.toString();
                feed.folderId = folderId;
                feed.title = parsed.title.isEmpty() ? requested.host() : parsed.title;
                feed.siteUrl = parsed.siteUrl;
                feed.description = parsed.description;
                // The feed and its first items arrive together or not at all.
                UnitOfWork unit(m_session.database());
                feedId = m_session.feeds().add(feed);
                feed.id = feedId;
                feed.etag = r.etag;
                feed.lastModified = r.lastModified;
                feed.lastFetched = r.fetchedAt;
                m_session.feeds().recordRefresh(feed, parsed.items);
                unit.commit();
            } catch (const ProjectError &e) {
                feedId = 0;
                error = e.message();
            }
        }
    } else if (mayDiscover) {
        const QList<QUrl> feeds = FeedDiscovery::discover(r.body, r.finalUrl);
        if (feeds.isEmpty()) {
            error = QStringLiteral("%1: no RSS or Atom feed found on this page").arg(where);
        } else {
            // The site's first announced feed; its own fetch ends this subscription.
            const QUrl feedUrl = feeds.constFirst();
            m_fetcher->fetch(feedRequest(feedUrl, m_timeoutMs),
                             [this, feedUrl, folderId](const FetchResult &next) {
                                 subscribeFetched(feedUrl, folderId, false, next);
                             });
            return;
        }
    } else {
        error = QStringLiteral("%1: not an RSS or Atom feed").arg(where);
    }
    Q_EMIT subscribed(feedId, error);
    done();
}

void FeedUpdater::done()
{
    if (--m_pending == 0)
        Q_EMIT idle();
}

void FeedUpdater::waitUntilIdle()
{
    if (!isBusy())
        return;
    QEventLoop loop;
    connect(this, &FeedUpdater::idle, &loop, &QEventLoop::quit);
    loop.exec();
}
