#pragma once

#include "ImportOutcome.h"
#include "WebArticle.h"
#include "domain/Article.h"

#include <QStringList>

#include <QUrl>

#include <atomic>
#include <functional>
#include <optional>
#include <variant>

class HttpFetcher;
class ProjectSession;

// Turns files and web pages into stored articles: plain text, Markdown
// (its plain text, MarkdownText), HTML (main text by ArticleExtractor, the
// page kept) and gzip of those; http(s) URLs among the paths are fetched. A
// bad file or page is refused with a message naming it; the others still
// go in. Running out of memory on one file (std::bad_alloc) is such a
// refusal too, not the end of the program.
class ArticleImporter
{
public:
    using Progress = std::function<void(int done, int total)>;
    using FileReader = std::function<std::variant<WebArticle, QString>(const QString &path)>;

    explicit ArticleImporter(ProjectSession &store);

    // How importPaths() reads a local file: readFileWithSource() unless
    // replaced (tests make it run out of memory). It runs on a worker thread.
    void setFileReader(FileReader reader) { m_reader = std::move(reader); }

    // Files are imported whatever their extension; folders are walked
    // recursively for the extensions in importableSuffixes() (and .gz of
    // them). progress runs after each file. After cancel() the files read
    // so far are stored and the rest are skipped.
    QList<ImportOutcome> importPaths(const QStringList &paths, const Progress &progress = {});
    // Also aborts a page being fetched; call it on the importer's thread
    // (from progress, or an event handled while a page is fetched).
    void cancel();
    bool wasCancelled() const { return m_cancelled; }

    // Reads and decodes one file into an unsaved article, or says why not.
    static std::variant<Article, QString> readFile(const QString &path);
    // The same, keeping an HTML file's original bytes as the source.
    static std::variant<WebArticle, QString> readFileWithSource(const QString &path);
    static bool isWebAddress(const QString &path);
    static QStringList importableSuffixes();
    // A title from the first non-empty line, shortened at a word boundary.
    static QString titleFromText(const QString &text);
    // "FILE: not enough memory to import it"
    static QString outOfMemoryMessage(const QString &path);
    // The text without leading blank lines and trailing white space.
    static QString withoutBlankEdges(QString text);

    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;

private:
    // A local file read and hashed, or nullopt for a web address (or once
    // cancelled), which is left to the importer's own thread.
    using Read = std::optional<std::variant<WebArticle, QString>>;
    static QList<Read> readLocalFiles(const QStringList &files, const std::atomic<bool> &cancelled,
                                      const FileReader &reader);
    QStringList expand(const QStringList &paths, QList<ImportOutcome> &failures) const;
    std::variant<WebArticle, QString> fetchPage(const QUrl &url);

    ProjectSession &m_session;
    std::atomic<bool> m_cancelled = false;
    HttpFetcher *m_fetcher = nullptr; // while a page is being fetched
    FileReader m_reader = &ArticleImporter::readFileWithSource;
};
