#include "ArticleTable.h"

#include "SqlQuery.h"
#include "SqliteDialect.h"
#include "text/SearchTerms.h"

ArticleTable::ArticleTable(const QSqlDatabase &db)
    : m_db(db)
{
}

std::optional<qint64> ArticleTable::idByHash(const QString &hash) const
{
    if (!m_byHash)
        m_byHash.emplace(m_db, QStringLiteral("SELECT id FROM articles WHERE content_hash = ?"));
    SqlQuery &q = *m_byHash;
    q.bind(hash).exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 ArticleTable::insert(const Article &a, const QString &hash, const QDateTime &time)
{
    if (!m_insert) {
        m_insert.emplace(m_db, QStringLiteral("INSERT INTO articles(title, outlet, author, published, url, "
                                              "language, text, content_hash, imported_at, origin) "
                                              "VALUES (?,?,?,?,?,?,?,?,?,?)"));
    }
    SqlQuery &q = *m_insert;
    q.bind(a.title).bind(a.outlet).bind(a.author).bind(a.published).bind(a.url).bind(a.language);
    q.bind(a.text).bind(hash);
    q.bind(SqlQuery::formatTime(a.importedAt.isValid() ? a.importedAt : time));
    q.bind(a.origin).exec();
    return q.lastInsertId();
}

QList<ArticleSummary> ArticleTable::summaries() const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT a.id, a.title, a.outlet, a.published, "
                              "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id) "
                              "FROM articles a ORDER BY a.id"));
    q.exec();
    QList<ArticleSummary> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toInt()});
    }
    return list;
}

std::optional<Article> ArticleTable::load(qint64 id) const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT id, title, outlet, author, published, url, language, text, "
                              "content_hash, imported_at, origin FROM articles WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next())
        return std::nullopt;
    Article a;
    a.id = q.value(0).toLongLong();
    a.title = q.value(1).toString();
    a.outlet = q.value(2).toString();
    a.author = q.value(3).toString();
    a.published = q.value(4).toString();
    a.url = q.value(5).toString();
    a.language = q.value(6).toString();
    a.text = q.value(7).toString();
    a.contentHash = q.value(8).toString();
    a.importedAt = SqlQuery::parseTime(q.value(9));
    a.origin = q.value(10).toString();
    return a;
}

int ArticleTable::count() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM articles")).toInt();
}

QList<ArticleSearchHit> ArticleTable::search(const QString &query, int limit) const
{
    QList<SearchTerms::Term> indexed;
    QStringList scanned;
    for (const SearchTerms::Term &term : SearchTerms::parse(query)) {
        if (SearchTerms::isUnspaced(term.text))
            scanned << term.text;
        else
            indexed << term;
    }
    const QString match = SqliteDialect::matchExpression(indexed);
    if (!scanned.isEmpty())
        return scan(scanned, match, limit);
    if (match.isEmpty())
        return {};
    SqlQuery q(m_db, SqliteDialect::searchArticles());
    q.bind(match).bind(limit).exec();
    QList<ArticleSearchHit> hits;
    while (q.next())
        hits.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return hits;
}

QList<ArticleSearchHit> ArticleTable::scan(const QStringList &terms, const QString &match, int limit) const
{
    SqlQuery q(m_db, SqliteDialect::scanArticles(int(terms.size()), !match.isEmpty()));
    for (const QString &term : terms)
        q.bind(term);
    if (!match.isEmpty())
        q.bind(match);
    for (const QString &term : terms)
        q.bind(term);
    q.bind(limit).exec();
    QList<ArticleSearchHit> hits;
    while (q.next()) {
        hits.append({q.value(0).toLongLong(), q.value(1).toString(),
                     SearchTerms::snippetAround(q.value(2).toString(), terms)});
    }
    return hits;
}

int ArticleTable::pendingCount() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM fts_pending")).toInt();
}

int ArticleTable::indexPending(int maxArticles)
{
    // One bound for both steps, so exactly the rows indexed are forgotten.
    SqlQuery end(m_db, SqliteDialect::pendingChunkEnd());
    end.bind(maxArticles).exec();
    if (!end.next() || end.value(0).isNull())
        return 0;
    const qint64 bound = end.value(0).toLongLong();
    const QStringList steps = SqliteDialect::indexPendingUpTo();
    SqlQuery index(m_db, steps.at(0));
    index.bind(bound).exec();
    SqlQuery forget(m_db, steps.at(1));
    forget.bind(bound).exec();
    return forget.rowsAffected();
}
