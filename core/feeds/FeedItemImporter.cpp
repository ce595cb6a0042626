#include "FeedItemImporter.h"

#include "import/WebArticleReader.h"
#include "net/HttpFetcher.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QEventLoop>
#include <QTimer>

FeedItemImporter::FeedItemImporter(ProjectSession &store, QObject *parent)
    : QObject(parent)
    , m_session(store)
    , m_fetcher(new HttpFetcher(this))
{
}

void FeedItemImporter::add(const QList<qint64> &itemIds)
{
    // Held until the loop ends, so items that fail at once cannot finish
    // the round before the others have started.
    ++m_pending;
    for (qint64 id : itemIds) {
        ++m_pending;
        std::optional<FeedItem> item;
        QString feedTitle;
        try {
            item = m_session.feeds().item(id);
            if (item) {
                if (const auto feed = m_session.feeds().get(item->feedId))
                    feedTitle = feed->title;
            }
        } catch (const ProjectError &e) {
            report(id, {QString(), ImportOutcome::Status::Failed, 0, {}, e.message()});
            continue;
        }
        if (!item) {
            report(id,
                   {QString(),
                    ImportOutcome::Status::Failed,
                    0,
                    {},
                    QStringLiteral("no feed item with id %1").arg(id)});
            continue;
        }
        if (item->articleId) {
            // Already in the corpus: nothing to fetch.
            report(id,
                   {item->url, ImportOutcome::Status::Duplicate, item->articleId, item->title,
                    QStringLiteral("%1: already in the project as article %2")
                        .arg(item->url)
                        .arg(item->articleId)});
            continue;
        }
        FetchRequest request;
        request.url = QUrl(item->url);
        request.timeoutMs = m_timeoutMs;
        m_fetcher->fetch(request, [this, it = *item, feedTitle](const FetchResult &r) {
            store(it, feedTitle, r);
        });
    }
    settle();
}

void FeedItemImporter::store(const FeedItem &item, const QString &feedTitle,
                             const FetchResult &result)
{
    ImportOutcome outcome {item.url, ImportOutcome::Status::Failed, 0, item.title, {}};
    auto read = WebArticleReader::fromFetch(result);
    if (auto *error = std::get_if<QString>(&read)) {
        outcome.message = *error;
        report(item.id, outcome);
        return;
    }
    WebArticle &web = std::get<WebArticle>(read);
    Article &a = web.article;
    // The feed's own words for the item are what a reader of the feed saw.
    if (!item.title.isEmpty())
        a.title = item.title;
    if (a.author.isEmpty())
        a.author = item.author;
    if (a.published.isEmpty())
        a.published = item.published;
    if (a.outlet.isEmpty())
        a.outlet = feedTitle;
    outcome.title = a.title;
    try {
        const auto r = m_session.articles().addMany({a}, {web.source}).constFirst();
        outcome.articleId = r.id;
        outcome.status = r.status == ArticleRepository::AddResult::Status::Added
            ? ImportOutcome::Status::Imported
            : ImportOutcome::Status::Duplicate;
        if (outcome.status == ImportOutcome::Status::Duplicate)
            outcome.message = QStringLiteral("%1: already in the project as article %2")
                                  .arg(item.url)
                                  .arg(r.id);
        m_session.feeds().linkItem(item.id, r.id);
    } catch (const ProjectError &e) {
        outcome.status = ImportOutcome::Status::Failed;
        outcome.message = QStringLiteral("%1: not stored (%2)").arg(item.url, e.message());
    }
    report(item.id, outcome);
}

void FeedItemImporter::report(qint64 itemId, const ImportOutcome &outcome)
{
    m_outcomes << outcome;
    Q_EMIT itemDone(itemId, outcome);
    settle();
}

void FeedItemImporter::settle()
{
    if (--m_pending == 0) {
        const QList<ImportOutcome> outcomes = std::exchange(m_outcomes, {});
        Q_EMIT finished(outcomes);
    }
}

void FeedItemImporter::waitUntilIdle()
{
    if (!isBusy())
        return;
    QEventLoop loop;
    connect(this, &FeedItemImporter::finished, &loop, &QEventLoop::quit);
    loop.exec();
}
