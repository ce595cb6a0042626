#include "WebCommands.h"

#include "CommandLine.h"
#include "base/Decompressor.h"
#include "extract/ArticleExtractor.h"
#include "feeds/FeedUpdater.h"
#include "import/ArticleImporter.h"
#include "import/WebArticleReader.h"
#include "net/HttpFetcher.h"
#include "store/ProjectSession.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <new>

int WebCommands::extract(const QString &source, bool json)
{
    try {
        return extractOrThrow(source, json);
    } catch (const std::bad_alloc &) {
        CommandLine::err(QStringLiteral("%1: not enough memory to extract it").arg(source));
        return CommandLine::Failure;
    }
}

int WebCommands::extractOrThrow(const QString &source, bool json)
{
    QByteArray page;
    QUrl base;
    if (ArticleImporter::isWebAddress(source)) {
        FetchRequest request;
        request.url = QUrl(source);
        const FetchResult r = HttpFetcher::fetchAndWait(request);
        if (!r.ok) {
            CommandLine::err(r.error);
            return CommandLine::Failure;
        }
        if (!r.mimeType.isEmpty() && !WebArticleReader::isHtmlMimeType(r.mimeType)) {
            CommandLine::err(QStringLiteral("%1: not an HTML page (the server sent %2)")
                                 .arg(source, QString::fromLatin1(r.mimeType)));
            return CommandLine::Failure;
        }
        page = WebArticleReader::withHeaderCharset(r.body, r.charset);
        base = r.finalUrl;
    } else {
        const QFileInfo info(source);
        if (!info.isFile()) {
            CommandLine::err(QStringLiteral("%1: no such file").arg(source));
            return CommandLine::Failure;
        }
        if (info.size() > ArticleImporter::maxFileSize) {
            CommandLine::err(QStringLiteral("%1: too large (the limit is %2 MB)")
                                 .arg(source)
                                 .arg(ArticleImporter::maxFileSize / (1024 * 1024)));
            return CommandLine::Failure;
        }
        QString error;
        page = Decompressor::readFile(source, &error);
        if (!error.isEmpty()) {
            CommandLine::err(error);
            return CommandLine::Failure;
        }
    }
    const ExtractedArticle a = ArticleExtractor::extract(page, base);
    if (a.body.trimmed().isEmpty()) {
        CommandLine::err(QStringLiteral("%1: no article text found").arg(source));
        return CommandLine::Failure;
    }
    if (json) {
        const QJsonObject o {
            {QStringLiteral("articleBody"), a.body},
            {QStringLiteral("title"), a.title},
            {QStringLiteral("author"), a.authors.join(QStringLiteral(", "))},
            {QStringLiteral("published"), a.published},
            {QStringLiteral("url"), a.url.isEmpty() && base.isValid() ? base.toString() : a.url}};
        CommandLine::write(stdout, QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        CommandLine::out(a.body + QLatin1Char('\n'));
    }
    return CommandLine::Success;
}

int WebCommands::feedAdd(const QString &project, const QString &url, const QString &folder)
{
    auto store = ProjectSession::open(project, ProjectSession::OpenMode::CreateIfMissing);
    const qint64 folderId = folder.isEmpty() ? 0 : store->feeds().ensureFolder(folder);
    FeedUpdater updater(*store);
    qint64 feedId = 0;
    QString error;
    QObject::connect(&updater, &FeedUpdater::subscribed, [&](qint64 id, const QString &e) {
        feedId = id;
        error = e;
    });
    updater.subscribe(QUrl::fromUserInput(url), folderId);
    updater.waitUntilIdle();
    if (!error.isEmpty()) {
        CommandLine::err(error);
        return CommandLine::Failure;
    }
    const auto feed = store->feeds().get(feedId);
    // One arg() call: a title with "%1" in it must stay as it is.
    CommandLine::out(QStringLiteral("%1\t%2\t%3 unread\n")
                         .arg(QString::number(feedId), feed ? feed->title : url,
                              QString::number(feed ? feed->unreadCount : 0)));
    return CommandLine::Success;
}

int WebCommands::feedList(const QString &project)
{
    auto store = ProjectSession::open(project);
    QHash<qint64, QString> folders;
    for (const FeedFolder &f : store->feeds().folders())
        folders.insert(f.id, f.name);
    for (const Feed &f : store->feeds().all()) {
        CommandLine::out(QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                             .arg(QString::number(f.id), folders.value(f.folderId), f.title, f.url,
                                  QString::number(f.unreadCount),
                                  f.lastError.isEmpty() ? QStringLiteral("ok") : f.lastError));
    }
    return CommandLine::Success;
}

int WebCommands::feedRefresh(const QString &project)
{
    auto store = ProjectSession::open(project);
    FeedUpdater updater(*store);
    bool failed = false;
    QObject::connect(&updater, &FeedUpdater::feedRefreshed,
                     [&](qint64 id, int added, const QString &e) {
                         const auto feed = store->feeds().get(id);
                         const QString name = feed ? feed->title : QString::number(id);
                         if (!e.isEmpty()) {
                             failed = true;
                             CommandLine::err(e);
                         } else {
                             CommandLine::out(
                                 QStringLiteral("%1\t%2\t%3 new\n")
                                     .arg(QString::number(id), name, QString::number(added)));
                         }
                     });
    updater.refresh();
    updater.waitUntilIdle();
    return failed ? CommandLine::Failure : CommandLine::Success;
}
