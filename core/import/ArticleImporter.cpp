#include "ArticleImporter.h"

#include "MarkdownText.h"
#include "WebArticleReader.h"
#include "base/Decompressor.h"
#include "base/ProjectError.h"
#include "html/HtmlTextExtractor.h"
#include "net/HttpFetcher.h"
#include "store/ProjectSession.h"
#include "text/TextDecoder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <future>
#include <new>

// A gzip file may not smuggle in more than a plain file may hold.
static_assert(Decompressor::kMaxOutput <= ArticleImporter::maxFileSize);

namespace {
constexpr int kBatchSize = 500;
constexpr int kMaxTitleLength = 150;

QString display(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool isHtmlSuffix(const QString &suffix)
{
    return suffix == QLatin1String("html") || suffix == QLatin1String("htm")
        || suffix == QLatin1String("xhtml");
}

bool isMarkdownSuffix(const QString &suffix)
{
    return suffix == QLatin1String("md") || suffix == QLatin1String("markdown");
}
} // namespace

ArticleImporter::ArticleImporter(ProjectSession &store)
    : m_session(store)
{
}

QStringList ArticleImporter::importableSuffixes()
{
    return {QStringLiteral("txt"), QStringLiteral("text"), QStringLiteral("md"),
            QStringLiteral("markdown"), QStringLiteral("html"), QStringLiteral("htm"),
            QStringLiteral("xhtml")};
}

namespace {
QString shortened(QString title)
{
    if (title.size() > kMaxTitleLength) {
        qsizetype cut = title.lastIndexOf(QLatin1Char(' '), kMaxTitleLength);
        if (cut < kMaxTitleLength / 2)
            cut = kMaxTitleLength;
        title = title.left(cut).trimmed() + QStringLiteral("…");
    }
    return title;
}
} // namespace

QString ArticleImporter::titleFromText(const QString &text)
{
    for (QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        QString title = line.trimmed().toString();
        // Markdown headings in a plain text file: "# Title"
        while (title.startsWith(QLatin1Char('#')))
            title.remove(0, 1);
        title = title.trimmed();
        if (!title.isEmpty())
            return shortened(title);
    }
    return {};
}

QString ArticleImporter::outOfMemoryMessage(const QString &path)
{
    return QStringLiteral("%1: not enough memory to import it").arg(display(path));
}

QString ArticleImporter::withoutBlankEdges(QString text)
{
    // Surrounding blank lines carry nothing and would shift no offsets once
    // stored; trailing spaces and newlines likewise.
    while (text.startsWith(QLatin1Char('\n')))
        text.remove(0, 1);
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    return text;
}

std::variant<Article, QString> ArticleImporter::readFile(const QString &path)
{
    auto read = readFileWithSource(path);
    if (auto *error = std::get_if<QString>(&read))
        return *error;
    return std::get<WebArticle>(read).article;
}

bool ArticleImporter::isWebAddress(const QString &path)
{
    return path.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || path.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

void ArticleImporter::cancel()
{
    m_cancelled = true;
    if (m_fetcher)
        m_fetcher->abortAll();
}

// A local event loop: the GUI stays responsive behind its progress dialog
// and cancel() can abort the transfer.
std::variant<WebArticle, QString> ArticleImporter::fetchPage(const QUrl &url)
{
    HttpFetcher fetcher;
    FetchRequest request;
    request.url = url;
    m_fetcher = &fetcher;
    const FetchResult result = fetcher.fetchAndWaitHere(request);
    m_fetcher = nullptr;
    try {
        return WebArticleReader::fromFetch(result);
    } catch (const std::bad_alloc &) {
        return outOfMemoryMessage(url.toDisplayString());
    }
}

std::variant<WebArticle, QString> ArticleImporter::readFileWithSource(const QString &path)
{
    const QFileInfo info(path);
    const QString name = display(info.filePath());
    if (!info.exists())
        return QStringLiteral("%1: no such file").arg(name);
    if (info.isDir())
        return QStringLiteral("%1: is a folder").arg(name);
    if (info.size() > maxFileSize) {
        return QStringLiteral("%1: too large to import (%2 MB; the limit is %3 MB)")
            .arg(name)
            .arg(info.size() / (1024 * 1024))
            .arg(maxFileSize / (1024 * 1024));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot be read (%2)").arg(name, file.errorString());
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return QStringLiteral("%1: cannot be read (%2)").arg(name, file.errorString());

    // "page.html.gz" is judged as "page.html".
    QString suffix = info.suffix().toLower();
    if (Decompressor::isGzip(bytes)) {
        // Inflating stops at maxFileSize (Decompressor::kMaxOutput).
        QString error;
        bytes = Decompressor::gunzip(bytes, name, &error);
        if (!error.isEmpty())
            return error;
        if (suffix == QLatin1String("gz"))
            suffix = QFileInfo(info.completeBaseName()).suffix().toLower();
    }
    bool html = isHtmlSuffix(suffix);
    const DecodedText decoded = TextDecoder::decode(bytes, html ? HtmlTextExtractor::sniffCharset(bytes)
                                                                : QByteArray());
    if (!decoded.ok)
        return QStringLiteral("%1: %2").arg(name, decoded.error);
    if (!html && !isMarkdownSuffix(suffix) && HtmlTextExtractor::looksLikeHtml(decoded.text))
        html = true;

    if (html) {
        auto read = WebArticleReader::fromHtml(bytes, QUrl::fromLocalFile(info.absoluteFilePath()), name);
        if (auto *web = std::get_if<WebArticle>(&read)) {
            web->article.origin = info.absoluteFilePath();
            // A file's own path is no canonical URL.
            if (web->article.url.startsWith(QLatin1String("file:")))
                web->article.url.clear();
            web->source.url = info.absoluteFilePath();
            web->source.fetchedAt = info.lastModified().toUTC();
        }
        return read;
    }
    WebArticle web;
    Article &article = web.article;
    article.origin = info.absoluteFilePath();
    QString heading;
    if (isMarkdownSuffix(suffix)) {
        // The markup never enters the text: annotations would cover it.
        const MarkdownText markdown(decoded.text);
        article.text = markdown.text();
        heading = markdown.title();
    } else {
        article.text = withoutBlankEdges(decoded.text);
    }
    if (article.text.trimmed().isEmpty())
        return QStringLiteral("%1: contains no text").arg(name);
    article.title = heading.isEmpty() ? titleFromText(article.text) : shortened(heading);
    return web;
}

QStringList ArticleImporter::expand(const QStringList &paths, QList<ImportOutcome> &failures) const
{
    QStringList files;
    const QStringList suffixes = importableSuffixes();
    const auto importable = [&suffixes](const QFileInfo &file) {
        const QString suffix = file.suffix().toLower();
        if (suffix == QLatin1String("gz"))
            return suffixes.contains(QFileInfo(file.completeBaseName()).suffix().toLower());
        return suffixes.contains(suffix);
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (isWebAddress(path) || !info.isDir()) {
            files << path;
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (importable(QFileInfo(file)))
                found << file;
        }
        if (found.isEmpty()) {
            failures.append({path, ImportOutcome::Status::Failed, 0, {},
                             QStringLiteral("%1: no importable files (%2, or .gz of them) in this folder")
                                 .arg(display(path), suffixes.join(QStringLiteral(", ")))});
        }
        found.sort();
        files << found;
    }
    return files;
}

QList<ArticleImporter::Read> ArticleImporter::readLocalFiles(const QStringList &files,
                                                             const std::atomic<bool> &cancelled,
                                                             const FileReader &reader)
{
    QList<Read> reads;
    reads.reserve(files.size());
    for (const QString &path : files) {
        if (cancelled || isWebAddress(path)) {
            reads.append(std::nullopt);
            continue;
        }
        std::variant<WebArticle, QString> read;
        try {
            read = reader(path);
            // Hashing here spares the store's thread most of its work per article.
            if (auto *web = std::get_if<WebArticle>(&read))
                web->article.contentHash = ArticleRepository::contentHash(web->article.text);
        } catch (const std::bad_alloc &) {
            // Decoding or extracting one huge file can exhaust memory; what
            // it allocated is freed by now, and the other files go on.
            read = outOfMemoryMessage(path);
        }
        reads.append(std::move(read));
    }
    return reads;
}

QList<ImportOutcome> ArticleImporter::importPaths(const QStringList &paths, const Progress &progress)
{
    m_cancelled = false;
    QList<ImportOutcome> outcomes;
    const QStringList files = expand(paths, outcomes);
    const int total = int(files.size());
    int done = 0;
    // On two cores: the next batch is read and hashed while this one is
    // stored. Web pages are fetched here, where the network lives.
    const auto readAhead = [this, &files](qsizetype start) {
        return std::async(std::launch::async, &ArticleImporter::readLocalFiles,
                          files.mid(start, kBatchSize), std::cref(m_cancelled),
                          std::cref(m_reader));
    };
    std::future<QList<Read>> ahead = readAhead(0);
    for (qsizetype batchStart = 0; batchStart < files.size() && !m_cancelled; batchStart += kBatchSize) {
        QList<Read> reads = ahead.get();
        if (batchStart + kBatchSize < files.size())
            ahead = readAhead(batchStart + kBatchSize);
        QList<Article> articles;
        QList<ArticleSource> sources;
        QList<qsizetype> outcomeIndex;
        for (qsizetype k = 0; k < reads.size() && !m_cancelled; ++k) {
            const QString &path = files[batchStart + k];
            if (!reads[k] && !isWebAddress(path))
                break; // the reader stopped: cancelled
            auto read = reads[k] ? std::move(*reads[k]) : fetchPage(QUrl(path));
            if (auto *error = std::get_if<QString>(&read)) {
                outcomes.append({path, ImportOutcome::Status::Failed, 0, {}, *error});
            } else {
                outcomeIndex << outcomes.size();
                const WebArticle &web = std::get<WebArticle>(read);
                outcomes.append({path, ImportOutcome::Status::Imported, 0, web.article.title, {}});
                articles << web.article;
                sources << web.source;
            }
            ++done;
            if (progress)
                progress(done, total);
        }
        if (!articles.isEmpty()) {
            try {
                const auto results = m_session.articles().addMany(articles, sources);
                for (qsizetype k = 0; k < results.size(); ++k) {
                    ImportOutcome &o = outcomes[outcomeIndex[k]];
                    o.articleId = results[k].id;
                    if (results[k].status == ArticleRepository::AddResult::Status::Duplicate) {
                        o.status = ImportOutcome::Status::Duplicate;
                        o.message = QStringLiteral("%1: already in the project as article %2")
                                        .arg(display(o.path))
                                        .arg(o.articleId);
                    }
                }
            } catch (const ProjectError &e) {
                // The batch was rolled back as a whole: say so for each file.
                for (qsizetype k : outcomeIndex) {
                    outcomes[k].status = ImportOutcome::Status::Failed;
                    outcomes[k].message = QStringLiteral("%1: not stored (%2)")
                                              .arg(display(outcomes[k].path), e.message());
                }
            } catch (const std::bad_alloc &) {
                for (qsizetype k : outcomeIndex) {
                    outcomes[k].status = ImportOutcome::Status::Failed;
                    outcomes[k].message = outOfMemoryMessage(outcomes[k].path);
                }
            }
        }
    }
    if (ahead.valid())
        ahead.wait(); // cancelled: it stops at its next file
    return outcomes;
}
