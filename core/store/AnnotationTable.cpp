#include "AnnotationTable.h"

#include "base/ProjectError.h"
#include "SqlQuery.h"
#include "text/TextOffsets.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <memory>

namespace {
const QString kScopeSpan = QStringLiteral("span");
const QString kScopeDocument = QStringLiteral("document");

// Rows come ordered by article, start and id; spans sharing a start are put
// in the order of their ends (then ids), which makes (article, start, end, id).
void orderSameStartByEnd(QList<Annotation> &list)
{
    for (auto from = list.begin(); from != list.end();) {
        const auto to = std::find_if(from + 1, list.end(), [&](const Annotation &a) {
            return a.articleId != from->articleId || a.start != from->start;
        });
        if (to - from > 1) {
            std::sort(from, to, [](const Annotation &a, const Annotation &b) {
                return a.end != b.end ? a.end < b.end : a.id < b.id;
            });
        }
        from = to;
    }
}
} // namespace

AnnotationTable::AnnotationTable(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<qint64> AnnotationTable::insert(const QList<NewAnnotation> &annotations,
                                      const std::function<qint64(const QString &)> &coderId,
                                      const QString &time)
{
    // Each article's text is read and indexed once per batch, and every
    // statement is prepared once.
    struct Source
    {
        QString text;
        TextOffsets offsets;
    };
    QSet<qint64> knownCodes;
    {
        SqlQuery q(m_db, QStringLiteral("SELECT id FROM codes"));
        q.exec();
        while (q.next())
            knownCodes.insert(q.value(0).toLongLong());
    }
    QHash<qint64, std::shared_ptr<const Source>> sources;
    SqlQuery text(m_db, QStringLiteral("SELECT text FROM articles WHERE id = ?"));
    SqlQuery insert(m_db, QStringLiteral(
                              "INSERT INTO annotations(article_id, coder_id, start, \"end\", quote, "
                              "prefix, suffix, note, actor_id, scope, is_primary, created_at, "
                              "modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    SqlQuery link(m_db, QStringLiteral(
                            "INSERT INTO annotation_codes(annotation_id, code_id) VALUES (?, ?) "
                            "ON CONFLICT DO NOTHING"));
    QList<qint64> ids;
    ids.reserve(annotations.size());
    for (const NewAnnotation &n : annotations) {
        auto &source = sources[n.articleId];
        if (!source) {
            text.bind(n.articleId).exec();
            if (!text.next())
                throw ProjectError(QStringLiteral("no article with id %1").arg(n.articleId));
            const QString t = text.value(0).toString();
            source = std::make_shared<const Source>(Source{t, TextOffsets(t)});
        }
        const TextOffsets &o = source->offsets;
        const qint64 start = n.document ? 0 : n.start;
        const qint64 end = n.document ? o.codePointCount() : n.end;
        insert.bind(n.articleId).bind(coderId(n.coderName)).bind(start).bind(end);
        if (n.document) {
            // The quote of a document-level code would be the whole text.
            checkSpan(o, start, end);
            insert.bind(QString()).bind(QString()).bind(QString());
        } else {
            const Excerpt e = excerpt(source->text, o, start, end);
            insert.bind(e.quote).bind(e.prefix).bind(e.suffix);
        }
        insert.bind(n.note).bind(SqlQuery::nullIfZero(n.actorId));
        insert.bind(n.document ? kScopeDocument : kScopeSpan).bind(n.primary ? 1 : 0);
        insert.bind(time).bind(time).exec();
        const qint64 id = insert.lastInsertId();
        for (qint64 codeId : n.codeIds) {
            if (!knownCodes.contains(codeId))
                throw ProjectError(QStringLiteral("no code with id %1").arg(codeId));
            link.bind(id).bind(codeId).exec();
        }
        ids << id;
    }
    return ids;
}

void AnnotationTable::checkSpan(const TextOffsets &o, qint64 start, qint64 end)
{
    if (start < 0 || end <= start)
        throw ProjectError(QStringLiteral("invalid span %1–%2: the end must come after the start")
                               .arg(start)
                               .arg(end));
    if (end > o.codePointCount())
        throw ProjectError(QStringLiteral("span %1–%2 lies outside the article (%3 characters)")
                               .arg(start)
                               .arg(end)
                               .arg(o.codePointCount()));
}

AnnotationTable::Excerpt AnnotationTable::excerpt(const QString &text, const TextOffsets &o,
                                                  qint64 start, qint64 end)
{
    checkSpan(o, start, end);
    const auto cut = [&](qint64 from, qint64 to) {
        const qsizetype a = o.toUtf16(from);
        return text.mid(a, o.toUtf16(to) - a);
    };
    return {cut(start, end), cut(qMax<qint64>(0, start - contextLength), start),
            cut(end, qMin<qint64>(o.codePointCount(), end + contextLength))};
}

void AnnotationTable::insertExact(const Annotation &a)
{
    SqlQuery q(m_db, QStringLiteral(
                         "INSERT INTO annotations(id, article_id, coder_id, start, \"end\", quote, "
                         "prefix, suffix, note, actor_id, scope, is_primary, created_at, modified_at) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.bind(a.id).bind(a.articleId).bind(a.coderId).bind(a.start).bind(a.end).bind(a.quote);
    q.bind(a.prefix).bind(a.suffix).bind(a.note).bind(SqlQuery::nullIfZero(a.actorId));
    q.bind(a.document ? kScopeDocument : kScopeSpan).bind(a.primary ? 1 : 0);
    q.bind(SqlQuery::formatTime(a.created)).bind(SqlQuery::formatTime(a.modified));
    q.exec();
    SqlQuery link(m_db, QStringLiteral(
                            "INSERT INTO annotation_codes(annotation_id, code_id) VALUES (?, ?)"));
    for (qint64 codeId : a.codeIds)
        link.bind(a.id).bind(codeId).exec();
}

int AnnotationTable::count() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM annotations")).toInt();
}

QList<Annotation> AnnotationTable::load(const QString &where, const QVariant &bound) const
{
    // One pass: the codes come along as a list, read through the primary
    // key of annotation_codes. Ordered as the article index is read (its
    // entries end in the id), so SQLite need not sort the rows; ties on the
    // start are settled afterwards.
    SqlQuery q(m_db, QStringLiteral(
                         "SELECT a.id, a.article_id, a.coder_id, c.name, a.start, a.\"end\", a.quote, "
                         "a.prefix, a.suffix, a.note, coalesce(a.actor_id, 0), "
                         "a.scope = 'document', a.is_primary, a.created_at, a.modified_at, "
                         "(SELECT group_concat(code_id) FROM annotation_codes WHERE annotation_id = a.id) "
                         "FROM annotations a JOIN coders c ON c.id = a.coder_id ")
                         + where + QStringLiteral(" ORDER BY a.article_id, a.start, a.id"));
    if (bound.isValid())
        q.bind(bound);
    q.exec();
    QList<Annotation> list;
    while (q.next()) {
        Annotation a;
        a.id = q.value(0).toLongLong();
        a.articleId = q.value(1).toLongLong();
        a.coderId = q.value(2).toLongLong();
        a.coderName = q.value(3).toString();
        a.start = q.value(4).toLongLong();
        a.end = q.value(5).toLongLong();
        a.quote = q.value(6).toString();
        a.prefix = q.value(7).toString();
        a.suffix = q.value(8).toString();
        a.note = q.value(9).toString();
        a.actorId = q.value(10).toLongLong();
        a.document = q.value(11).toInt() != 0;
        a.primary = q.value(12).toInt() != 0;
        a.created = SqlQuery::parseTime(q.value(13));
        a.modified = SqlQuery::parseTime(q.value(14));
        const QString codes = q.value(15).toString();
        for (QStringView id : QStringView(codes).split(QLatin1Char(','), Qt::SkipEmptyParts))
            a.codeIds.append(id.toLongLong());
        std::sort(a.codeIds.begin(), a.codeIds.end());
        list.append(std::move(a));
    }
    orderSameStartByEnd(list);
    return list;
}
