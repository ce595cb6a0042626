#pragma once

#include "ImportOutcome.h"
#include "domain/Article.h"

#include <QStringList>

#include <functional>
#include <variant>

class ProjectStore;

// Turns files into stored articles: plain text, Markdown and simple HTML.
// A bad file is refused with a message naming it; the others still go in.
class ArticleImporter
{
public:
    using Progress = std::function<void(int done, int total)>;

    explicit ArticleImporter(ProjectStore &store);

    // Files are imported whatever their extension; folders are walked
    // recursively for the extensions in importableSuffixes().
    QList<ImportOutcome> importPaths(const QStringList &paths, const Progress &progress = {});

    // Reads and decodes one file into an unsaved article, or says why not.
    static std::variant<Article, QString> readFile(const QString &path);
    static QStringList importableSuffixes();
    // A title from the first non-empty line, shortened at a word boundary.
    static QString titleFromText(const QString &text);

    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;

private:
    QStringList expand(const QStringList &paths, QList<ImportOutcome> &failures) const;

    ProjectStore &m_store;
};
