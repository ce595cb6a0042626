#include "OffsetMapRepository.h"

namespace {
const QString kSelect
    = QStringLiteral("SELECT article_id, scheme, external_id, layout FROM article_offset_maps ");
const QString kPut = QStringLiteral(
    "INSERT INTO article_offset_maps(article_id, scheme, external_id, layout) VALUES (?,?,?,?) "
    "ON CONFLICT(article_id) DO UPDATE SET scheme = excluded.scheme, "
    "external_id = excluded.external_id, layout = excluded.layout");
const QString kSpans = QStringLiteral("SELECT annotation_id, start, \"end\", stored_start, "
                                      "stored_end FROM annotation_original_spans");
const QString kPutSpan = QStringLiteral(
    "INSERT INTO annotation_original_spans(annotation_id, start, \"end\", stored_start, "
    "stored_end) "
    "VALUES (?,?,?,?,?) ON CONFLICT(annotation_id) DO UPDATE SET start = excluded.start, "
    "\"end\" = excluded.\"end\", stored_start = excluded.stored_start, "
    "stored_end = excluded.stored_end");

ArticleOffsetMap read(SqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString()};
}
} // namespace

OffsetMapRepository::OffsetMapRepository(Database &db)
    : Repository(db)
{
}

QHash<qint64, ArticleOffsetMap> OffsetMapRepository::maps(const QString &scheme) const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("WHERE scheme = ?"));
    q.bind(scheme).exec();
    QHash<qint64, ArticleOffsetMap> out;
    while (q.next()) {
        const ArticleOffsetMap m = read(q);
        out.insert(m.articleId, m);
    }
    return out;
}

std::optional<ArticleOffsetMap> OffsetMapRepository::map(qint64 articleId) const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("WHERE article_id = ?"));
    q.bind(articleId).exec();
    if (!q.next())
        return std::nullopt;
    return read(q);
}

void OffsetMapRepository::put(const ArticleOffsetMap &map)
{
    write([&](ChangeSet &changes) {
        SqlQuery(sql(), kPut)
            .bind(map.articleId)
            .bind(map.scheme)
            .bind(map.externalId)
            .bind(map.layout)
            .exec();
        changes.modify(ChangeSet::Aggregate::Article, map.articleId);
    });
}

QList<ArticleOffsetMap> OffsetMapRepository::mapsOf(const QList<qint64> &articleIds) const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("WHERE article_id IN ") + idsIn());
    q.bind(idList(articleIds)).exec();
    QList<ArticleOffsetMap> out;
    while (q.next())
        out.append(read(q));
    return out;
}

QHash<qint64, OriginalSpan> OffsetMapRepository::originalSpans() const
{
    QHash<qint64, OriginalSpan> out;
    for (const OriginalSpan &s : loadSpans(QString(), {}))
        out.insert(s.annotationId, s);
    return out;
}

QList<OriginalSpan> OffsetMapRepository::originalSpansOf(const QList<qint64> &annotationIds) const
{
    return loadSpans(QStringLiteral(" WHERE annotation_id IN ") + idsIn(), {idList(annotationIds)});
}

QList<OriginalSpan> OffsetMapRepository::loadSpans(const QString &where, const QVariantList &binds) const
{
    SqlQuery q(sql(), kSpans + where);
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
    QList<OriginalSpan> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                    q.value(3).toLongLong(), q.value(4).toLongLong()});
    return out;
}

void OffsetMapRepository::putOriginalSpans(const QList<OriginalSpan> &spans)
{
    if (spans.isEmpty())
        return;
    write([&](ChangeSet &) {
        SqlQuery q(sql(), kPutSpan);
        for (const OriginalSpan &s : spans)
            q.bind(s.annotationId)
                .bind(s.start)
                .bind(s.end)
                .bind(s.storedStart)
                .bind(s.storedEnd)
                .exec();
    });
}
