#include "CodebookTable.h"

#include "AnnotationTable.h"
#include "ClaimTable.h"
#include "base/ProjectError.h"
#include "SqlQuery.h"

#include <QSet>
#include <algorithm>
#include <iterator>
#include <limits>

namespace {
const QString kCodeColumns = QStringLiteral(
    "SELECT id, category_id, coalesce(parent_id, 0), name, description, colour, shortcut, position "
    "FROM codes");

// The code and everything below it, parents first (SQLite walks a
// recursive CTE breadth first).
const QString kSubtree
    = QStringLiteral("WITH RECURSIVE subtree(id) AS (SELECT ? UNION ALL "
                     "SELECT c.id FROM codes c JOIN subtree s ON c.parent_id = s.id) ");

int clampRow(int row, qsizetype size)
{
    return int(std::clamp<qsizetype>(row, 0, size));
}

// Distinct, legible on light and dark backgrounds; used for new codes.
const char *const kPalette[] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46a0a0",
                                "#c8288c", "#7f9e00", "#9a6324", "#2f7f9f", "#b04a4a", "#5a5ac8"};
} // namespace

CodebookTable::CodebookTable(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<Category> CodebookTable::loadCategories() const
{
    SqlQuery q(
        m_db,
        QStringLiteral(
            "SELECT id, name, kind, colour, position FROM categories ORDER BY position, id"));
    q.exec();
    QList<Category> list;
    while (q.next()) {
        Category c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.kind = Category::kindFromName(q.value(2).toString());
        c.colour = q.value(3).toString();
        c.position = q.value(4).toInt();
        list.append(c);
    }
    return list;
}

qint64 CodebookTable::insertCategory(const Category &c)
{
    SqlQuery q(
        m_db,
        QStringLiteral("INSERT INTO categories(name, kind, colour, position) VALUES (?,?,?,?)"));
    q.bind(c.name).bind(Category::kindName(c.kind));
    q.bind(c.colour.isEmpty() ? QStringLiteral("#888888") : c.colour).bind(c.position).exec();
    return q.lastInsertId();
}

qint64 CodebookTable::insertCode(const Code &c)
{
    QString colour = c.colour;
    if (colour.isEmpty()) {
        const int n = SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM codes")).toInt();
        colour = QString::fromLatin1(kPalette[n % std::size(kPalette)]);
    }
    SqlQuery q(
        m_db,
        QStringLiteral("INSERT INTO codes(category_id, parent_id, name, description, colour, "
                       "shortcut, position) VALUES (?,?,?,?,?,?,?)"));
    q.bind(c.categoryId).bind(SqlQuery::nullIfZero(c.parentId)).bind(c.name.trimmed());
    q.bind(c.description).bind(colour).bind(c.shortcut).bind(c.position).exec();
    return q.lastInsertId();
}

QList<Code> CodebookTable::loadCodes(const QString &where, const QVariant &bound) const
{
    SqlQuery q(m_db, kCodeColumns + QLatin1Char(' ') + where
                         + QStringLiteral(" ORDER BY category_id, position, id"));
    if (bound.isValid())
        q.bind(bound);
    q.exec();
    QList<Code> list;
    while (q.next()) {
        Code c;
        c.id = q.value(0).toLongLong();
        c.categoryId = q.value(1).toLongLong();
        c.parentId = q.value(2).toLongLong();
        c.name = q.value(3).toString();
        c.description = q.value(4).toString();
        c.colour = q.value(5).toString();
        c.shortcut = q.value(6).toString();
        c.position = q.value(7).toInt();
        list.append(c);
    }
    return list;
}

Code CodebookTable::requireCode(qint64 id) const
{
    const QList<Code> found = loadCodes(QStringLiteral("WHERE id = ?"), id);
    if (!found.isEmpty())
        return found.constFirst();
    throw ProjectError(QStringLiteral("no code with id %1").arg(id));
}

QList<qint64> CodebookTable::descendants(qint64 id) const
{
    SqlQuery q(m_db, kSubtree + QStringLiteral("SELECT id FROM subtree WHERE id <> ?"));
    q.bind(id).bind(id).exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void CodebookTable::validate(const Code &code) const
{
    const QString name = code.name.trimmed();
    if (name.isEmpty())
        throw ProjectError(QStringLiteral("a code needs a name"));
    SqlQuery same(m_db, QStringLiteral("SELECT name FROM codes WHERE name = ? AND id <> ?"));
    same.bind(name).bind(code.id).exec();
    if (same.next())
        throw ProjectError(
            QStringLiteral("a code named “%1” already exists").arg(same.value(0).toString()));
    if (!code.colour.isEmpty() && !Code::isColour(code.colour))
        throw ProjectError(QStringLiteral("“%1” is not a colour; use #rrggbb").arg(code.colour));
    const QString shortcut = code.shortcut.trimmed();
    if (shortcut.isEmpty())
        return;
    if (shortcut.size() > 32 || shortcut.contains(QLatin1Char('\n')))
        throw ProjectError(QStringLiteral("“%1” is not a usable shortcut").arg(shortcut));
    SqlQuery taken(
        m_db,
        QStringLiteral("SELECT name FROM codes WHERE shortcut = ? COLLATE NOCASE AND id <> ?"));
    taken.bind(shortcut).bind(code.id).exec();
    if (taken.next())
        throw ProjectError(QStringLiteral("the shortcut %1 is already used by “%2”")
                               .arg(shortcut, taken.value(0).toString()));
}

void CodebookTable::updateCategory(const Category &c)
{
    const QString name = c.name.trimmed();
    if (name.isEmpty())
        throw ProjectError(QStringLiteral("a category needs a name"));
    if (!Code::isColour(c.colour))
        throw ProjectError(QStringLiteral("“%1” is not a colour; use #rrggbb").arg(c.colour));
    SqlQuery same(m_db, QStringLiteral("SELECT name FROM categories WHERE name = ? AND id <> ?"));
    same.bind(name).bind(c.id).exec();
    if (same.next())
        throw ProjectError(
            QStringLiteral("a category named “%1” already exists").arg(same.value(0).toString()));
    SqlQuery q(m_db,
               QStringLiteral("UPDATE categories SET name = ?, kind = ?, colour = ? WHERE id = ?"));
    q.bind(name).bind(Category::kindName(c.kind)).bind(c.colour).bind(c.id).exec();
    if (q.rowsAffected() != 1)
        throw ProjectError(QStringLiteral("no category with id %1").arg(c.id));
}

void CodebookTable::moveCategory(qint64 id, int row)
{
    SqlQuery q(m_db, QStringLiteral("SELECT id FROM categories ORDER BY position, id"));
    q.exec();
    QList<qint64> order;
    while (q.next())
        order.append(q.value(0).toLongLong());
    if (!order.removeOne(id))
        throw ProjectError(QStringLiteral("no category with id %1").arg(id));
    order.insert(clampRow(row, order.size()), id);
    SqlQuery set(m_db, QStringLiteral("UPDATE categories SET position = ? WHERE id = ?"));
    for (int i = 0; i < order.size(); ++i)
        set.bind(i).bind(order[i]).exec();
}

void CodebookTable::removeCategory(qint64 id)
{
    SqlQuery codes(m_db, QStringLiteral("SELECT count(*) FROM codes WHERE category_id = ?"));
    codes.bind(id).exec();
    if (codes.next() && codes.value(0).toInt() > 0)
        throw ProjectError(
            QStringLiteral("only an empty category can be deleted; move or delete its "
                           "%1 codes first")
                .arg(codes.value(0).toInt()));
    SqlQuery q(m_db, QStringLiteral("DELETE FROM categories WHERE id = ?"));
    q.bind(id).exec();
    if (q.rowsAffected() != 1)
        throw ProjectError(QStringLiteral("no category with id %1").arg(id));
}

void CodebookTable::restoreCategory(const Category &c)
{
    SqlQuery q(m_db,
               QStringLiteral(
                   "INSERT INTO categories(id, name, kind, colour, position) VALUES (?,?,?,?,?)"));
    q.bind(c.id)
        .bind(c.name)
        .bind(Category::kindName(c.kind))
        .bind(c.colour)
        .bind(c.position)
        .exec();
}

void CodebookTable::updateCode(const Code &code)
{
    requireCode(code.id);
    if (code.colour.isEmpty())
        throw ProjectError(QStringLiteral("a code needs a colour"));
    validate(code);
    SqlQuery q(
        m_db,
        QStringLiteral(
            "UPDATE codes SET name = ?, description = ?, colour = ?, shortcut = ? WHERE id = ?"));
    q.bind(code.name.trimmed())
        .bind(code.description)
        .bind(code.colour)
        .bind(code.shortcut.trimmed());
    q.bind(code.id).exec();
}

void CodebookTable::moveCode(qint64 id, qint64 categoryId, qint64 parentId, int row)
{
    const Code code = requireCode(id);
    if (parentId) {
        if (parentId == id || descendants(id).contains(parentId))
            throw ProjectError(
                QStringLiteral("“%1” cannot go inside itself or one of its sub-codes")
                    .arg(code.name));
        categoryId = requireCode(parentId).categoryId; // a sub-code lives in its parent's category
    }
    SqlQuery category(m_db, QStringLiteral("SELECT 1 FROM categories WHERE id = ?"));
    category.bind(categoryId).exec();
    if (!category.next())
        throw ProjectError(QStringLiteral("no category with id %1").arg(categoryId));

    SqlQuery siblings(
        m_db,
        QStringLiteral("SELECT id FROM codes WHERE category_id = ? AND coalesce(parent_id, 0) = ? "
                       "AND id <> ? ORDER BY position, id"));
    siblings.bind(categoryId).bind(parentId).bind(id).exec();
    QList<qint64> order;
    while (siblings.next())
        order.append(siblings.value(0).toLongLong());
    order.insert(clampRow(row, order.size()), id);
    SqlQuery set(m_db,
                 QStringLiteral(
                     "UPDATE codes SET category_id = ?, parent_id = ?, position = ? WHERE id = ?"));
    for (int i = 0; i < order.size(); ++i)
        set.bind(categoryId).bind(SqlQuery::nullIfZero(parentId)).bind(i).bind(order[i]).exec();
    if (categoryId != code.categoryId) {
        SqlQuery follow(m_db, QStringLiteral("UPDATE codes SET category_id = ? WHERE id = ?"));
        for (qint64 child : descendants(id))
            follow.bind(categoryId).bind(child).exec();
    }
}

CodebookLayout CodebookTable::layout() const
{
    return {loadCategories(), loadCodes()};
}

void CodebookTable::restoreLayout(const CodebookLayout &layout)
{
    SqlQuery category(m_db, QStringLiteral("UPDATE categories SET position = ? WHERE id = ?"));
    for (const Category &c : layout.categories)
        category.bind(c.position).bind(c.id).exec();
    SqlQuery code(
        m_db,
        QStringLiteral(
            "UPDATE codes SET category_id = ?, parent_id = ?, position = ? WHERE id = ?"));
    for (const Code &c : layout.codes)
        code.bind(c.categoryId)
            .bind(SqlQuery::nullIfZero(c.parentId))
            .bind(c.position)
            .bind(c.id)
            .exec();
}

void CodebookTable::insertCodeExact(const Code &c)
{
    SqlQuery q(
        m_db,
        QStringLiteral("INSERT INTO codes(id, category_id, parent_id, name, description, colour, "
                       "shortcut, position) VALUES (?,?,?,?,?,?,?,?)"));
    q.bind(c.id).bind(c.categoryId).bind(SqlQuery::nullIfZero(c.parentId)).bind(c.name);
    q.bind(c.description).bind(c.colour).bind(c.shortcut).bind(c.position).exec();
}

void CodebookTable::link(qint64 annotationId, qint64 codeId)
{
    SqlQuery(m_db,
             QStringLiteral("INSERT INTO annotation_codes(annotation_id, code_id) VALUES (?, ?)"))
        .bind(annotationId)
        .bind(codeId)
        .exec();
}

CodeMerge CodebookTable::merge(qint64 sourceId, qint64 targetId)
{
    if (sourceId == targetId)
        throw ProjectError(QStringLiteral("a code cannot be merged into itself"));
    CodeMerge m;
    m.source = requireCode(sourceId);
    const Code target = requireCode(targetId);
    if (descendants(sourceId).contains(targetId))
        throw ProjectError(
            QStringLiteral("“%1” cannot be merged into its own sub-code “%2”; move that "
                           "out first")
                .arg(m.source.name, target.name));
    m.targetId = targetId;
    m.layoutBefore = layout();

    SqlQuery annotations(
        m_db,
        QStringLiteral("SELECT ac.annotation_id, a.article_id, EXISTS (SELECT 1 FROM "
                       "annotation_codes t WHERE t.annotation_id = ac.annotation_id AND "
                       "t.code_id = ?) FROM annotation_codes ac JOIN annotations a ON "
                       "a.id = ac.annotation_id WHERE ac.code_id = ? ORDER BY 1"));
    annotations.bind(targetId).bind(sourceId).exec();
    QSet<qint64> articles;
    while (annotations.next()) {
        const qint64 id = annotations.value(0).toLongLong();
        articles.insert(annotations.value(1).toLongLong());
        (annotations.value(2).toInt() ? m.shared : m.moved).append(id);
    }
    m.articles = articles.values();
    std::sort(m.articles.begin(), m.articles.end());
    for (qint64 id : std::as_const(m.moved))
        link(id, targetId);

    SqlQuery memos(m_db,
                   QStringLiteral("SELECT id FROM memos WHERE target = 'code' AND target_id = ?"));
    memos.bind(sourceId).exec();
    while (memos.next())
        m.memos.append(memos.value(0).toLongLong());
    SqlQuery moveMemo(m_db, QStringLiteral("UPDATE memos SET target_id = ? WHERE id = ?"));
    for (qint64 id : std::as_const(m.memos))
        moveMemo.bind(targetId).bind(id).exec();

    // Sub-codes of the source go to the end of the target's sub-codes.
    SqlQuery children(
        m_db, QStringLiteral("SELECT id FROM codes WHERE parent_id = ? ORDER BY position, id"));
    children.bind(sourceId).exec();
    QList<qint64> childIds;
    while (children.next())
        childIds.append(children.value(0).toLongLong());
    for (qint64 child : std::as_const(childIds))
        moveCode(child, target.categoryId, targetId, std::numeric_limits<int>::max());

    SqlQuery(m_db, QStringLiteral("DELETE FROM codes WHERE id = ?")).bind(sourceId).exec();
    return m;
}

void CodebookTable::unmerge(const CodeMerge &m)
{
    insertCodeExact(m.source);
    restoreLayout(m.layoutBefore);
    SqlQuery unlink(
        m_db,
        QStringLiteral("DELETE FROM annotation_codes WHERE annotation_id = ? AND code_id = ?"));
    for (qint64 id : m.moved) {
        unlink.bind(id).bind(m.targetId).exec();
        link(id, m.source.id);
    }
    for (qint64 id : m.shared)
        link(id, m.source.id);
    SqlQuery moveMemo(m_db, QStringLiteral("UPDATE memos SET target_id = ? WHERE id = ?"));
    for (qint64 id : m.memos)
        moveMemo.bind(m.source.id).bind(id).exec();
}

CodeRemoval CodebookTable::removalOf(qint64 id) const
{
    CodeRemoval r;
    const QList<Code> all = loadCodes();
    QSet<qint64> ids;
    for (qint64 codeId : QList<qint64> {id} + descendants(id)) {
        const auto it
            = std::find_if(all.cbegin(), all.cend(), [&](const Code &c) { return c.id == codeId; });
        if (it == all.cend())
            throw ProjectError(QStringLiteral("no code with id %1").arg(codeId));
        r.codes.append(*it);
        ids.insert(codeId);
    }
    const QList<Annotation> touched = AnnotationTable(m_db).load(
        QStringLiteral(
            "WHERE a.id IN (SELECT annotation_id FROM annotation_codes WHERE code_id IN (")
            + kSubtree + QStringLiteral("SELECT id FROM subtree))"),
        id);
    r.touchedAnnotations = int(touched.size());
    QSet<qint64> articles;
    const ClaimTable claims(m_db);
    for (const Annotation &a : touched) {
        articles.insert(a.articleId);
        const bool keepsACode = std::any_of(a.codeIds.cbegin(), a.codeIds.cend(),
                                            [&](qint64 c) { return !ids.contains(c); });
        if (keepsACode) {
            for (qint64 c : a.codeIds) {
                if (ids.contains(c))
                    r.links.append({a.id, c});
            }
            continue;
        }
        r.annotations.append(a);
        // Claim attributes live in their own table and go with the annotation.
        if (const auto claim = claims.load(a.id))
            r.claims.append(*claim);
    }
    r.articles = articles.values();
    std::sort(r.articles.begin(), r.articles.end());
    return r;
}

CodeRemoval CodebookTable::remove(qint64 id)
{
    const CodeRemoval r = removalOf(id);
    SqlQuery annotation(m_db, QStringLiteral("DELETE FROM annotations WHERE id = ?"));
    for (const Annotation &a : r.annotations)
        annotation.bind(a.id).exec();
    // Sub-codes and links go by ON DELETE CASCADE.
    SqlQuery(m_db, QStringLiteral("DELETE FROM codes WHERE id = ?")).bind(id).exec();
    return r;
}

void CodebookTable::restore(const CodeRemoval &r)
{
    for (const Code &c : r.codes)
        insertCodeExact(c);
    AnnotationTable annotations(m_db);
    for (const Annotation &a : r.annotations)
        annotations.insertExact(a);
    ClaimTable claims(m_db);
    for (const Claim &claim : r.claims)
        claims.save(claim);
    for (const auto &[annotationId, codeId] : r.links)
        link(annotationId, codeId);
}

QHash<qint64, int> CodebookTable::annotationCounts() const
{
    SqlQuery q(m_db,
               QStringLiteral("SELECT code_id, count(*) FROM annotation_codes GROUP BY code_id"));
    q.exec();
    QHash<qint64, int> counts;
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return counts;
}
