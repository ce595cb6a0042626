#pragma once

#include "SqlQuery.h"
#include "domain/Article.h"

#include <QSqlDatabase>
#include <optional>

// The SQL of articles and their full-text index, for ProjectStore, which
// owns the transactions, tells duplicates apart and tells the UI what changed.
class ArticleTable
{
public:
    explicit ArticleTable(const QSqlDatabase &db);

    // The stored article with this content hash, if any.
    std::optional<qint64> idByHash(const QString &hash) const;
    // Inserts an article under hash; importedAt defaults to time. The new
    // article waits in fts_pending until indexPending() reaches it.
    qint64 insert(const Article &article, const QString &hash, const QDateTime &time);
    // Every article in id order, with its annotation count.
    QList<ArticleSummary> summaries() const;
    std::optional<Article> load(qint64 id) const;
    int count() const;

    // Hits for what the user typed, best first; none for an empty query.
    // Terms in unspaced scripts (Chinese, Japanese, Thai…) are found by a
    // scan of the text, which also covers articles not indexed yet.
    QList<ArticleSearchHit> search(const QString &query, int limit) const;
    int pendingCount() const;
    // Indexes the first maxArticles pending articles (by id) and forgets
    // them; returns how many, 0 when none were waiting.
    int indexPending(int maxArticles);

private:
    QList<ArticleSearchHit> scan(const QStringList &terms, const QString &match, int limit) const;

    QSqlDatabase m_db;
    // Prepared once per table object: an import stores hundreds of
    // articles through one, and preparing each statement again per article
    // was a measurable part of it.
    mutable std::optional<SqlQuery> m_byHash;
    std::optional<SqlQuery> m_insert;
};
