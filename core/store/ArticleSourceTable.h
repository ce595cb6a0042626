#pragma once

#include "SqlQuery.h"
#include "domain/ArticleSource.h"

#include <QSqlDatabase>
#include <optional>

// The SQL of article_sources: the original pages, stored compressed. For
// ProjectStore, which owns the transactions.
class ArticleSourceTable
{
public:
    explicit ArticleSourceTable(const QSqlDatabase &db);

    // Inserts or replaces the source of source.articleId.
    void put(const ArticleSource &source);
    std::optional<ArticleSource> get(qint64 articleId) const;

private:
    QSqlDatabase m_db;
    // Prepared once per table object, as ArticleTable does: an import puts
    // hundreds of pages through one.
    std::optional<SqlQuery> m_put;
};
