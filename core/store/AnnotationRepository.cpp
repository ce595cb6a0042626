#include "AnnotationRepository.h"

#include "CoderRepository.h"
#include "OffsetMapRepository.h"
#include "SqlDialect.h"
#include "base/ProjectError.h"
#include "text/TextOffsets.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <memory>
#include <numeric>
#include <tuple>
#include <vector>

namespace {
using Aggregate = ChangeSet::Aggregate;

const QString kScopeSpan = QStringLiteral("span");
const QString kScopeDocument = QStringLiteral("document");

// Every statement of the aggregate (annotations, annotation_codes, claims).
// The ids of an annotation's codes, joined with commas.
QString codeIdsOf(const SqlDialect &dialect)
{
    return QStringLiteral("(SELECT %1 FROM annotation_codes WHERE annotation_id = a.id)")
        .arg(dialect.textAggregate(QStringLiteral("code_id"), QLatin1Char(',')));
}
QString selectSql(const SqlDialect &dialect)
{
    return QStringLiteral(
               "SELECT a.id, a.uuid, a.article_id, a.coder_id, c.name, a.start, a.\"end\", "
               "a.quote, "
               "a.prefix, a.suffix, a.note, coalesce(a.actor_id, 0), a.scope = 'document', "
               "a.is_primary, a.created_at, a.modified_at, %1 "
               "FROM annotations a JOIN coders c ON c.id = a.coder_id ")
        .arg(codeIdsOf(dialect));
}
// Ordered as the article index is read (its entries end in the id), so the
// database need not sort; ties on the start are settled afterwards.
const QString kOrder = QStringLiteral(" ORDER BY a.article_id, a.start, a.id");
const QString kInsert = QStringLiteral(
    "INSERT INTO annotations(uuid, article_id, coder_id, start, \"end\", quote, prefix, suffix, "
    "note, actor_id, scope, is_primary, created_at, modified_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
const QString kInsertExact = QStringLiteral(
    "INSERT INTO annotations(id, uuid, article_id, coder_id, start, \"end\", quote, prefix, "
    "suffix, note, actor_id, scope, is_primary, created_at, modified_at) VALUES ");
const QString kInsertExactRow = QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
const QString kLinkInto = QStringLiteral("INSERT INTO annotation_codes(annotation_id, code_id) VALUES ");
const QString kLinkRow = QStringLiteral("(?,?)");
const QString kLinkConflict = QStringLiteral(" ON CONFLICT DO NOTHING");
const QString kLink = kLinkInto + kLinkRow + kLinkConflict;
// Rows per multi-row INSERT when many are restored at once: one statement
// (one trigger program, one statement journal) per batch instead of per
// row, while 64 x 15 values stay far below any bound-parameter limit.
constexpr qsizetype kRowsPerInsert = 64;
const QString kUnlink
    = QStringLiteral("DELETE FROM annotation_codes WHERE annotation_id = ? AND code_id = ?");
const QString kUnlinkMany
    = QStringLiteral("DELETE FROM annotation_codes WHERE code_id = ? AND annotation_id IN ");
const QString kCodeCount
    = QStringLiteral("SELECT count(*) FROM annotation_codes WHERE annotation_id = ?");
const QString kKnownCode = QStringLiteral("SELECT 1 FROM codes WHERE id = ?");
const QString kAllCodes = QStringLiteral("SELECT id FROM codes");
// What adding annotations needs first, in one round trip (a team server's
// commit of one annotation had three for it): the first article's text,
// the first coder's id, and how many of the codes named exist.
const QString kInsertLookup = QStringLiteral(
    "SELECT (SELECT text FROM articles WHERE id = ?), (SELECT id FROM coders WHERE name = ?), "
    "(SELECT count(*) FROM codes WHERE id IN %1)");
const QString kArticleText = QStringLiteral("SELECT text FROM articles WHERE id = ?");
const QString kArticleOf = QStringLiteral("SELECT article_id FROM annotations WHERE id = ?");
const QString kSpanSource = QStringLiteral(
    "SELECT ar.text, an.scope FROM annotations an JOIN articles ar ON ar.id = an.article_id "
    "WHERE an.id = ?");
const QString kSetSpan = QStringLiteral(
    "UPDATE annotations SET start = ?, \"end\" = ?, quote = ?, prefix = ?, suffix = ?, "
    "modified_at = ? WHERE id = ?");
const QString kSetNote
    = QStringLiteral("UPDATE annotations SET note = ?, modified_at = ? WHERE id = ?");
const QString kSetActor
    = QStringLiteral("UPDATE annotations SET actor_id = ?, modified_at = ? WHERE id = ?");
const QString kActorOf
    = QStringLiteral("SELECT coalesce(actor_id, 0) FROM annotations WHERE id = ?");
const QString kSetPrimary
    = QStringLiteral("UPDATE annotations SET is_primary = ?, modified_at = ? WHERE id = ?");
const QString kTouch = QStringLiteral("UPDATE annotations SET modified_at = ? WHERE id = ?");
const QString kDeleteMany = QStringLiteral("DELETE FROM annotations WHERE id IN ");
const QString kCount = QStringLiteral("SELECT count(*) FROM annotations");
const QString kClaimSelect = QStringLiteral(
    "SELECT annotation_id, uuid, coalesce(coder_id, 0), coalesce(speaker_id, 0), "
    "coalesce(target_id, 0), stance, kind, status, evidence FROM claims ");
const QString kClaimSave = QStringLiteral(
    "INSERT INTO claims(annotation_id, uuid, coder_id, speaker_id, target_id, stance, kind, "
    "status, evidence) VALUES (?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT(annotation_id) DO UPDATE SET coder_id = excluded.coder_id, "
    "speaker_id = excluded.speaker_id, target_id = excluded.target_id, stance = excluded.stance, "
    "kind = excluded.kind, status = excluded.status, evidence = excluded.evidence");
const QString kClaimDelete = QStringLiteral("DELETE FROM claims WHERE annotation_id = ?");

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

// "head (row),(row),…tail" for n rows.
QString multiRow(const QString &head, const QString &row, qsizetype n, const QString &tail = {})
{
    QString sql = head;
    sql.reserve(head.size() + n * (row.size() + 1) + tail.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (i)
            sql += QLatin1Char(',');
        sql += row;
    }
    return sql + tail;
}

// Runs `bindRow` for each item in multi-row statements of kRowsPerInsert
// rows (the last one shorter), each statement prepared once.
template<typename T, typename Bind>
void insertInBatches(const QSqlDatabase &db, const QList<T> &items, const QString &head,
                     const QString &row, const QString &tail, Bind bindRow)
{
    std::unique_ptr<SqlQuery> full;
    for (qsizetype from = 0; from < items.size(); from += kRowsPerInsert) {
        const qsizetype n = std::min(kRowsPerInsert, items.size() - from);
        std::unique_ptr<SqlQuery> partial;
        SqlQuery *q = nullptr;
        if (n == kRowsPerInsert) {
            if (!full)
                full = std::make_unique<SqlQuery>(db, multiRow(head, row, n, tail));
            q = full.get();
        } else {
            partial = std::make_unique<SqlQuery>(db, multiRow(head, row, n, tail));
            q = partial.get();
        }
        for (qsizetype i = from; i < from + n; ++i)
            bindRow(*q, items[i]);
        q->exec();
    }
}

// (annotation, code) pairs into annotation_codes; a pair already there stays.
void insertLinks(const QSqlDatabase &db, const QList<std::pair<qint64, qint64>> &links)
{
    insertInBatches(db, links, kLinkInto, kLinkRow, kLinkConflict,
                    [](SqlQuery &q, const std::pair<qint64, qint64> &link) {
                        q.bind(link.first).bind(link.second);
                    });
}

QList<qint64> idsOf(const QList<AnnotationRecord> &records)
{
    QList<qint64> ids;
    ids.reserve(records.size());
    for (const AnnotationRecord &r : records)
        ids.append(r.annotation.id);
    return ids;
}
} // namespace

AnnotationRepository::AnnotationRepository(Database &db, CoderRepository &coders,
                                           OffsetMapRepository &offsetMaps)
    : Repository(db)
    , m_coders(coders)
    , m_offsetMaps(offsetMaps)
{
}

// ---------------------------------------------------------------- reading

QList<Annotation> AnnotationRepository::load(const QString &where, const QVariantList &binds) const
{
    SqlQuery q(sql(), selectSql(m_db.dialect()) + where + kOrder);
    for (const QVariant &value : binds)
        q.bind(value);
    q.exec();
    QList<Annotation> list;
    while (q.next()) {
        Annotation a;
        a.id = q.value(0).toLongLong();
        a.uuid = q.value(1).toString();
        a.articleId = q.value(2).toLongLong();
        a.coderId = q.value(3).toLongLong();
        a.coderName = q.value(4).toString();
        a.start = q.value(5).toLongLong();
        a.end = q.value(6).toLongLong();
        a.quote = q.value(7).toString();
        a.prefix = q.value(8).toString();
        a.suffix = q.value(9).toString();
        a.note = q.value(10).toString();
        a.actorId = q.value(11).toLongLong();
        a.document = q.value(12).toInt() != 0;
        a.primary = q.value(13).toInt() != 0;
        a.created = SqlQuery::parseTime(q.value(14));
        a.modified = SqlQuery::parseTime(q.value(15));
        const QString codes = q.value(16).toString();
        for (QStringView id : QStringView(codes).split(QLatin1Char(','), Qt::SkipEmptyParts))
            a.codeIds.append(id.toLongLong());
        std::sort(a.codeIds.begin(), a.codeIds.end());
        list.append(std::move(a));
    }
    orderSameStartByEnd(list);
    return list;
}

std::optional<Annotation> AnnotationRepository::get(qint64 id) const
{
    const QList<Annotation> found = load(QStringLiteral("WHERE a.id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<Annotation>(found.constFirst());
}

QList<Annotation> AnnotationRepository::forArticle(qint64 articleId) const
{
    return load(QStringLiteral("WHERE a.article_id = ?"), {articleId});
}

QList<Annotation> AnnotationRepository::forArticles(const QList<qint64> &articleIds) const
{
    return load(QStringLiteral("WHERE a.article_id IN ") + idsIn(), {idList(articleIds)});
}

QList<Annotation> AnnotationRepository::forCode(qint64 codeId) const
{
    return load(QStringLiteral(
                    "WHERE a.id IN (SELECT annotation_id FROM annotation_codes WHERE code_id = ?)"),
                {codeId});
}

QList<Annotation> AnnotationRepository::forCodes(const QList<qint64> &codeIds) const
{
    return load(QStringLiteral("WHERE a.id IN (SELECT annotation_id FROM annotation_codes WHERE "
                               "code_id IN ")
                    + idsIn() + QLatin1Char(')'),
                {idList(codeIds)});
}

std::optional<Annotation> AnnotationRepository::byUuid(const QString &uuid) const
{
    const QList<Annotation> found = load(QStringLiteral("WHERE a.uuid = ?"), {uuid});
    if (found.isEmpty())
        return std::nullopt;
    return found.front();
}

QList<AnnotationRepository::Place> AnnotationRepository::places() const
{
    // Two scans in id order, merged here: the places from their narrow
    // index and the code links from their primary key. A lookup of the codes
    // per annotation, or reading the rows themselves, costs several times as
    // much on a project with millions of annotations.
    SqlQuery q(sql(),
               QStringLiteral("SELECT id, article_id, coder_id, start, \"end\", scope = 'document' "
                              "FROM annotations%1 ORDER BY id")
                   .arg(m_db.dialect().indexedBy(QStringLiteral("annotations_places"))));
    q.exec();
    std::vector<qint64> ids;
    QList<Place> byId;
    while (q.next()) {
        ids.push_back(q.value(0).toLongLong());
        Place p;
        p.articleId = q.value(1).toLongLong();
        p.coderId = q.value(2).toLongLong();
        p.start = q.value(3).toLongLong();
        p.end = q.value(4).toLongLong();
        p.document = q.value(5).toInt() != 0;
        byId.append(std::move(p));
    }
    SqlQuery codes(sql(),
                   QStringLiteral("SELECT annotation_id, code_id FROM annotation_codes "
                                  "ORDER BY annotation_id, code_id"));
    codes.exec();
    size_t at = 0;
    while (codes.next()) {
        const qint64 annotation = codes.value(0).toLongLong();
        while (at < ids.size() && ids[at] < annotation)
            ++at;
        if (at < ids.size() && ids[at] == annotation)
            byId[qsizetype(at)].codeIds.append(codes.value(1).toLongLong());
    }
    // By article, then start, then id, as callers walk them.
    std::vector<qsizetype> order(ids.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const Place &x = byId[a];
        const Place &y = byId[b];
        return std::tie(x.articleId, x.start, ids[size_t(a)])
            < std::tie(y.articleId, y.start, ids[size_t(b)]);
    });
    QList<Place> list;
    list.reserve(byId.size());
    for (qsizetype i : order)
        list.append(std::move(byId[i]));
    return list;
}

QList<Annotation> AnnotationRepository::all() const
{
    return load(QString(), {});
}

int AnnotationRepository::count() const
{
    return SqlQuery::scalar(sql(), kCount).toInt();
}

QList<Claim> AnnotationRepository::loadClaims(const QString &where, const QVariantList &binds) const
{
    SqlQuery q(sql(), kClaimSelect + where);
    for (const QVariant &value : binds)
        q.bind(value);
    q.exec();
    QList<Claim> list;
    while (q.next()) {
        Claim c;
        c.annotationId = q.value(0).toLongLong();
        c.uuid = q.value(1).toString();
        c.coderId = q.value(2).toLongLong();
        c.speakerId = q.value(3).toLongLong();
        c.targetId = q.value(4).toLongLong();
        c.stance = q.value(5).toString();
        c.kind = q.value(6).toString();
        c.status = q.value(7).toString();
        c.evidence = q.value(8).toString();
        list.append(c);
    }
    return list;
}

QList<Claim> AnnotationRepository::claims() const
{
    return loadClaims(QString(), {});
}

std::optional<Claim> AnnotationRepository::claim(qint64 annotationId) const
{
    const QList<Claim> found = loadClaims(QStringLiteral("WHERE annotation_id = ?"), {annotationId});
    return found.isEmpty() ? std::nullopt : std::optional<Claim>(found.constFirst());
}

AnnotationRecord AnnotationRepository::record(qint64 id) const
{
    const QList<AnnotationRecord> found = records({id});
    if (found.isEmpty())
        throw ProjectError(QStringLiteral("no annotation with id %1").arg(id));
    return found.constFirst();
}

QList<AnnotationRecord> AnnotationRepository::records(const QList<qint64> &ids) const
{
    const QVariant list = idList(ids);
    const QList<Annotation> found = load(QStringLiteral("WHERE a.id IN ") + idsIn(), {list});
    QHash<qint64, Claim> claims;
    for (const Claim &c : loadClaims(QStringLiteral("WHERE annotation_id IN ") + idsIn(), {list}))
        claims.insert(c.annotationId, c);
    QHash<qint64, OriginalSpan> spans;
    for (const OriginalSpan &s : m_offsetMaps.originalSpansOf(ids))
        spans.insert(s.annotationId, s);
    QList<AnnotationRecord> out;
    out.reserve(found.size());
    for (const Annotation &a : found) {
        const auto claim = claims.constFind(a.id);
        const auto span = spans.constFind(a.id);
        out.append({a, claim == claims.constEnd() ? std::nullopt : std::optional<Claim>(*claim),
                    span == spans.constEnd() ? std::nullopt : std::optional<OriginalSpan>(*span)});
    }
    return out;
}

// ---------------------------------------------------------------- spans

void AnnotationRepository::checkSpan(const TextOffsets &o, qint64 start, qint64 end)
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

AnnotationRepository::Excerpt AnnotationRepository::excerpt(const QString &text, const TextOffsets &o,
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

// ---------------------------------------------------------------- change records

void AnnotationRepository::noteModified(ChangeSet &changes, qint64 annotationId, qint64 articleId)
{
    changes.modify(Aggregate::Annotation, annotationId);
    changes.touchAnnotationsOf(articleId);
}

void AnnotationRepository::noteAddedOrRemoved(ChangeSet &changes, const Annotation &a, bool added,
                                              const std::optional<Claim> &claim)
{
    if (added)
        changes.add(Aggregate::Annotation, a.id);
    else
        changes.remove(Aggregate::Annotation, a.id);
    changes.touchAnnotationsOf(a.articleId);
    for (qint64 code : a.codeIds)
        changes.touchCodeUsage(code);
    if (a.actorId)
        changes.touchActorUsage(a.actorId);
    if (claim) {
        for (qint64 actor : {claim->speakerId, claim->targetId}) {
            if (actor)
                changes.touchActorUsage(actor);
        }
    }
}

// ---------------------------------------------------------------- creating

Annotation AnnotationRepository::add(const NewAnnotation &annotation)
{
    return insert({annotation}).constFirst();
}

QList<qint64> AnnotationRepository::addMany(const QList<NewAnnotation> &annotations)
{
    QList<qint64> ids;
    ids.reserve(annotations.size());
    for (const Annotation &a : insert(annotations))
        ids << a.id;
    return ids;
}

void AnnotationRepository::lookUp(qint64 articleId, const QString &coder,
                                  const QSet<qint64> &codeSet, qsizetype count,
                                  const QString &newIds,
                                  QHash<qint64, AnnotationLookups::SourcePtr> &sources,
                                  QHash<QString, AnnotationLookups::CoderId> &coders,
                                  QList<qint64> &ids)
{
    // New ids unless reserved ones were left, then some for the next
    // commits too where they are kept (one lookup serves that many commits
    // of one annotation).
    constexpr qsizetype kReserve = 32;
    const qsizetype asked = !ids.isEmpty() ? 0 : count + (m_lookups.isEnabled() ? kReserve : 0);
    const QList<qint64> codeIds(codeSet.cbegin(), codeSet.cend());
    SqlQuery lookup(sql(),
                    kInsertLookup.arg(idsIn())
                        + (newIds.isEmpty() ? QString() : QStringLiteral(", ") + newIds));
    lookup.bind(articleId).bind(coder).bind(idList(codeIds));
    if (!newIds.isEmpty())
        lookup.bind(asked);
    // Ahead of the unit's BEGIN where that is still held: an article's text
    // never changes, a new id is new outside the transaction too, and a code
    // deleted meanwhile fails the link.
    lookup.execAhead();
    lookup.next();
    if (!newIds.isEmpty()) {
        QList<qint64> reserved;
        for (QStringView id : lookup.value(3).toString().tokenize(u',', Qt::SkipEmptyParts))
            reserved << id.toLongLong();
        if (reserved.size() != asked)
            throw ProjectError(QStringLiteral("database error: %1 new annotation ids asked for, "
                                              "%2 given")
                                   .arg(asked)
                                   .arg(reserved.size()));
        if (asked > 0) {
            ids = reserved.first(count);
            m_lookups.keepIds(reserved.sliced(count));
        }
    }
    if (!lookup.value(0).isNull())
        sources.insert(articleId, m_lookups.learnSource(articleId, lookup.value(0).toString()));
    if (!lookup.value(1).isNull()) {
        const AnnotationLookups::CoderId id {lookup.value(1).toLongLong(), coder};
        coders.insert(coder, id);
        m_lookups.learnCoder(coder, id);
    }
    if (lookup.value(2).toLongLong() == codeIds.size()) {
        m_lookups.learnCodes(codeSet);
        return;
    }
    // Which one: the rare case, so a second look.
    QSet<qint64> known;
    SqlQuery q(sql(), kAllCodes);
    q.exec();
    while (q.next())
        known.insert(q.value(0).toLongLong());
    for (qint64 codeId : codeIds) {
        if (!known.contains(codeId))
            throw ProjectError(QStringLiteral("no code with id %1").arg(codeId));
    }
}

QList<Annotation> AnnotationRepository::insert(const QList<NewAnnotation> &annotations)
{
    bool fromLookups = false;
    try {
        return insertOnce(annotations, fromLookups);
    } catch (const ProjectError &) {
        // What was kept may be gone: another coder deleted the code or the
        // article an instant ago, unheard yet (its foreign key failed the
        // commit, which stored nothing). Asking the server names it.
        if (!fromLookups || m_db.isLost())
            throw;
        m_lookups.clear();
        return insertOnce(annotations, fromLookups);
    }
}

QList<Annotation> AnnotationRepository::insertOnce(const QList<NewAnnotation> &annotations,
                                                   bool &fromLookups)
{
    fromLookups = false;
    return write([&](ChangeSet &changes) {
        // Each article's text is read and indexed once per batch, and every
        // statement is prepared once.
        // New coders are created before any statement of the batch runs:
        // SQLite opens no savepoint (ensure's unit) while a SELECT is pending.
        // (id, name as stored) of each coder named.
        QHash<QString, AnnotationLookups::CoderId> coders;
        const auto coderName = [&](const QString &name) {
            return name.trimmed().isEmpty() ? m_coders.current() : name.trimmed();
        };
        QHash<qint64, AnnotationLookups::SourcePtr> sources;
        // On PostgreSQL the lookup also takes the new rows' ids, so their
        // INSERTs need not be waited for (deferred; see DeferredStatements).
        const QString newIds = m_db.dialect().newIds(QStringLiteral("annotations"));
        QList<qint64> ids;
        QSet<qint64> codeSet;
        for (const NewAnnotation &n : annotations)
            codeSet.unite(QSet<qint64>(n.codeIds.cbegin(), n.codeIds.cend()));
        if (!annotations.isEmpty()) {
            const NewAnnotation &first = annotations.constFirst();
            const QString coder = coderName(first.coderName);
            // All the lookup would tell may be known already.
            const AnnotationLookups::SourcePtr source = m_lookups.source(first.articleId);
            const std::optional<AnnotationLookups::CoderId> known = m_lookups.coder(coder);
            if (!newIds.isEmpty())
                ids = m_lookups.takeIds(annotations.size());
            if (!ids.isEmpty() && source && known && m_lookups.knowsCodes(codeSet)) {
                sources.insert(first.articleId, source);
                coders.insert(coder, *known);
                fromLookups = true;
            } else {
                lookUp(first.articleId, coder, codeSet, annotations.size(), newIds, sources, coders,
                       ids);
            }
        }
        for (const NewAnnotation &n : annotations) {
            const QString coder = coderName(n.coderName);
            if (coders.contains(coder))
                continue;
            if (const auto known = m_coders.byName(coder))
                coders.insert(coder, {known->id, known->name});
            else
                coders.insert(coder, {m_coders.ensure(coder), coder});
            // (A coder made here that rolls back fails a later commit's
            // foreign key, which then asks again.)
            m_lookups.learnCoder(coder, coders.value(coder));
        }
        SqlQuery text(sql(), kArticleText);
        SqlQuery insert(sql(),
                        ids.isEmpty() ? returningId(kInsert) : kInsertExact + kInsertExactRow);
        SqlQuery link(sql(), kLink);
        const QString time = Database::now();
        const QDateTime stamp = SqlQuery::parseTime(time);
        QList<Annotation> made;
        made.reserve(annotations.size());
        for (qsizetype i = 0; i < annotations.size(); ++i) {
            const NewAnnotation &n = annotations[i];
            auto &source = sources[n.articleId];
            if (!source && (source = m_lookups.source(n.articleId)))
                fromLookups = true;
            if (!source) {
                text.bind(n.articleId).exec();
                if (!text.next())
                    throw ProjectError(QStringLiteral("no article with id %1").arg(n.articleId));
                source = m_lookups.learnSource(n.articleId, text.value(0).toString());
            }
            if (n.codeIds.isEmpty())
                throw ProjectError(QStringLiteral("an annotation needs at least one code"));
            const TextOffsets &o = source->offsets;
            Annotation a;
            a.uuid = n.uuid.isEmpty() ? Database::newUuid() : n.uuid;
            a.articleId = n.articleId;
            std::tie(a.coderId, a.coderName) = coders.value(coderName(n.coderName));
            a.start = n.document ? 0 : n.start;
            a.end = n.document ? o.codePointCount() : n.end;
            if (n.document) {
                // The quote of a document-level code would be the whole text.
                checkSpan(o, a.start, a.end);
            } else {
                Excerpt e = excerpt(source->text, o, a.start, a.end);
                a.quote = std::move(e.quote);
                a.prefix = std::move(e.prefix);
                a.suffix = std::move(e.suffix);
            }
            a.note = n.note.isNull() ? QStringLiteral("") : n.note;
            a.actorId = n.actorId;
            a.document = n.document;
            a.primary = n.primary;
            a.created = a.modified = stamp;
            if (!ids.isEmpty())
                insert.bind(a.id = ids[i]);
            insert.bind(a.uuid).bind(a.articleId).bind(a.coderId).bind(a.start).bind(a.end);
            insert.bind(a.quote).bind(a.prefix).bind(a.suffix);
            insert.bind(a.note).bind(SqlQuery::nullIfZero(a.actorId));
            insert.bind(a.document ? kScopeDocument : kScopeSpan).bind(a.primary ? 1 : 0);
            insert.bind(time).bind(time);
            if (ids.isEmpty())
                a.id = insert.exec().returnedId();
            else
                insert.execDeferred();
            for (qint64 codeId : n.codeIds) {
                link.bind(a.id).bind(codeId).execDeferred(); // run at once on SQLite
                if (!a.codeIds.contains(codeId))
                    a.codeIds.append(codeId);
            }
            std::sort(a.codeIds.begin(), a.codeIds.end());
            noteAddedOrRemoved(changes, a, true, std::nullopt);
            made << std::move(a);
        }
        return made;
    });
}

void AnnotationRepository::restore(const AnnotationRecord &record)
{
    restoreMany({record});
}

void AnnotationRepository::restoreMany(const QList<AnnotationRecord> &records)
{
    write([&](ChangeSet &changes) {
        insertInBatches(sql(), records, kInsertExact, kInsertExactRow, {},
                        [](SqlQuery &insert, const AnnotationRecord &r) {
                            const Annotation &a = r.annotation;
                            insert.bind(a.id).bind(a.uuid.isEmpty() ? Database::newUuid() : a.uuid);
                            insert.bind(a.articleId).bind(a.coderId).bind(a.start).bind(a.end);
                            insert.bind(a.quote).bind(a.prefix).bind(a.suffix).bind(a.note);
                            insert.bind(SqlQuery::nullIfZero(a.actorId));
                            insert.bind(a.document ? kScopeDocument : kScopeSpan);
                            insert.bind(a.primary ? 1 : 0);
                            insert.bind(SqlQuery::formatTime(a.created));
                            insert.bind(SqlQuery::formatTime(a.modified));
                        });
        QList<std::pair<qint64, qint64>> links;
        QList<OriginalSpan> spans;
        for (const AnnotationRecord &r : records) {
            const Annotation &a = r.annotation;
            for (qint64 codeId : a.codeIds)
                links.append({a.id, codeId});
            if (r.claim)
                saveClaim(*r.claim);
            if (r.originalSpan)
                spans.append(*r.originalSpan);
            noteAddedOrRemoved(changes, a, true, r.claim);
        }
        insertLinks(sql(), links);
        m_offsetMaps.putOriginalSpans(spans);
    });
}

// ---------------------------------------------------------------- removing

AnnotationRecord AnnotationRepository::remove(qint64 id)
{
    const QList<AnnotationRecord> removed = removeMany({id});
    if (removed.isEmpty())
        throw ProjectError(QStringLiteral("no annotation with id %1").arg(id));
    return removed.constFirst();
}

QList<AnnotationRecord> AnnotationRepository::removeMany(const QList<qint64> &ids)
{
    return write([&](ChangeSet &) {
        const QList<AnnotationRecord> removed = records(ids);
        if (removed.size() != QSet<qint64>(ids.cbegin(), ids.cend()).size()) {
            const QList<qint64> found = idsOf(removed);
            for (qint64 id : ids) {
                if (!found.contains(id))
                    throw ProjectError(QStringLiteral("no annotation with id %1").arg(id));
            }
        }
        removeRecords(removed);
        return removed;
    });
}

void AnnotationRepository::removeRecords(const QList<AnnotationRecord> &records)
{
    write([&](ChangeSet &changes) {
        // One statement for all: SQLite then runs the cascades and triggers
        // as one program with one statement journal, not one per row.
        SqlQuery(sql(), kDeleteMany + idsIn()).bind(idList(idsOf(records))).exec();
        for (const AnnotationRecord &r : records)
            noteAddedOrRemoved(changes, r.annotation, false, r.claim);
    });
}

// ---------------------------------------------------------------- editing

qint64 AnnotationRepository::requireArticleOf(qint64 annotationId) const
{
    SqlQuery q(sql(), kArticleOf);
    q.bind(annotationId).exec();
    if (!q.next())
        throw ProjectError(QStringLiteral("no annotation with id %1").arg(annotationId));
    return q.value(0).toLongLong();
}

void AnnotationRepository::touch(qint64 annotationId, const QString &time)
{
    SqlQuery(sql(), kTouch).bind(time).bind(annotationId).exec();
}

void AnnotationRepository::addCode(qint64 annotationId, qint64 codeId)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        SqlQuery known(sql(), kKnownCode);
        known.bind(codeId).exec();
        if (!known.next())
            throw ProjectError(QStringLiteral("no code with id %1").arg(codeId));
        SqlQuery(sql(), kLink).bind(annotationId).bind(codeId).exec();
        touch(annotationId, Database::now());
        noteModified(changes, annotationId, article);
        changes.touchCodeUsage(codeId);
    });
}

void AnnotationRepository::removeCode(qint64 annotationId, qint64 codeId)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        SqlQuery count(sql(), kCodeCount);
        count.bind(annotationId).exec();
        count.next();
        if (count.value(0).toInt() <= 1)
            throw ProjectError(
                QStringLiteral("an annotation keeps at least one code; delete it instead"));
        SqlQuery(sql(), kUnlink).bind(annotationId).bind(codeId).exec();
        touch(annotationId, Database::now());
        noteModified(changes, annotationId, article);
        changes.touchCodeUsage(codeId);
    });
}

void AnnotationRepository::setSpan(qint64 annotationId, qint64 start, qint64 end)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        SqlQuery q(sql(), kSpanSource);
        q.bind(annotationId).exec();
        q.next();
        if (q.value(1).toString() == kScopeDocument)
            throw ProjectError(QStringLiteral("a code on the whole article has no span to change"));
        const QString text = q.value(0).toString();
        const Excerpt e = excerpt(text, TextOffsets(text), start, end);
        SqlQuery set(sql(), kSetSpan);
        set.bind(start).bind(end).bind(e.quote).bind(e.prefix).bind(e.suffix);
        set.bind(Database::now()).bind(annotationId).exec();
        noteModified(changes, annotationId, article);
    });
}

void AnnotationRepository::setDocumentSpan(qint64 annotationId, qint64 end)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        SqlQuery set(sql(), kSetSpan);
        set.bind(0).bind(end).bind(QString()).bind(QString()).bind(QString());
        set.bind(Database::now()).bind(annotationId).exec();
        noteModified(changes, annotationId, article);
    });
}

void AnnotationRepository::setNote(qint64 annotationId, const QString &note)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        SqlQuery(sql(), kSetNote).bind(note).bind(Database::now()).bind(annotationId).exec();
        noteModified(changes, annotationId, article);
    });
}

void AnnotationRepository::setActor(qint64 annotationId, qint64 actorId)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        SqlQuery before(sql(), kActorOf);
        before.bind(annotationId).exec();
        before.next();
        const qint64 previous = before.value(0).toLongLong();
        SqlQuery(sql(), kSetActor)
            .bind(SqlQuery::nullIfZero(actorId))
            .bind(Database::now())
            .bind(annotationId)
            .exec();
        noteModified(changes, annotationId, article);
        for (qint64 actor : {previous, actorId}) {
            if (actor)
                changes.touchActorUsage(actor);
        }
    });
}

void AnnotationRepository::setPrimary(qint64 annotationId, bool primary)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        SqlQuery(sql(), kSetPrimary)
            .bind(primary ? 1 : 0)
            .bind(Database::now())
            .bind(annotationId)
            .exec();
        noteModified(changes, annotationId, article);
    });
}

void AnnotationRepository::linkCode(const QList<qint64> &annotationIds, qint64 codeId)
{
    write([&](ChangeSet &changes) {
        QList<std::pair<qint64, qint64>> links;
        links.reserve(annotationIds.size());
        for (qint64 id : annotationIds) {
            links.append({id, codeId});
            changes.modify(Aggregate::Annotation, id);
        }
        insertLinks(sql(), links);
        changes.touchCodeUsage(codeId);
    });
}

void AnnotationRepository::unlinkCode(const QList<qint64> &annotationIds, qint64 codeId)
{
    write([&](ChangeSet &changes) {
        SqlQuery(sql(), kUnlinkMany + idsIn()).bind(codeId).bind(idList(annotationIds)).exec();
        for (qint64 id : annotationIds)
            changes.modify(Aggregate::Annotation, id);
        changes.touchCodeUsage(codeId);
    });
}

// ---------------------------------------------------------------- claims

void AnnotationRepository::saveClaim(const Claim &c)
{
    SqlQuery q(sql(), kClaimSave);
    q.bind(c.annotationId).bind(c.uuid.isEmpty() ? Database::newUuid() : c.uuid);
    q.bind(c.coderId ? c.coderId : m_coders.currentId());
    q.bind(SqlQuery::nullIfZero(c.speakerId)).bind(SqlQuery::nullIfZero(c.targetId));
    q.bind(c.stance).bind(c.kind);
    q.bind(c.status.isEmpty() ? QStringLiteral("unverified") : c.status).bind(c.evidence).exec();
}

void AnnotationRepository::setClaim(const Claim &c)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(c.annotationId);
        const auto before = claim(c.annotationId);
        saveClaim(c);
        noteModified(changes, c.annotationId, article);
        for (qint64 actor : {c.speakerId, c.targetId, before ? before->speakerId : 0,
                             before ? before->targetId : 0}) {
            if (actor)
                changes.touchActorUsage(actor);
        }
    });
}

void AnnotationRepository::clearClaim(qint64 annotationId)
{
    write([&](ChangeSet &changes) {
        const qint64 article = requireArticleOf(annotationId);
        const auto before = claim(annotationId);
        SqlQuery(sql(), kClaimDelete).bind(annotationId).exec();
        noteModified(changes, annotationId, article);
        if (before) {
            for (qint64 actor : {before->speakerId, before->targetId}) {
                if (actor)
                    changes.touchActorUsage(actor);
            }
        }
    });
}
