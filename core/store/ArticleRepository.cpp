#include "ArticleRepository.h"

#include "AnnotationRepository.h"
#include "FeedRepository.h"
#include "MemoRepository.h"
#include "OffsetMapRepository.h"
#include "SqlDialect.h"
#include "base/ProjectError.h"
#include "text/SearchTerms.h"

#include <QCryptographicHash>
#include <QSet>

namespace {
using Aggregate = ChangeSet::Aggregate;

// Every statement of the aggregate (articles, article_sources, text_rewrites).
const QString kSelect = QStringLiteral(
    "SELECT id, uuid, title, outlet, author, published, url, language, text, content_hash, "
    "imported_at, origin FROM articles ");
const QString kByHash = QStringLiteral("SELECT id FROM articles WHERE content_hash = ?");
const QString kInsert = QStringLiteral(
    "INSERT INTO articles(uuid, title, outlet, author, published, url, language, text, "
    "content_hash, imported_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
const QString kInsertExact = QStringLiteral(
    "INSERT INTO articles(id, uuid, title, outlet, author, published, url, language, text, "
    "content_hash, imported_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
const QString kSummaries = QStringLiteral(
    "SELECT a.id, a.title, a.outlet, a.published, coalesce(n.annotations, 0) "
    "FROM articles a LEFT JOIN article_counts n ON n.article_id = a.id ");
const QString kCount = QStringLiteral("SELECT count(*) FROM articles");
const QString kDelete = QStringLiteral("DELETE FROM articles WHERE id = ?");
const QString kSourcePut = QStringLiteral(
    "INSERT INTO article_sources(article_id, url, fetched_at, content_type, html) "
    "VALUES (?,?,?,?,?) ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, "
    "fetched_at = excluded.fetched_at, content_type = excluded.content_type, html = excluded.html");
const QString kSourceGet = QStringLiteral(
    "SELECT url, fetched_at, content_type, html FROM article_sources WHERE article_id = ?");
const QString kPermitRewrite = QStringLiteral("INSERT INTO text_rewrites(article_id) VALUES (?)");
const QString kEndRewrite = QStringLiteral("DELETE FROM text_rewrites WHERE article_id = ?");
const QString kRewrite
    = QStringLiteral("UPDATE articles SET text = ?, content_hash = ? WHERE id = ?");
const QString kPendingCount = QStringLiteral("SELECT count(*) FROM fts_pending");

void bindSource(SqlQuery &q, const ArticleSource &s)
{
    // Pages are mostly markup and compress about five to ten times.
    q.bind(s.articleId).bind(s.url);
    q.bind(SqlQuery::formatTime(s.fetchedAt.isValid() ? s.fetchedAt : QDateTime::currentDateTimeUtc()));
    q.bind(s.contentType).bind(qCompress(s.html, 9)).exec();
}
} // namespace

ArticleRepository::ArticleRepository(Database &db, AnnotationRepository &annotations,
                                     MemoRepository &memos, FeedRepository &feeds,
                                     OffsetMapRepository &offsetMaps)
    : Repository(db)
    , m_annotations(annotations)
    , m_memos(memos)
    , m_feeds(feeds)
    , m_offsetMaps(offsetMaps)
{
}

QString ArticleRepository::contentHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

void ArticleRepository::checkText(const Article &a)
{
    const QString name = a.title.isEmpty() ? a.origin : a.title;
    if (a.text.contains(QLatin1Char('\r')))
        throw ProjectError(QStringLiteral("%1: the text holds carriage returns; line breaks must "
                                          "be plain newlines")
                               .arg(name));
    const char16_t *p = reinterpret_cast<const char16_t *>(a.text.constData());
    const qsizetype n = a.text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (QChar::isHighSurrogate(p[i]) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            ++i;
            continue;
        }
        if (QChar::isSurrogate(p[i]))
            throw ProjectError(QStringLiteral("%1: the text is not valid Unicode (an unpaired "
                                              "surrogate at position %2)")
                                   .arg(name)
                                   .arg(i));
    }
}

ArticleRepository::AddResult ArticleRepository::add(const Article &article)
{
    return addMany({article}).constFirst();
}

QList<ArticleRepository::AddResult> ArticleRepository::addMany(const QList<Article> &articles,
                                                               const QList<ArticleSource> &sources)
{
    for (const Article &a : articles)
        checkText(a);
    return write([&](ChangeSet &changes) {
        // Prepared once per batch: an import stores hundreds of articles in
        // one, and preparing each statement per article was measurable.
        SqlQuery byHash(sql(), kByHash);
        SqlQuery insert(sql(), returningId(kInsert));
        std::optional<SqlQuery> putSource;
        const QString time = Database::now();
        QList<AddResult> added;
        added.reserve(articles.size());
        for (qsizetype i = 0; i < articles.size(); ++i) {
            const Article &a = articles[i];
            const QString hash = a.contentHash.isEmpty() ? contentHash(a.text) : a.contentHash;
            byHash.bind(hash).exec();
            if (byHash.next()) {
                added.append({AddResult::Status::Duplicate, byHash.value(0).toLongLong()});
                continue;
            }
            insert.bind(a.uuid.isEmpty() ? Database::newUuid() : a.uuid);
            insert.bind(a.title).bind(a.outlet).bind(a.author).bind(a.published).bind(a.url);
            insert.bind(a.language).bind(a.text).bind(hash);
            insert.bind(a.importedAt.isValid() ? SqlQuery::formatTime(a.importedAt) : time);
            insert.bind(a.origin).exec();
            const qint64 id = insert.returnedId();
            added.append({AddResult::Status::Added, id});
            changes.add(Aggregate::Article, id);
            if (i < sources.size() && !sources[i].html.isEmpty()) {
                if (!putSource)
                    putSource.emplace(sql(), kSourcePut);
                ArticleSource source = sources[i];
                source.articleId = id;
                bindSource(*putSource, source);
            }
        }
        return added;
    });
}

QList<Article> ArticleRepository::load(const QString &where, const QVariantList &binds) const
{
    SqlQuery q(sql(), kSelect + where + QStringLiteral(" ORDER BY id"));
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
    QList<Article> list;
    while (q.next()) {
        Article a;
        a.id = q.value(0).toLongLong();
        a.uuid = q.value(1).toString();
        a.title = q.value(2).toString();
        a.outlet = q.value(3).toString();
        a.author = q.value(4).toString();
        a.published = q.value(5).toString();
        a.url = q.value(6).toString();
        a.language = q.value(7).toString();
        a.text = q.value(8).toString();
        a.contentHash = q.value(9).toString();
        a.importedAt = SqlQuery::parseTime(q.value(10));
        a.origin = q.value(11).toString();
        list.append(a);
    }
    return list;
}

std::optional<Article> ArticleRepository::get(qint64 id) const
{
    const QList<Article> found = load(QStringLiteral("WHERE id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<Article>(found.constFirst());
}

std::optional<Article> ArticleRepository::byUuid(const QString &uuid) const
{
    const QList<Article> found = load(QStringLiteral("WHERE uuid = ?"), {uuid});
    return found.isEmpty() ? std::nullopt : std::optional<Article>(found.constFirst());
}

QList<ArticleSummary> ArticleRepository::summaries() const
{
    QList<ArticleSummary> list;
    list.reserve(count()); // before the listing: a server connection has one result at a time
    SqlQuery q(sql(), kSummaries + QStringLiteral("ORDER BY a.id"));
    q.exec();
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toInt()});
    }
    return list;
}

QList<ArticleSummary> ArticleRepository::summaries(const QList<qint64> &ids) const
{
    SqlQuery q(sql(), kSummaries + QStringLiteral("WHERE a.id IN ") + idsIn()
                          + QStringLiteral(" ORDER BY a.id"));
    q.bind(idList(ids)).exec();
    QList<ArticleSummary> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toInt()});
    }
    return list;
}

QHash<qint64, qint64> ArticleRepository::codePointLengths() const
{
    SqlQuery q(sql(), QStringLiteral("SELECT id, length(text) FROM articles"));
    q.exec();
    QHash<qint64, qint64> lengths;
    while (q.next())
        lengths.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return lengths;
}

int ArticleRepository::count() const
{
    return SqlQuery::scalar(sql(), kCount).toInt();
}

std::optional<ArticleSource> ArticleRepository::source(qint64 articleId) const
{
    SqlQuery q(sql(), kSourceGet);
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
        throw ProjectError(QStringLiteral("the stored page of article %1 is damaged").arg(articleId));
    return s;
}

// ---------------------------------------------------------------- deleting

ArticleDeletion ArticleRepository::removalPreview(const QList<qint64> &ids) const
{
    ArticleDeletion d;
    d.articles = load(QStringLiteral("WHERE id IN ") + idsIn(), {idList(ids)});
    QList<qint64> found;
    for (const Article &a : std::as_const(d.articles)) {
        found.append(a.id);
        if (const auto s = source(a.id))
            d.sources.append(*s);
    }
    for (qint64 id : ids) {
        if (!found.contains(id))
            throw ProjectError(QStringLiteral("no article with id %1").arg(id));
    }
    QList<qint64> annotationIds;
    for (const Annotation &a : m_annotations.forArticles(found))
        annotationIds.append(a.id);
    d.annotations = m_annotations.records(annotationIds);
    d.memos = m_memos.forTargets(Memo::Target::Article, found)
        + m_memos.forTargets(Memo::Target::Annotation, annotationIds);
    d.feedItemLinks = m_feeds.itemsLinkedTo(found);
    d.offsetMaps = m_offsetMaps.mapsOf(found);
    return d;
}

ArticleDeletion ArticleRepository::remove(const QList<qint64> &ids)
{
    return write([&](ChangeSet &changes) {
        const ArticleDeletion d = removalPreview(ids);
        QList<qint64> memoIds;
        for (const Memo &m : d.memos)
            memoIds.append(m.id);
        m_memos.removeMany(memoIds);
        m_annotations.removeRecords(d.annotations);
        SqlQuery remove(sql(), kDelete);
        for (const Article &a : d.articles) {
            // Pages go by ON DELETE CASCADE, feed items' links by SET NULL.
            remove.bind(a.id).exec();
            changes.remove(Aggregate::Article, a.id);
        }
        for (const auto &link : d.feedItemLinks)
            changes.modify(Aggregate::FeedItem, link.first);
        return d;
    });
}

void ArticleRepository::restore(const ArticleDeletion &d)
{
    write([&](ChangeSet &changes) {
        SqlQuery insert(sql(), kInsertExact);
        for (const Article &a : d.articles) {
            insert.bind(a.id).bind(a.uuid).bind(a.title).bind(a.outlet).bind(a.author);
            insert.bind(a.published).bind(a.url).bind(a.language).bind(a.text);
            insert.bind(a.contentHash.isEmpty() ? contentHash(a.text) : a.contentHash);
            insert.bind(SqlQuery::formatTime(a.importedAt)).bind(a.origin).exec();
            changes.add(Aggregate::Article, a.id);
        }
        if (!d.sources.isEmpty()) {
            SqlQuery put(sql(), kSourcePut);
            for (const ArticleSource &s : d.sources)
                bindSource(put, s);
        }
        // The maps first: restored annotations bring their original spans.
        for (const ArticleOffsetMap &m : d.offsetMaps)
            m_offsetMaps.put(m);
        m_annotations.restoreMany(d.annotations);
        m_memos.restoreMany(d.memos);
        for (const auto &[item, article] : d.feedItemLinks)
            m_feeds.linkItem(item, article);
    });
}

// ---------------------------------------------------------------- rewriting

void ArticleRepository::rewriteText(const TextRewrite &r)
{
    Article probe;
    probe.title = QStringLiteral("article %1").arg(r.articleId);
    probe.text = r.text;
    checkText(probe);
    write([&](ChangeSet &changes) {
        const QList<Annotation> annotations = m_annotations.forArticle(r.articleId);
        for (const Annotation &a : annotations) {
            if (!a.document && !r.spans.contains(a.id))
                throw ProjectError(QStringLiteral("annotation %1 has no place in the new text").arg(a.id));
        }
        // The immutability trigger lets this one article through while
        // the permit row exists, inside this unit of work only.
        SqlQuery(sql(), kPermitRewrite).bind(r.articleId).exec();
        SqlQuery rewrite(sql(), kRewrite);
        rewrite.bind(r.text).bind(contentHash(r.text)).bind(r.articleId).exec();
        if (rewrite.rowsAffected() != 1)
            throw ProjectError(QStringLiteral("no article with id %1").arg(r.articleId));
        SqlQuery(sql(), kEndRewrite).bind(r.articleId).exec();
        changes.modify(Aggregate::Article, r.articleId);
        for (const Annotation &a : annotations) {
            if (a.document) {
                m_annotations.setDocumentSpan(a.id, r.text.toUcs4().size());
            } else {
                const auto span = r.spans.value(a.id);
                m_annotations.setSpan(a.id, span.first, span.second);
            }
        }
    });
}

// ---------------------------------------------------------------- search

QList<ArticleSearchHit> ArticleRepository::search(const QString &query, int limit) const
{
    QList<SearchTerms::Term> indexed;
    QStringList scanned;
    for (const SearchTerms::Term &term : SearchTerms::parse(query)) {
        if (SearchTerms::isUnspaced(term.text))
            scanned << term.text;
        else
            indexed << term;
    }
    const QString match = m_db.dialect().matchExpression(indexed);
    if (!scanned.isEmpty())
        return scan(scanned, match, limit);
    if (match.isEmpty())
        return {};
    SqlQuery q(sql(), m_db.dialect().searchArticles());
    q.bind(match).bind(limit).exec();
    QList<ArticleSearchHit> hits;
    while (q.next())
        hits.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return hits;
}

QList<ArticleSearchHit> ArticleRepository::scan(const QStringList &terms, const QString &match,
                                                int limit) const
{
    SqlQuery q(sql(), m_db.dialect().scanArticles(int(terms.size()), !match.isEmpty()));
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

int ArticleRepository::unindexedCount() const
{
    return SqlQuery::scalar(sql(), kPendingCount).toInt();
}

int ArticleRepository::indexPending(int maxArticles)
{
    return write([&](ChangeSet &) {
        // One bound for both steps, so exactly the rows indexed are forgotten.
        SqlQuery end(sql(), m_db.dialect().pendingChunkEnd());
        end.bind(maxArticles).exec();
        if (!end.next() || end.value(0).isNull())
            return 0;
        const qint64 bound = end.value(0).toLongLong();
        const QStringList steps = m_db.dialect().indexPendingUpTo();
        SqlQuery index(sql(), steps.at(0));
        index.bind(bound).exec();
        SqlQuery forget(sql(), steps.at(1));
        forget.bind(bound).exec();
        return forget.rowsAffected();
    });
}
