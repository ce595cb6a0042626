#include "ArticleSourceTable.h"

#include "base/ProjectError.h"
#include "SqlQuery.h"

ArticleSourceTable::ArticleSourceTable(const QSqlDatabase &db)
    : m_db(db)
{
}

void ArticleSourceTable::put(const ArticleSource &s)
{
    if (!m_put) {
        m_put.emplace(m_db, QStringLiteral("INSERT OR REPLACE INTO article_sources(article_id, url, "
                                           "fetched_at, content_type, html) VALUES (?,?,?,?,?)"));
    }
    SqlQuery &q = *m_put;
    // Pages are mostly markup and compress about five to ten times.
    q.bind(s.articleId).bind(s.url);
    q.bind(SqlQuery::formatTime(s.fetchedAt.isValid() ? s.fetchedAt
                                                      : QDateTime::currentDateTimeUtc()));
    q.bind(s.contentType).bind(qCompress(s.html, 9)).exec();
}

std::optional<ArticleSource> ArticleSourceTable::get(qint64 articleId) const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT url, fetched_at, content_type, html FROM article_sources "
                              "WHERE article_id = ?"));
    q.bind(articleId).exec();
    if (!q.next())
        return std::nullopt;
    ArticleSource s;
    s.articleId = articleId;
    s.url = q.value(0).toString();
    s.fetchedAt = SqlQuery::parseTime(q.value(1));
    s.contentType = q.value(2).toString();
    const QByteArray packed = q.value(3).toByteArray();
    s.html = qUncompress(packed);
    if (s.html.isEmpty() && !packed.isEmpty())
        throw ProjectError(
            QStringLiteral("the stored page of article %1 is damaged").arg(articleId));
    return s;
}
