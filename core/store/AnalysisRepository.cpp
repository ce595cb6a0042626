#include "AnalysisRepository.h"

#include "SqlDialect.h"
#include "base/ProjectError.h"
#include "text/SearchTerms.h"
#include "text/TextOffsets.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QTextBoundaryFinder>
#include <algorithm>
#include <memory>
#include <sqlite3.h>
#include <vector>

namespace {
using Node = SegmentQuery::Node;
using Op = SegmentQuery::Op;
using Field = SegmentQuery::Field;
using Relation = SegmentQuery::Relation;

constexpr int kParagraph = 1;
constexpr int kSentence = 2;
const QChar kSeparator(0x1f);

QString segmentSelect(const SqlDialect &dialect)
{
    return QStringLiteral(
               "SELECT a.id, a.uuid, a.article_id, ar.title, ar.outlet, ar.published, a.start, "
               "a.\"end\", a.quote, a.prefix, a.suffix, "
               "(SELECT %1 FROM (SELECT co.name AS name FROM annotation_codes ac "
               "JOIN codes co ON co.id = ac.code_id WHERE ac.annotation_id = a.id ORDER BY "
               "co.name) n), "
               "cd.name, a.note, coalesce(act.name, ''), a.scope = 'document' "
               "FROM annotations a JOIN articles ar ON ar.id = a.article_id "
               "JOIN coders cd ON cd.id = a.coder_id LEFT JOIN actors act ON act.id = a.actor_id ")
        .arg(dialect.textAggregate(QStringLiteral("name"), kSeparator));
}
const QString kSegmentOrder = QStringLiteral(" ORDER BY a.article_id, a.start, a.\"end\", a.id");

const QString kCodeByName = QStringLiteral(
    "SELECT co.id, ca.name FROM codes co JOIN categories ca ON ca.id = co.category_id "
    "WHERE co.name = ?");
const QString kCategoryByName = QStringLiteral("SELECT id, kind FROM categories WHERE name = ?");
const QString kSubtree
    = QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) UNION SELECT c.id "
                     "FROM codes c JOIN sub ON c.parent_id = sub.id) "
                     "SELECT id FROM sub ORDER BY id");
const QString kActorByName = QStringLiteral("SELECT id FROM actors WHERE name = ? UNION SELECT "
                                            "actor_id FROM actor_aliases WHERE alias = ?");
const QString kCoderByName = QStringLiteral("SELECT id FROM coders WHERE name = ? COLLATE NOCASE");

// Articles waiting to be cut into sentences and paragraphs, in chunks.
const QString kArticlesWithoutUnits = QStringLiteral(
    "SELECT a.id, a.text FROM units_pending_articles p JOIN articles a ON a.id = p.article_id "
    "WHERE p.article_id > ? ORDER BY p.article_id LIMIT 500");
const QString kForgetUnits = QStringLiteral("DELETE FROM text_units WHERE article_id = ?");
const QString kInsertUnit
    = QStringLiteral("INSERT INTO text_units(article_id, kind, start, \"end\") VALUES (?,?,?,?)");
// The unit where a segment starts: the last one starting at or before it,
// else the article's first.
QString unitOf(int kind)
{
    return QStringLiteral(
               "coalesce((SELECT u.id FROM text_units u WHERE u.article_id = a.article_id AND "
               "u.kind = %1 AND u.start <= a.start ORDER BY u.start DESC LIMIT 1), "
               "(SELECT u.id FROM text_units u WHERE u.article_id = a.article_id AND u.kind = %1 "
               "ORDER BY u.start LIMIT 1))")
        .arg(kind);
}
const QString kPlaceSegments
    = QStringLiteral(
          "INSERT INTO segment_units(annotation_id, paragraph_id, sentence_id) "
          "SELECT a.id, %1, %2 FROM units_pending_segments p JOIN annotations a ON a.id = "
          "p.annotation_id ON CONFLICT(annotation_id) DO UPDATE SET "
          "paragraph_id = excluded.paragraph_id, sentence_id = excluded.sentence_id")
          .arg(unitOf(kParagraph), unitOf(kSentence));
const QString kPendingWork = QStringLiteral("SELECT EXISTS (SELECT 1 FROM units_pending_articles) "
                                            "OR EXISTS (SELECT 1 FROM units_pending_segments)");

QString literalIds(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Dates as stored (ISO 8601) compare as text on their first 4, 7 or 10 characters.
QString checkedDate(const Node &node, const QString &date)
{
    static const QRegularExpression iso(QStringLiteral("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"));
    if (!iso.match(date).hasMatch())
        throw SegmentQueryError(
            node.position,
            QStringLiteral("“%1” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD").arg(date));
    return date;
}

QString choice(const Node &node, const QString &field, const QStringList &allowed)
{
    const QString value = node.value.toLower();
    if (!allowed.contains(value))
        throw SegmentQueryError(node.position,
                                QStringLiteral("%1 must be one of %2, not “%3”")
                                    .arg(field, allowed.join(QStringLiteral(", ")), node.value));
    return value;
}

// The key a matrix column is grouped by, over annotations an, articles ar,
// coders cd and actors act.
QString dimensionKey(AnalysisDimension by, const SqlDialect &dialect)
{
    switch (by) {
    case AnalysisDimension::None:
        return QStringLiteral("''");
    case AnalysisDimension::Outlet:
        return QStringLiteral("ar.outlet");
    case AnalysisDimension::Month:
        return QStringLiteral("substr(ar.published, 1, 7)");
    case AnalysisDimension::Week:
        return dialect.isoWeek(QStringLiteral("ar.published"));
    case AnalysisDimension::Day:
        return QStringLiteral("substr(ar.published, 1, 10)");
    case AnalysisDimension::Coder:
        return QStringLiteral("cd.name");
    case AnalysisDimension::Article:
        return QStringLiteral("CAST(an.article_id AS TEXT)");
    case AnalysisDimension::Actor:
        return QStringLiteral("act.name");
    }
    return {};
}

QString dimensionJoins(AnalysisDimension by)
{
    switch (by) {
    case AnalysisDimension::Outlet:
    case AnalysisDimension::Month:
    case AnalysisDimension::Week:
    case AnalysisDimension::Day:
        return QStringLiteral(" JOIN articles ar ON ar.id = an.article_id");
    case AnalysisDimension::Coder:
        return QStringLiteral(" JOIN coders cd ON cd.id = an.coder_id");
    case AnalysisDimension::Actor:
        return QStringLiteral(" JOIN actors act ON act.id = an.actor_id");
    default:
        return {};
    }
}
} // namespace

AnalysisRepository::AnalysisRepository(Database &db)
    : Repository(db)
{
}

// ---------------------------------------------------------------- compiling

AnalysisRepository::Compiled AnalysisRepository::compile(const Node &node)
{
    switch (node.op) {
    case Op::Code:
        return compileCode(node);
    case Op::Filter:
        return compileFilter(node);
    case Op::Relation:
        return compileRelation(node);
    case Op::Saved:
        // Names the saved text lacks are found here: say in which query.
        try {
            return compile(node.children.at(0));
        } catch (const SegmentQueryError &e) {
            throw SegmentQueryError(
                node.position,
                QStringLiteral("in saved query “%1”: %2").arg(node.name, e.message()));
        }
    case Op::Not: {
        Compiled inner = compile(node.children.at(0));
        return {QStringLiteral("SELECT id FROM annotations WHERE id NOT IN (%1)").arg(inner.sql),
                inner.binds};
    }
    case Op::And:
    case Op::Or: {
        Compiled left = compile(node.children.at(0));
        Compiled right = compile(node.children.at(1));
        const QString op
            = node.op == Op::And ? QStringLiteral("INTERSECT") : QStringLiteral("UNION");
        return {QStringLiteral("SELECT id FROM (%1) %2 SELECT id FROM (%3)")
                    .arg(left.sql, op, right.sql),
                left.binds + right.binds};
    }
    }
    return {};
}

QList<qint64> AnalysisRepository::codeSubtree(qint64 codeId) const
{
    SqlQuery q(sql(), kSubtree);
    q.bind(codeId).exec();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

AnalysisRepository::Compiled AnalysisRepository::compileCode(const Node &node)
{
    SqlQuery code(sql(), kCodeByName);
    code.bind(node.name).exec();
    const bool found = code.next();
    if (found
        && (node.category.isEmpty()
            || code.value(1).toString().compare(node.category, Qt::CaseInsensitive) == 0)) {
        // A code stands for itself and its sub-codes.
        return {
            QStringLiteral(
                "SELECT DISTINCT annotation_id AS id FROM annotation_codes WHERE code_id IN (%1)")
                .arg(literalIds(codeSubtree(code.value(0).toLongLong()))),
            {}};
    }
    if (!node.category.isEmpty()) {
        SqlQuery category(sql(), kCategoryByName);
        category.bind(node.category).exec();
        const bool isCategory = category.next();
        const bool actorCategory = isCategory
            ? category.value(1).toString() == QLatin1String("actor")
            : node.category.compare(QLatin1String("actor"), Qt::CaseInsensitive) == 0;
        // In an actor category, a name that is no code there is an actor:
        // the segments linked to it.
        if (actorCategory) {
            const QList<qint64> actors = actorIds(node, node.name, false);
            if (!actors.isEmpty())
                return {QStringLiteral("SELECT id FROM annotations WHERE actor_id IN (%1)")
                            .arg(literalIds(actors)),
                        {}};
        }
        if (!isCategory && !actorCategory)
            throw SegmentQueryError(
                node.position,
                QStringLiteral("no category “%1” (fields are lower case: %2)")
                    .arg(node.category, QStringLiteral("coder:, outlet:, actor:…")));
        if (found)
            throw SegmentQueryError(node.position,
                                    QStringLiteral("the code “%1” is in category “%2”, not “%3”")
                                        .arg(node.name, code.value(1).toString(), node.category));
        throw SegmentQueryError(
            node.position,
            actorCategory
                ? QStringLiteral("no code or actor “%1” in “%2”").arg(node.name, node.category)
                : QStringLiteral("no code “%1” in “%2”").arg(node.name, node.category));
    }
    throw SegmentQueryError(node.position, QStringLiteral("no code “%1”").arg(node.name));
}

QList<qint64> AnalysisRepository::actorIds(const Node &node, const QString &name,
                                           bool required) const
{
    SqlQuery q(sql(), kActorByName);
    q.bind(name).bind(name).exec();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    if (ids.isEmpty() && required)
        throw SegmentQueryError(node.position, QStringLiteral("no actor “%1”").arg(name));
    return ids;
}

AnalysisRepository::Compiled AnalysisRepository::compileFilter(const Node &node)
{
    const QString &value = node.value;
    switch (node.field) {
    case Field::Code:
        return compileCode(node);
    case Field::Category: {
        SqlQuery category(sql(), kCategoryByName);
        category.bind(value).exec();
        if (!category.next())
            throw SegmentQueryError(node.position, QStringLiteral("no category “%1”").arg(value));
        return {QStringLiteral("SELECT DISTINCT ac.annotation_id AS id FROM annotation_codes ac "
                               "JOIN codes co ON co.id = ac.code_id WHERE co.category_id = %1")
                    .arg(category.value(0).toLongLong()),
                {}};
    }
    case Field::Coder: {
        SqlQuery coder(sql(), kCoderByName);
        coder.bind(value).exec();
        if (!coder.next())
            throw SegmentQueryError(node.position, QStringLiteral("no coder “%1”").arg(value));
        return {QStringLiteral("SELECT id FROM annotations WHERE coder_id = %1")
                    .arg(coder.value(0).toLongLong()),
                {}};
    }
    case Field::Outlet:
        return {QStringLiteral(
                    "SELECT an.id FROM annotations an JOIN articles ar ON ar.id = an.article_id "
                    "WHERE ar.outlet = ? COLLATE NOCASE"),
                {value}};
    case Field::Date: {
        const qsizetype dots = value.indexOf(QLatin1String(".."));
        if (dots >= 0) {
            const QString from = checkedDate(node, value.left(dots));
            const QString to = checkedDate(node, value.mid(dots + 2));
            return {
                QStringLiteral(
                    "SELECT an.id FROM annotations an JOIN articles ar ON ar.id = an.article_id "
                    "WHERE substr(ar.published, 1, %1) >= ? AND substr(ar.published, 1, %2) <= ?")
                    .arg(from.size())
                    .arg(to.size()),
                {from, to}};
        }
        const QString date = checkedDate(node, value);
        return {QStringLiteral(
                    "SELECT an.id FROM annotations an JOIN articles ar ON ar.id = an.article_id "
                    "WHERE substr(ar.published, 1, %1) = ?")
                    .arg(date.size()),
                {date}};
    }
    case Field::From:
    case Field::To: {
        const QString date = checkedDate(node, value);
        return {QStringLiteral(
                    "SELECT an.id FROM annotations an JOIN articles ar ON ar.id = an.article_id "
                    "WHERE ar.published <> '' AND substr(ar.published, 1, %1) %2 ?")
                    .arg(date.size())
                    .arg(node.field == Field::From ? QStringLiteral(">=") : QStringLiteral("<=")),
                {date}};
    }
    case Field::Actor: {
        const QString ids = literalIds(actorIds(node, value, true));
        return {QStringLiteral(
                    "SELECT id FROM annotations WHERE actor_id IN (%1) UNION SELECT annotation_id "
                    "FROM claims WHERE speaker_id IN (%1) OR target_id IN (%1)")
                    .arg(ids),
                {}};
    }
    case Field::Speaker:
    case Field::Target:
        return {QStringLiteral("SELECT annotation_id AS id FROM claims WHERE %1 IN (%2)")
                    .arg(node.field == Field::Speaker ? QStringLiteral("speaker_id")
                                                      : QStringLiteral("target_id"),
                         literalIds(actorIds(node, value, true))),
                {}};
    case Field::Stance:
        return {QStringLiteral("SELECT annotation_id AS id FROM claims WHERE stance = ?"),
                {choice(node, QStringLiteral("stance"),
                        {QStringLiteral("supports"), QStringLiteral("opposes"),
                         QStringLiteral("neutral")})}};
    case Field::Kind:
        return {QStringLiteral("SELECT annotation_id AS id FROM claims WHERE kind = ?"),
                {choice(node, QStringLiteral("kind"),
                        {QStringLiteral("fact"), QStringLiteral("opinion"),
                         QStringLiteral("prediction"), QStringLiteral("demand")})}};
    case Field::Status:
        return {
            QStringLiteral("SELECT annotation_id AS id FROM claims WHERE status = ?"),
            {choice(node, QStringLiteral("status"),
                    {QStringLiteral("unverified"), QStringLiteral("true"), QStringLiteral("false"),
                     QStringLiteral("misleading"), QStringLiteral("unverifiable")})}};
    case Field::Memo: {
        // The annotation's note, a memo on it, or a memo on its article.
        const QString like = likePattern(value);
        return {
            QStringLiteral(
                "SELECT id FROM annotations WHERE lower(note) LIKE lower(?) ESCAPE '\\' "
                "UNION SELECT target_id FROM memos WHERE target = 'annotation' AND "
                "(lower(title) LIKE lower(?) ESCAPE '\\' OR lower(body) LIKE lower(?) ESCAPE '\\') "
                "UNION SELECT an.id FROM memos m JOIN annotations an ON "
                "an.article_id = m.target_id "
                "WHERE m.target = 'article' AND (lower(m.title) LIKE lower(?) ESCAPE '\\' OR "
                "lower(m.body) LIKE lower(?) ESCAPE '\\')"),
            {like, like, like, like, like}};
    }
    case Field::Text:
        return {QStringLiteral(
                    "SELECT id FROM annotations WHERE lower(quote) LIKE lower(?) ESCAPE '\\'"),
                {likePattern(value)}};
    case Field::Article: {
        const QList<SearchTerms::Term> terms = SearchTerms::parse(value);
        if (terms.isEmpty())
            throw SegmentQueryError(node.position,
                                    QStringLiteral("“article:” needs a word to search for"));
        return {QStringLiteral("SELECT id FROM annotations WHERE article_id IN "
                               "%1")
                    .arg(m_db.dialect().matchingArticleIds()),
                {m_db.dialect().matchExpression(terms)}};
    }
    }
    return {};
}

AnalysisRepository::Compiled AnalysisRepository::compileRelation(const Node &node)
{
    Compiled left = compile(node.children.at(0));
    Compiled right = compile(node.children.at(1));
    const QVariantList binds = left.binds + right.binds;
    // The right side's "+" keeps SQLite from driving the inner search by its
    // id list (every right segment for every left one): the unit or article
    // index finds the few neighbours, and the list is only checked.
    if (node.relation == Relation::SameSentence || node.relation == Relation::SameParagraph) {
        const QString unit = node.relation == Relation::SameSentence
            ? QStringLiteral("sentence_id")
            : QStringLiteral("paragraph_id");
        return {
            QStringLiteral(
                "SELECT l.annotation_id AS id FROM segment_units l WHERE l.annotation_id IN (%1) "
                "AND EXISTS (SELECT 1 FROM segment_units r WHERE r.%3 = l.%3 AND "
                "r.annotation_id <> l.annotation_id AND +r.annotation_id IN (%2))")
                .arg(left.sql, right.sql, unit),
            binds};
    }
    QString condition;
    switch (node.relation) {
    case Relation::Overlaps:
        condition = QStringLiteral("r.start < l.\"end\" AND l.start < r.\"end\"");
        break;
    case Relation::Within:
        condition = QStringLiteral("r.start <= l.start AND l.\"end\" <= r.\"end\"");
        break;
    case Relation::Contains:
        condition = QStringLiteral("l.start <= r.start AND r.\"end\" <= l.\"end\"");
        break;
    case Relation::FollowedBy:
        condition = node.distance >= 0
            ? QStringLiteral("r.start >= l.\"end\" AND r.start - l.\"end\" <= %1")
                  .arg(node.distance)
            : QStringLiteral("r.start >= l.\"end\"");
        break;
    default:
        condition = QStringLiteral("1 = 1");
        break;
    }
    // The left segments are looked up by id in the narrow places index:
    // from the rows, tens of thousands of lookups read as many pages.
    return {QStringLiteral("SELECT l.id FROM annotations l%4 WHERE l.id IN (%1) AND EXISTS "
                           "(SELECT 1 FROM annotations r WHERE r.article_id = l.article_id AND "
                           "r.id <> l.id AND %3 AND +r.id IN (%2))")
                .arg(left.sql, right.sql, condition, places()),
            binds};
}

bool AnalysisRepository::needsUnits(const Node &node) const
{
    if (node.op == Op::Relation
        && (node.relation == Relation::SameSentence || node.relation == Relation::SameParagraph))
        return true;
    return std::any_of(node.children.begin(), node.children.end(),
                       [this](const Node &child) { return needsUnits(child); });
}

// ---------------------------------------------------------------- retrieval

QList<CodedSegment> AnalysisRepository::loadSegments(const QString &where,
                                                     const QVariantList &binds, int limit) const
{
    QString statement = segmentSelect(m_db.dialect()) + where + kSegmentOrder;
    if (limit >= 0)
        statement += QStringLiteral(" LIMIT %1").arg(limit);
    SqlQuery q(sql(), statement);
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
    QList<CodedSegment> list;
    while (q.next()) {
        CodedSegment s;
        s.annotationId = q.value(0).toLongLong();
        s.uuid = q.value(1).toString();
        s.articleId = q.value(2).toLongLong();
        s.articleTitle = q.value(3).toString();
        s.outlet = q.value(4).toString();
        s.published = q.value(5).toString();
        s.start = q.value(6).toLongLong();
        s.end = q.value(7).toLongLong();
        s.quote = q.value(8).toString();
        s.prefix = q.value(9).toString();
        s.suffix = q.value(10).toString();
        s.codes = q.value(11).toString().split(kSeparator, Qt::SkipEmptyParts);
        s.coder = q.value(12).toString();
        s.note = q.value(13).toString();
        s.actor = q.value(14).toString();
        s.document = q.value(15).toInt() != 0;
        list.append(std::move(s));
    }
    return list;
}

QList<CodedSegment> AnalysisRepository::segments(const SegmentQuery &query, int limit)
{
    if (needsUnits(query.root))
        prepareUnits();
    const Compiled c = compile(query.root);
    return loadSegments(QStringLiteral("WHERE a.id IN (%1)").arg(c.sql), c.binds, limit);
}

QList<CodedSegment> AnalysisRepository::firstCoded(const SegmentQuery &query, int limit)
{
    if (needsUnits(query.root))
        prepareUnits();
    const Compiled c = compile(query.root);
    return loadSegments(
        QStringLiteral("WHERE a.id IN (SELECT id FROM (%1) ORDER BY id LIMIT %2)").arg(c.sql).arg(limit),
        c.binds, -1);
}

int AnalysisRepository::countSegments(const SegmentQuery &query)
{
    if (needsUnits(query.root))
        prepareUnits();
    const Compiled c = compile(query.root);
    SqlQuery q(
        sql(),
        QStringLiteral("SELECT count(*) FROM annotations%2 WHERE id IN (%1)").arg(c.sql, places()));
    for (const QVariant &b : c.binds)
        q.bind(b);
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

AnalysisRepository::Page AnalysisRepository::page(const SegmentQuery &query, int limit)
{
    if (needsUnits(query.root))
        prepareUnits();
    const Compiled c = compile(query.root);
    // The ids in segments()' order, from the places index alone; only the
    // page's segments are then read with their quotes and context.
    SqlQuery q(sql(),
               QStringLiteral("SELECT s.id FROM annotations s%2 WHERE s.id IN (%1) "
                              "ORDER BY s.article_id, s.start, s.\"end\", s.id")
                   .arg(c.sql, places()));
    for (const QVariant &b : c.binds)
        q.bind(b);
    q.exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    Page page;
    page.total = int(ids.size());
    if (limit >= 0 && ids.size() > limit)
        ids.resize(limit);
    if (!ids.isEmpty())
        page.segments = segmentsByIds(ids);
    return page;
}

QString AnalysisRepository::places() const
{
    return m_db.dialect().indexedBy(QStringLiteral("annotations_places"));
}

void AnalysisRepository::check(const SegmentQuery &query)
{
    compile(query.root);
}

QList<CodedSegment> AnalysisRepository::segmentsByIds(const QList<qint64> &annotationIds) const
{
    return loadSegments(QStringLiteral("WHERE a.id IN ") + idsIn(),
                        {Repository::idList(annotationIds)}, -1);
}

QString AnalysisRepository::restriction(const std::optional<SegmentQuery> &restrict,
                                        QVariantList &binds, const QString &column)
{
    if (!restrict)
        return {};
    if (needsUnits(restrict->root))
        prepareUnits();
    const Compiled c = compile(restrict->root);
    binds += c.binds;
    return QStringLiteral(" AND %1 IN (%2)").arg(column, c.sql);
}

// ---------------------------------------------------------------- units

int AnalysisRepository::prepareUnits()
{
    if (SqlQuery::scalar(sql(), kPendingWork).toInt() == 0)
        return 0;
    if (m_db.isReadOnly())
        throw ProjectError(
            QStringLiteral("%1 is read-only and its sentences and paragraphs are not cut yet; "
                           "open it once where it can be written")
                .arg(m_db.path()));
    int cut = 0;
    write([&](ChangeSet &) {
        SqlQuery insert(sql(), kInsertUnit);
        SqlQuery forget(sql(), kForgetUnits);
        qint64 after = 0;
        for (;;) {
            SqlQuery q(sql(), kArticlesWithoutUnits);
            q.bind(after).exec();
            int rows = 0;
            while (q.next()) {
                ++rows;
                ++cut;
                const qint64 id = q.value(0).toLongLong();
                after = id;
                forget.bind(id).exec();
                const QString text = q.value(1).toString();
                const TextOffsets offsets(text);
                auto add = [&](int kind, qsizetype from, qsizetype to) {
                    insert.bind(id)
                        .bind(kind)
                        .bind(offsets.toCodePoint(from))
                        .bind(offsets.toCodePoint(to))
                        .exec();
                };
                bool anyParagraph = false;
                qsizetype lineStart = 0;
                while (lineStart <= text.size()) {
                    qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
                    if (lineEnd < 0)
                        lineEnd = text.size();
                    const QString line = text.mid(lineStart, lineEnd - lineStart);
                    if (!line.trimmed().isEmpty()) {
                        anyParagraph = true;
                        add(kParagraph, lineStart, lineEnd);
                        QTextBoundaryFinder sentences(QTextBoundaryFinder::Sentence, line);
                        qsizetype from = 0;
                        for (qsizetype next = sentences.toNextBoundary(); next > 0;
                             next = sentences.toNextBoundary()) {
                            add(kSentence, lineStart + from, lineStart + next);
                            from = next;
                        }
                    }
                    lineStart = lineEnd + 1;
                }
                if (!anyParagraph) {
                    add(kParagraph, 0, text.size());
                    add(kSentence, 0, text.size());
                }
            }
            if (rows == 0)
                break;
        }
        SqlQuery::run(sql(), QStringLiteral("DELETE FROM units_pending_articles"));
        SqlQuery::run(sql(), kPlaceSegments);
        SqlQuery::run(sql(), QStringLiteral("DELETE FROM units_pending_segments"));
    });
    return cut;
}

int AnalysisRepository::articleCount() const
{
    return SqlQuery::scalar(sql(), QStringLiteral("SELECT count(*) FROM articles")).toInt();
}

// ---------------------------------------------------------------- matrices

QList<FrequencyCell> AnalysisRepository::frequencies(AnalysisDimension by,
                                                     const std::optional<SegmentQuery> &restrict)
{
    QVariantList binds;
    const QString where = restriction(restrict, binds);
    const QString key = dimensionKey(by, m_db.dialect());
    const QString joins = dimensionJoins(by);

    // Column totals: articles in the column (every article of an outlet or
    // period; the coded ones for coders, actors and articles) and segments.
    QHash<QString, int> columnArticles, columnSegments;
    {
        QString statement;
        if (by == AnalysisDimension::None)
            statement = QStringLiteral("SELECT '', count(*) FROM articles");
        else if (by == AnalysisDimension::Outlet || by == AnalysisDimension::Month
                 || by == AnalysisDimension::Week || by == AnalysisDimension::Day)
            statement = QStringLiteral("SELECT %1, count(*) FROM articles ar GROUP BY 1").arg(key);
        else
            statement
                = QStringLiteral("SELECT %1, count(DISTINCT an.article_id) FROM annotations an%2 "
                                 "WHERE 1 = 1%3 GROUP BY 1")
                      .arg(key, joins, where);
        SqlQuery q(sql(), statement);
        if (!statement.contains(QLatin1String("FROM articles ar"))
            && by != AnalysisDimension::None) {
            for (const QVariant &b : binds)
                q.bind(b);
        }
        q.exec();
        while (q.next())
            columnArticles.insert(q.value(0).toString(), q.value(1).toInt());
    }
    // Without a restriction, outlets and periods come from the counts the
    // triggers keep (code_days): a few thousand rows, whatever the corpus.
    const bool kept = !restrict
        && (by == AnalysisDimension::None || by == AnalysisDimension::Outlet
            || by == AnalysisDimension::Month || by == AnalysisDimension::Week
            || by == AnalysisDimension::Day);
    const QString keptKey = by == AnalysisDimension::Outlet ? QStringLiteral("outlet")
        : by == AnalysisDimension::Month                    ? QStringLiteral("substr(day, 1, 7)")
        : by == AnalysisDimension::Week ? m_db.dialect().isoWeek(QStringLiteral("day"))
        : by == AnalysisDimension::Day  ? QStringLiteral("day")
                                        : QStringLiteral("''");
    const QString cells = kept
        ? QStringLiteral("SELECT code_id, %1, sum(segments), sum(articles), sum(characters) "
                         "FROM code_days WHERE segments > 0 GROUP BY 1, 2")
              .arg(keptKey)
        : QStringLiteral("SELECT ac.code_id, %1, count(*), count(DISTINCT "
                         "an.article_id), sum(an.\"end\" - an.start) "
                         "FROM annotation_codes ac JOIN annotations an ON an.id = "
                         "ac.annotation_id%2 WHERE 1 = 1%3 "
                         "GROUP BY ac.code_id, 2")
              .arg(key, joins, where);
    SqlQuery q(sql(), cells);
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
    QList<FrequencyCell> list;
    while (q.next()) {
        FrequencyCell c;
        c.codeId = q.value(0).toLongLong();
        c.column = q.value(1).toString();
        c.segments = q.value(2).toInt();
        c.articles = q.value(3).toInt();
        c.characters = q.value(4).toLongLong();
        columnSegments[c.column] += c.segments;
        list.append(c);
    }

    // Names and codebook order.
    struct CodeInfo
    {
        QString name, category;
        int categoryPosition = 0, position = 0;
    };
    QHash<qint64, CodeInfo> codes;
    SqlQuery names(
        sql(),
        QStringLiteral("SELECT co.id, co.name, ca.name, ca.position, co.position FROM codes co "
                       "JOIN categories ca ON ca.id = co.category_id"));
    names.exec();
    while (names.next())
        codes.insert(names.value(0).toLongLong(),
                     {names.value(1).toString(), names.value(2).toString(), names.value(3).toInt(),
                      names.value(4).toInt()});
    for (FrequencyCell &c : list) {
        const CodeInfo info = codes.value(c.codeId);
        c.code = info.name;
        c.category = info.category;
        c.columnArticles = columnArticles.value(c.column);
        c.columnSegments = columnSegments.value(c.column);
    }
    std::sort(list.begin(), list.end(), [&](const FrequencyCell &a, const FrequencyCell &b) {
        const CodeInfo &x = codes[a.codeId];
        const CodeInfo &y = codes[b.codeId];
        if (x.categoryPosition != y.categoryPosition)
            return x.categoryPosition < y.categoryPosition;
        if (x.category != y.category)
            return x.category < y.category;
        if (x.position != y.position)
            return x.position < y.position;
        if (a.code != b.code)
            return a.code < b.code;
        return a.column < b.column;
    });
    return list;
}

// ---------------------------------------------------------------- co-occurrence

QList<CodePair> AnalysisRepository::cooccurrence(CooccurrenceUnit unit,
                                                 const std::optional<SegmentQuery> &restrict)
{
    if (unit == CooccurrenceUnit::Sentence || unit == CooccurrenceUnit::Paragraph)
        prepareUnits();
    QVariantList binds;
    const QString where = restriction(restrict, binds);
    QHash<qint64, int> perCode;
    QHash<QPair<qint64, qint64>, int> both; // lower code id first
    qint64 total = 0;
    if (unit == CooccurrenceUnit::Overlap) {
        {
            SqlQuery t(
                sql(),
                QStringLiteral("SELECT count(*) FROM annotations an WHERE 1 = 1%1").arg(where));
            for (const QVariant &b : binds)
                t.bind(b);
            t.exec();
            total = t.next() ? t.value(0).toLongLong() : 0;
        }
        {
            SqlQuery q(
                sql(),
                QStringLiteral(
                    "SELECT ac.code_id, count(*) FROM annotation_codes ac JOIN annotations an "
                    "ON an.id = ac.annotation_id WHERE 1 = 1%1 GROUP BY ac.code_id")
                    .arg(where));
            for (const QVariant &b : binds)
                q.bind(b);
            q.exec();
            while (q.next())
                perCode.insert(q.value(0).toLongLong(), q.value(1).toInt());
        }
        QVariantList bindsB;
        const QString whereB = restriction(restrict, bindsB, QStringLiteral("bn.id"));
        SqlQuery q(
            sql(),
            QStringLiteral(
                "SELECT ca.code_id, cb.code_id, count(*) FROM annotations an "
                "JOIN annotations bn ON bn.article_id = an.article_id AND bn.start < an.\"end\" "
                "AND "
                "an.start < bn.\"end\" "
                "JOIN annotation_codes ca ON ca.annotation_id = an.id "
                "JOIN annotation_codes cb ON cb.annotation_id = bn.id AND cb.code_id > ca.code_id "
                "WHERE 1 = 1%1%2 GROUP BY 1, 2")
                .arg(where, whereB));
        for (const QVariant &b : binds + bindsB)
            q.bind(b);
        q.exec();
        while (q.next())
            both.insert({q.value(0).toLongLong(), q.value(1).toLongLong()}, q.value(2).toInt());
    } else {
        // (unit, code) rows streamed, sorted and counted here: one pass over
        // a narrow index, no grouping of millions of rows in SQL.
        QString rows;
        if (unit == CooccurrenceUnit::Article) {
            total = articleCount();
            rows = where.isEmpty()
                ? QStringLiteral("SELECT article_id, code_id FROM code_articles")
                : QStringLiteral("SELECT an.article_id, ac.code_id FROM annotation_codes ac "
                                 "JOIN annotations an ON an.id = ac.annotation_id WHERE 1 = 1%1")
                      .arg(where);
        } else {
            const int kind = unit == CooccurrenceUnit::Sentence ? kSentence : kParagraph;
            total = SqlQuery::scalar(
                        sql(),
                        QStringLiteral("SELECT count(*) FROM text_units WHERE kind = %1").arg(kind))
                        .toLongLong();
            rows = QStringLiteral("SELECT su.%1, ac.code_id FROM annotation_codes ac "
                                  "JOIN segment_units su ON su.annotation_id = ac.annotation_id%2")
                       .arg(kind == kSentence ? QStringLiteral("sentence_id")
                                              : QStringLiteral("paragraph_id"),
                            where.isEmpty()
                                ? QString()
                                : QStringLiteral(
                                      " JOIN annotations an ON an.id = ac.annotation_id WHERE 1")
                                    + where);
        }
        QHash<qint64, quint32> codeIndex;
        QList<qint64> codeOf;
        std::vector<quint64> packed;
        streamPairs(rows, binds, [&](qint64 unitId, qint64 codeId) {
            auto it = codeIndex.constFind(codeId);
            if (it == codeIndex.cend()) {
                it = codeIndex.insert(codeId, quint32(codeOf.size()));
                codeOf.append(codeId);
            }
            packed.push_back((quint64(unitId) << 20) | *it);
        });
        std::sort(packed.begin(), packed.end());
        packed.erase(std::unique(packed.begin(), packed.end()), packed.end());
        const qsizetype n = codeOf.size();
        std::vector<int> matrix(size_t(n * n), 0);
        std::vector<int> singles(size_t(n), 0);
        for (size_t from = 0; from < packed.size();) {
            size_t to = from;
            while (to < packed.size() && (packed[to] >> 20) == (packed[from] >> 20))
                ++to;
            for (size_t i = from; i < to; ++i) {
                const quint32 a = quint32(packed[i] & 0xfffff);
                ++singles[a];
                for (size_t j = i + 1; j < to; ++j)
                    ++matrix[size_t(a) * n + (packed[j] & 0xfffff)];
            }
            from = to;
        }
        for (qsizetype a = 0; a < n; ++a) {
            perCode.insert(codeOf[a], singles[size_t(a)]);
            for (qsizetype b = 0; b < n; ++b) {
                const int count = matrix[size_t(a * n + b)];
                if (count == 0)
                    continue;
                const qint64 x = codeOf[a], y = codeOf[b];
                both[{std::min(x, y), std::max(x, y)}] += count;
            }
        }
    }
    QHash<qint64, QString> names;
    {
        SqlQuery q(sql(), QStringLiteral("SELECT id, name FROM codes"));
        q.exec();
        while (q.next())
            names.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    QList<CodePair> list;
    for (auto it = both.cbegin(); it != both.cend(); ++it) {
        CodePair p;
        p.codeA = it.key().first;
        p.codeB = it.key().second;
        p.both = it.value();
        // Name order within a pair, so output does not depend on ids.
        if (names.value(p.codeB).compare(names.value(p.codeA), Qt::CaseInsensitive) < 0)
            std::swap(p.codeA, p.codeB);
        p.nameA = names.value(p.codeA);
        p.nameB = names.value(p.codeB);
        p.countA = perCode.value(p.codeA);
        p.countB = perCode.value(p.codeB);
        p.total = total;
        list.append(p);
    }
    std::sort(list.begin(), list.end(), [](const CodePair &a, const CodePair &b) {
        if (a.both != b.both)
            return a.both > b.both;
        if (a.nameA != b.nameA)
            return a.nameA.compare(b.nameA, Qt::CaseInsensitive) < 0;
        return a.nameB.compare(b.nameB, Qt::CaseInsensitive) < 0;
    });
    return list;
}

void AnalysisRepository::streamPairs(const QString &statement, const QVariantList &binds,
                                     const std::function<void(qint64, qint64)> &row) const
{
    const QVariant handle = sql().driver()->handle();
    sqlite3 *db = qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.data())
        : nullptr;
    if (!db) {
        // Another driver: the same rows through Qt.
        SqlQuery q(sql(), statement);
        for (const QVariant &b : binds)
            q.bind(b);
        q.exec();
        while (q.next())
            row(q.value(0).toLongLong(), q.value(1).toLongLong());
        return;
    }
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = statement.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        throw ProjectError(QStringLiteral("database error: %1 (in: %2)")
                               .arg(QString::fromUtf8(sqlite3_errmsg(db)), statement.left(200)));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> guard(stmt, sqlite3_finalize);
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &b = binds.at(i);
        if (b.typeId() == QMetaType::QString) {
            const QByteArray text = b.toString().toUtf8();
            sqlite3_bind_text(stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(stmt, i + 1, b.toLongLong());
        }
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        row(sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1));
    if (rc != SQLITE_DONE)
        throw ProjectError(QStringLiteral("database error: %1 (in: %2)")
                               .arg(QString::fromUtf8(sqlite3_errmsg(db)), statement.left(200)));
}

// ---------------------------------------------------------------- network

ActorNetwork AnalysisRepository::network(const std::optional<SegmentQuery> &restrict)
{
    ActorNetwork net;
    // The restriction, once per place it applies (each binds its own values).
    auto only = [&](const QString &column, QVariantList &binds) {
        return restriction(restrict, binds, column);
    };
    QHash<qint64, qsizetype> index;
    {
        QVariantList binds;
        const QString mentions = only(QStringLiteral("an.id"), binds);
        const QString made = only(QStringLiteral("c.annotation_id"), binds);
        const QString received = only(QStringLiteral("c.annotation_id"), binds);
        SqlQuery q(sql(),
                   QStringLiteral("SELECT ac.id, ac.uuid, ac.name, ac.kind, "
                                  "(SELECT count(*) FROM annotations an WHERE an.actor_id = ac.id%1), "
                                  "(SELECT count(*) FROM claims c WHERE c.speaker_id = ac.id%2), "
                                  "(SELECT count(*) FROM claims c WHERE c.target_id = ac.id%3) "
                                  "FROM actors ac ORDER BY ac.name COLLATE NOCASE, ac.id")
                       .arg(mentions, made, received));
        for (const QVariant &b : std::as_const(binds))
            q.bind(b);
        q.exec();
        while (q.next()) {
            ActorNetwork::Node n;
            n.actorId = q.value(0).toLongLong();
            n.uuid = q.value(1).toString();
            n.name = q.value(2).toString();
            n.kind = q.value(3).toString();
            n.mentions = q.value(4).toInt();
            n.claimsMade = q.value(5).toInt();
            n.claimsReceived = q.value(6).toInt();
            index.insert(n.actorId, net.nodes.size());
            net.nodes.append(n);
        }
    }
    {
        QVariantList binds;
        const QString mine = only(QStringLiteral("c.annotation_id"), binds);
        SqlQuery q(sql(),
                   QStringLiteral("SELECT c.speaker_id, c.target_id, c.stance, count(*) FROM claims c "
                                  "WHERE c.speaker_id IS NOT NULL AND c.target_id IS NOT NULL%1 "
                                  "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                       .arg(mine));
        for (const QVariant &b : std::as_const(binds))
            q.bind(b);
        q.exec();
        while (q.next()) {
            ActorNetwork::Edge e;
            e.type = ActorNetwork::Edge::Type::Claim;
            e.from = q.value(0).toLongLong();
            e.to = q.value(1).toLongLong();
            e.stance = q.value(2).toString();
            e.weight = q.value(3).toInt();
            net.edges.append(e);
        }
    }
    {
        // Actors named in an article: linked mentions, speakers and targets.
        QVariantList binds;
        const QString linked = only(QStringLiteral("an.id"), binds);
        const QString speakers = only(QStringLiteral("an.id"), binds);
        const QString targets = only(QStringLiteral("an.id"), binds);
        SqlQuery q(
            sql(),
            QStringLiteral(
                "WITH named AS (SELECT DISTINCT article_id, actor FROM ("
                "SELECT an.article_id, an.actor_id AS actor FROM annotations an WHERE an.actor_id IS NOT NULL%1 "
                "UNION ALL SELECT an.article_id, c.speaker_id FROM claims c JOIN annotations an "
                "ON an.id = c.annotation_id WHERE c.speaker_id IS NOT NULL%2 "
                "UNION ALL SELECT an.article_id, c.target_id FROM claims c JOIN annotations an "
                "ON an.id = c.annotation_id WHERE c.target_id IS NOT NULL%3)) "
                "SELECT x.actor, y.actor, count(*) FROM named x JOIN named y ON "
                "y.article_id = x.article_id AND y.actor > x.actor GROUP BY 1, 2 ORDER BY 1, 2")
                .arg(linked, speakers, targets));
        for (const QVariant &b : std::as_const(binds))
            q.bind(b);
        q.exec();
        while (q.next()) {
            ActorNetwork::Edge e;
            e.type = ActorNetwork::Edge::Type::CoMention;
            e.from = q.value(0).toLongLong();
            e.to = q.value(1).toLongLong();
            e.weight = q.value(2).toInt();
            net.edges.append(e);
        }
    }
    return net;
}
