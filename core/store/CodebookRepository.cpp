#include "CodebookRepository.h"

#include "AnnotationRepository.h"
#include "ConcurrentEditError.h"
#include "MemoRepository.h"
#include "base/ProjectError.h"

#include <QSet>

#include <algorithm>
#include <iterator>
#include <limits>

namespace {
using Aggregate = ChangeSet::Aggregate;

// Every statement of the aggregate (categories, codes).
const QString kCategorySelect = QStringLiteral(
    "SELECT id, uuid, name, kind, colour, position, version FROM categories ORDER BY position, id");
const QString kCategoryInsert = QStringLiteral(
    "INSERT INTO categories(uuid, name, kind, colour, position) VALUES (?,?,?,?,?)");
const QString kCategoryInsertExact
    = QStringLiteral("INSERT INTO categories(id, uuid, name, kind, colour, position, version) "
                     "VALUES (?,?,?,?,?,?,?)");
const QString kCategorySameName
    = QStringLiteral("SELECT name FROM categories WHERE name = ? AND id <> ?");
// An edit names the version its caller read: another coder's commit since
// then has raised it, and the edit matches no row (see ConcurrentEditError).
// The primary key finds the row; the version is one more comparison.
const QString kCategoryUpdate
    = QStringLiteral("UPDATE categories SET name = ?, kind = ?, colour = ?, version = version + 1 "
                     "WHERE id = ? AND version = ?");
const QString kCategoryClaim
    = QStringLiteral("UPDATE categories SET version = version + 1 WHERE id = ? AND version = ?");
const QString kCategoryOrder = QStringLiteral("SELECT id FROM categories ORDER BY position, id");
const QString kCategoryPosition = QStringLiteral("UPDATE categories SET position = ? WHERE id = ?");
const QString kCategoryCodeCount = QStringLiteral("SELECT count(*) FROM codes WHERE category_id = ?");
const QString kCategoryDelete = QStringLiteral("DELETE FROM categories WHERE id = ?");
const QString kCategoryExists = QStringLiteral("SELECT 1 FROM categories WHERE id = ?");
const QString kCodeSelect = QStringLiteral(
    "SELECT id, uuid, category_id, coalesce(parent_id, 0), name, description, colour, shortcut, "
    "position, version FROM codes ");
const QString kCodeOrder = QStringLiteral(" ORDER BY category_id, position, id");
const QString kCodeCount = QStringLiteral("SELECT count(*) FROM codes");
const QString kCodeInsert = QStringLiteral(
    "INSERT INTO codes(uuid, category_id, parent_id, name, description, colour, shortcut, "
    "position) VALUES (?,?,?,?,?,?,?,?)");
const QString kCodeInsertExact = QStringLiteral(
    "INSERT INTO codes(id, uuid, category_id, parent_id, name, description, colour, shortcut, "
    "position, version) VALUES (?,?,?,?,?,?,?,?,?,?)");
const QString kCodeSameName = QStringLiteral("SELECT name FROM codes WHERE name = ? AND id <> ?");
const QString kCodeSameShortcut = QStringLiteral(
    "SELECT name FROM codes WHERE shortcut = ? COLLATE NOCASE AND id <> ?");
const QString kCodeUpdate
    = QStringLiteral("UPDATE codes SET name = ?, description = ?, colour = ?, shortcut = ?, "
                     "version = version + 1 WHERE id = ? AND version = ?");
// What an edit that changes no column of the row itself (a move, a merge
// into it, a deletion) does first: raise the version it read, or fail.
const QString kCodeClaim
    = QStringLiteral("UPDATE codes SET version = version + 1 WHERE id = ? AND version = ?");
const QString kCodeSiblings = QStringLiteral(
    "SELECT id FROM codes WHERE category_id = ? AND coalesce(parent_id, 0) = ? AND id <> ? "
    "ORDER BY position, id");
const QString kCodeChildren
    = QStringLiteral("SELECT id FROM codes WHERE parent_id = ? ORDER BY position, id");
const QString kCodePlace = QStringLiteral(
    "UPDATE codes SET category_id = ?, parent_id = ?, position = ? WHERE id = ?");
const QString kCodeCategory = QStringLiteral("UPDATE codes SET category_id = ? WHERE id = ?");
const QString kCodeDelete = QStringLiteral("DELETE FROM codes WHERE id = ?");
const QString kUsage
    = QStringLiteral("SELECT code_id, count(*) FROM annotation_codes GROUP BY code_id");
// The code and everything below it, parents first (SQLite walks a
// recursive CTE breadth first).
const QString kSubtree
    = QStringLiteral("WITH RECURSIVE subtree(id) AS (SELECT CAST(? AS BIGINT) UNION ALL "
                     "SELECT c.id FROM codes c JOIN subtree s ON c.parent_id = s.id) ");
const QString kMergeSharing = QStringLiteral(
    "SELECT ac.annotation_id, a.article_id, EXISTS (SELECT 1 FROM annotation_codes t WHERE "
    "t.annotation_id = ac.annotation_id AND t.code_id = ?) FROM annotation_codes ac JOIN "
    "annotations a ON a.id = ac.annotation_id WHERE ac.code_id = ? ORDER BY 1");

int clampRow(int row, qsizetype size)
{
    return int(std::clamp<qsizetype>(row, 0, size));
}

// Distinct, legible on light and dark backgrounds; used for new codes.
const char *const kPalette[] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46a0a0",
                                "#c8288c", "#7f9e00", "#9a6324", "#2f7f9f", "#b04a4a", "#5a5ac8"};

QList<qint64> idColumn(SqlQuery &q)
{
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}
} // namespace

CodebookRepository::CodebookRepository(Database &db, AnnotationRepository &annotations,
                                       MemoRepository &memos)
    : Repository(db)
    , m_annotations(annotations)
    , m_memos(memos)
    , m_counts(db)
{
}

// ---------------------------------------------------------------- reading

QList<Category> CodebookRepository::categories() const
{
    SqlQuery q(sql(), kCategorySelect);
    q.exec();
    QList<Category> list;
    while (q.next()) {
        Category c;
        c.id = q.value(0).toLongLong();
        c.uuid = q.value(1).toString();
        c.name = q.value(2).toString();
        c.kind = Category::kindFromName(q.value(3).toString());
        c.colour = q.value(4).toString();
        c.position = q.value(5).toInt();
        c.version = q.value(6).toInt();
        list.append(c);
    }
    return list;
}

std::optional<Category> CodebookRepository::category(qint64 id) const
{
    // There are few categories: no statement of their own.
    for (const Category &c : categories()) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

std::optional<Category> CodebookRepository::categoryByName(const QString &name) const
{
    for (const Category &c : categories()) {
        if (c.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QList<Code> CodebookRepository::loadCodes(const QString &where, const QVariant &bound) const
{
    SqlQuery q(sql(), kCodeSelect + where + kCodeOrder);
    if (bound.isValid())
        q.bind(bound);
    q.exec();
    QList<Code> list;
    while (q.next()) {
        Code c;
        c.id = q.value(0).toLongLong();
        c.uuid = q.value(1).toString();
        c.categoryId = q.value(2).toLongLong();
        c.parentId = q.value(3).toLongLong();
        c.name = q.value(4).toString();
        c.description = q.value(5).toString();
        c.colour = q.value(6).toString();
        c.shortcut = q.value(7).toString();
        c.position = q.value(8).toInt();
        c.version = q.value(9).toInt();
        list.append(c);
    }
    return list;
}

QList<Code> CodebookRepository::codes() const
{
    return loadCodes();
}

std::optional<Code> CodebookRepository::code(qint64 id) const
{
    const QList<Code> found = loadCodes(QStringLiteral("WHERE id = ?"), id);
    return found.isEmpty() ? std::nullopt : std::optional<Code>(found.constFirst());
}

std::optional<Code> CodebookRepository::codeByName(const QString &name) const
{
    const QList<Code> found = loadCodes(QStringLiteral("WHERE name = ?"), name.trimmed());
    return found.isEmpty() ? std::nullopt : std::optional<Code>(found.constFirst());
}

std::optional<Code> CodebookRepository::codeByUuid(const QString &uuid) const
{
    const QList<Code> found = loadCodes(QStringLiteral("WHERE uuid = ?"), uuid);
    return found.isEmpty() ? std::nullopt : std::optional<Code>(found.constFirst());
}

Code CodebookRepository::requireCode(qint64 id) const
{
    if (const auto c = code(id))
        return *c;
    throw ProjectError(QStringLiteral("no code with id %1").arg(id));
}

QList<qint64> CodebookRepository::descendants(qint64 id) const
{
    SqlQuery q(sql(), kSubtree + QStringLiteral("SELECT id FROM subtree WHERE id <> ?"));
    q.bind(id).bind(id).exec();
    return idColumn(q);
}

QHash<qint64, int> CodebookRepository::codeAnnotationCounts() const
{
    SqlQuery q(sql(), kUsage);
    q.exec();
    QHash<qint64, int> counts;
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return counts;
}

QHash<qint64, int> CodebookRepository::codeAnnotationCounts(const QList<qint64> &codeIds) const
{
    // One index probe per code instead of a pass over every link.
    SqlQuery q(sql(), QStringLiteral("SELECT count(*) FROM annotation_codes WHERE code_id = ?"));
    QHash<qint64, int> counts;
    for (qint64 id : codeIds) {
        q.bind(id).exec();
        q.next();
        counts.insert(id, q.value(0).toInt());
    }
    return counts;
}

CodebookLayout CodebookRepository::layout() const
{
    return {categories(), codes()};
}

// ---------------------------------------------------------------- adding

qint64 CodebookRepository::addCategory(const Category &c)
{
    if (c.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a category needs a name"));
    return write([&](ChangeSet &changes) {
        SqlQuery same(sql(), kCategorySameName);
        same.bind(c.name.trimmed()).bind(0).exec();
        if (same.next())
            throw ProjectError(QStringLiteral("a category named “%1” already exists")
                                   .arg(same.value(0).toString()));
        SqlQuery q(sql(), returningId(kCategoryInsert));
        q.bind(c.uuid.isEmpty() ? Database::newUuid() : c.uuid).bind(c.name.trimmed());
        q.bind(Category::kindName(c.kind));
        q.bind(c.colour.isEmpty() ? QStringLiteral("#888888") : c.colour).bind(c.position).exec();
        const qint64 id = q.returnedId();
        changes.add(Aggregate::Category, id);
        return id;
    });
}

void CodebookRepository::validate(const Code &code) const
{
    const QString name = code.name.trimmed();
    if (name.isEmpty())
        throw ProjectError(QStringLiteral("a code needs a name"));
    SqlQuery same(sql(), kCodeSameName);
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
    SqlQuery taken(sql(), kCodeSameShortcut);
    taken.bind(shortcut).bind(code.id).exec();
    if (taken.next())
        throw ProjectError(QStringLiteral("the shortcut %1 is already used by “%2”")
                               .arg(shortcut, taken.value(0).toString()));
}

qint64 CodebookRepository::addCode(const Code &c)
{
    validate(c);
    return write([&](ChangeSet &changes) {
        QString colour = c.colour;
        if (colour.isEmpty()) {
            const int n = SqlQuery::scalar(sql(), kCodeCount).toInt();
            colour = QString::fromLatin1(kPalette[n % std::size(kPalette)]);
        }
        SqlQuery q(sql(), returningId(kCodeInsert));
        q.bind(c.uuid.isEmpty() ? Database::newUuid() : c.uuid).bind(c.categoryId);
        q.bind(SqlQuery::nullIfZero(c.parentId)).bind(c.name.trimmed());
        q.bind(c.description).bind(colour).bind(c.shortcut.trimmed()).bind(c.position).exec();
        const qint64 id = q.returnedId();
        changes.add(Aggregate::Code, id);
        return id;
    });
}

Code CodebookRepository::ensureCode(const QString &name)
{
    if (auto existing = codeByName(name))
        return *existing;
    const qint64 id = write([&](ChangeSet &) {
        qint64 categoryId = 0;
        if (const auto custom = categoryByName(QStringLiteral("Custom")))
            categoryId = custom->id;
        else {
            Category c;
            c.name = QStringLiteral("Custom");
            c.kind = Category::Kind::Custom;
            c.colour = QStringLiteral("#7a7a7a");
            c.position = 100;
            categoryId = addCategory(c);
        }
        Code code;
        code.categoryId = categoryId;
        code.name = name.trimmed();
        return addCode(code);
    });
    return requireCode(id);
}

void CodebookRepository::restoreCategory(const Category &c)
{
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kCategoryInsertExact);
        q.bind(c.id).bind(c.uuid.isEmpty() ? Database::newUuid() : c.uuid).bind(c.name);
        q.bind(Category::kindName(c.kind)).bind(c.colour).bind(c.position);
        q.bind(std::max(c.version, 1)).exec();
        changes.add(Aggregate::Category, c.id);
    });
}

void CodebookRepository::insertCodeExact(const Code &c)
{
    SqlQuery q(sql(), kCodeInsertExact);
    q.bind(c.id).bind(c.uuid.isEmpty() ? Database::newUuid() : c.uuid).bind(c.categoryId);
    q.bind(SqlQuery::nullIfZero(c.parentId)).bind(c.name);
    q.bind(c.description).bind(c.colour).bind(c.shortcut).bind(c.position);
    q.bind(std::max(c.version, 1)).exec();
}

// ---------------------------------------------------------------- versions

int CodebookRepository::claimCode(const Code &seen)
{
    return write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kCodeClaim);
        q.bind(seen.id).bind(seen.version).exec();
        if (q.rowsAffected() != 1)
            throw ConcurrentEditError::code(seen, code(seen.id));
        changes.modify(Aggregate::Code, seen.id);
        return seen.version + 1;
    });
}

int CodebookRepository::claimCategory(const Category &seen)
{
    return write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kCategoryClaim);
        q.bind(seen.id).bind(seen.version).exec();
        if (q.rowsAffected() != 1)
            throw ConcurrentEditError::category(seen, category(seen.id));
        changes.modify(Aggregate::Category, seen.id);
        return seen.version + 1;
    });
}

// ---------------------------------------------------------------- editing

int CodebookRepository::updateCategory(const Category &before, const Category &c)
{
    const QString name = c.name.trimmed();
    if (name.isEmpty())
        throw ProjectError(QStringLiteral("a category needs a name"));
    if (!Code::isColour(c.colour))
        throw ProjectError(QStringLiteral("“%1” is not a colour; use #rrggbb").arg(c.colour));
    return write([&](ChangeSet &changes) {
        SqlQuery same(sql(), kCategorySameName);
        same.bind(name).bind(c.id).exec();
        if (same.next())
            throw ProjectError(QStringLiteral("a category named “%1” already exists")
                                   .arg(same.value(0).toString()));
        SqlQuery q(sql(), kCategoryUpdate);
        q.bind(name).bind(Category::kindName(c.kind)).bind(c.colour).bind(before.id);
        q.bind(before.version).exec();
        if (q.rowsAffected() != 1)
            throw ConcurrentEditError::category(before, category(before.id));
        changes.modify(Aggregate::Category, before.id);
        return before.version + 1;
    });
}

void CodebookRepository::moveCategory(qint64 id, int row)
{
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kCategoryOrder);
        q.exec();
        QList<qint64> order = idColumn(q);
        if (!order.removeOne(id))
            throw ProjectError(QStringLiteral("no category with id %1").arg(id));
        order.insert(clampRow(row, order.size()), id);
        SqlQuery set(sql(), kCategoryPosition);
        for (int i = 0; i < order.size(); ++i) {
            set.bind(i).bind(order[i]).exec();
            changes.modify(Aggregate::Category, order[i]);
        }
    });
}

int CodebookRepository::moveCategory(const Category &seen, int row)
{
    return write([&](ChangeSet &) {
        const int version = claimCategory(seen);
        moveCategory(seen.id, row);
        return version;
    });
}

void CodebookRepository::removeCategory(const Category &seen)
{
    write([&](ChangeSet &) {
        claimCategory(seen);
        removeCategory(seen.id);
    });
}

void CodebookRepository::removeCategory(qint64 id)
{
    write([&](ChangeSet &changes) {
        SqlQuery codes(sql(), kCategoryCodeCount);
        codes.bind(id).exec();
        if (codes.next() && codes.value(0).toInt() > 0)
            throw ProjectError(QStringLiteral("only an empty category can be deleted; move or "
                                              "delete its %1 codes first")
                                   .arg(codes.value(0).toInt()));
        SqlQuery q(sql(), kCategoryDelete);
        q.bind(id).exec();
        if (q.rowsAffected() != 1)
            throw ProjectError(QStringLiteral("no category with id %1").arg(id));
        changes.remove(Aggregate::Category, id);
    });
}

int CodebookRepository::updateCode(const Code &before, const Code &code)
{
    if (code.colour.isEmpty())
        throw ProjectError(QStringLiteral("a code needs a colour"));
    validate(code);
    return write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kCodeUpdate);
        q.bind(code.name.trimmed()).bind(code.description).bind(code.colour);
        q.bind(code.shortcut.trimmed()).bind(before.id).bind(before.version).exec();
        if (q.rowsAffected() != 1)
            throw ConcurrentEditError::code(before, this->code(before.id));
        changes.modify(Aggregate::Code, before.id);
        return before.version + 1;
    });
}

void CodebookRepository::place(qint64 id, qint64 categoryId, qint64 parentId, int row,
                               ChangeSet &changes)
{
    const Code code = requireCode(id);
    if (parentId) {
        if (parentId == id || descendants(id).contains(parentId))
            throw ProjectError(
                QStringLiteral("“%1” cannot go inside itself or one of its sub-codes").arg(code.name));
        categoryId = requireCode(parentId).categoryId; // a sub-code lives in its parent's category
    }
    SqlQuery category(sql(), kCategoryExists);
    category.bind(categoryId).exec();
    if (!category.next())
        throw ProjectError(QStringLiteral("no category with id %1").arg(categoryId));

    SqlQuery siblings(sql(), kCodeSiblings);
    siblings.bind(categoryId).bind(parentId).bind(id).exec();
    QList<qint64> order = idColumn(siblings);
    order.insert(clampRow(row, order.size()), id);
    SqlQuery set(sql(), kCodePlace);
    for (int i = 0; i < order.size(); ++i) {
        set.bind(categoryId).bind(SqlQuery::nullIfZero(parentId)).bind(i).bind(order[i]).exec();
        changes.modify(Aggregate::Code, order[i]);
    }
    if (categoryId != code.categoryId) {
        SqlQuery follow(sql(), kCodeCategory);
        for (qint64 child : descendants(id)) {
            follow.bind(categoryId).bind(child).exec();
            changes.modify(Aggregate::Code, child);
        }
    }
}

void CodebookRepository::moveCode(qint64 id, qint64 categoryId, qint64 parentId, int row)
{
    moveCode(requireCode(id), categoryId, parentId, row);
}

int CodebookRepository::moveCode(const Code &seen, qint64 categoryId, qint64 parentId, int row)
{
    // Only the code moved counts as edited: renumbering its siblings or
    // taking its sub-codes along leaves their versions, so a coder editing
    // one of them meets no conflict over a move that did not touch it.
    return write([&](ChangeSet &changes) {
        const int version = claimCode(seen);
        place(seen.id, categoryId, parentId, row, changes);
        return version;
    });
}

void CodebookRepository::restoreLayout(const CodebookLayout &layout, const CodebookLayout &expected,
                                       bool overTheirMoves)
{
    // Only what differs between the two layouts is written (what a move
    // renumbered), and each of those must still sit as `expected` has it:
    // otherwise another coder moved or deleted it since, and putting it back
    // would silently undo their move. The rest is left as others left it.
    QHash<qint64, Code> wantedCodes;
    for (const Code &c : layout.codes)
        wantedCodes.insert(c.id, c);
    QHash<qint64, Category> wantedCategories;
    for (const Category &c : layout.categories)
        wantedCategories.insert(c.id, c);
    const auto samePlace = [](const Code &a, const Code &b) {
        return a.categoryId == b.categoryId && a.parentId == b.parentId && a.position == b.position;
    };
    write([&](ChangeSet &) {
        const CodebookLayout now = this->layout();
        QHash<qint64, const Code *> codes;
        for (const Code &c : now.codes)
            codes.insert(c.id, &c);
        QHash<qint64, const Category *> categories;
        for (const Category &c : now.categories)
            categories.insert(c.id, &c);
        CodebookLayout changed;
        for (const Code &c : expected.codes) {
            const auto wanted = wantedCodes.constFind(c.id);
            if (wanted == wantedCodes.constEnd() || samePlace(*wanted, c))
                continue;
            const Code *current = codes.value(c.id);
            if (!current && overTheirMoves)
                continue; // deleted since: nothing to put back
            if (!current)
                throw ConcurrentEditError::code(c, std::nullopt);
            if (!samePlace(*current, c) && !overTheirMoves)
                throw ConcurrentEditError::code(c, *current);
            changed.codes.append(*wanted);
        }
        for (const Category &c : expected.categories) {
            const auto wanted = wantedCategories.constFind(c.id);
            if (wanted == wantedCategories.constEnd() || wanted->position == c.position)
                continue;
            const Category *current = categories.value(c.id);
            if (!current && overTheirMoves)
                continue;
            if (!current)
                throw ConcurrentEditError::category(c, std::nullopt);
            if (current->position != c.position && !overTheirMoves)
                throw ConcurrentEditError::category(c, *current);
            changed.categories.append(*wanted);
        }
        restoreLayout(changed);
    });
}

void CodebookRepository::restoreLayout(const CodebookLayout &layout)
{
    write([&](ChangeSet &changes) {
        SqlQuery category(sql(), kCategoryPosition);
        for (const Category &c : layout.categories) {
            category.bind(c.position).bind(c.id).exec();
            changes.modify(Aggregate::Category, c.id);
        }
        SqlQuery code(sql(), kCodePlace);
        for (const Code &c : layout.codes) {
            code.bind(c.categoryId).bind(SqlQuery::nullIfZero(c.parentId)).bind(c.position);
            code.bind(c.id).exec();
            changes.modify(Aggregate::Code, c.id);
        }
    });
}

// ---------------------------------------------------------------- merging

CodeMerge CodebookRepository::mergeCodes(qint64 sourceId, qint64 targetId)
{
    if (sourceId == targetId)
        throw ProjectError(QStringLiteral("a code cannot be merged into itself"));
    return mergeCodes(requireCode(sourceId), requireCode(targetId));
}

CodeMerge CodebookRepository::mergeCodes(const Code &seenSource, const Code &seenTarget)
{
    const qint64 sourceId = seenSource.id;
    const qint64 targetId = seenTarget.id;
    if (sourceId == targetId)
        throw ProjectError(QStringLiteral("a code cannot be merged into itself"));
    return write([&](ChangeSet &changes) {
        // The source goes and the target takes its annotations: both must
        // be as the caller saw them.
        claimCode(seenSource);
        claimCode(seenTarget);
        CodeMerge m;
        m.source = requireCode(sourceId);
        const Code target = requireCode(targetId);
        m.target = target;
        if (descendants(sourceId).contains(targetId))
            throw ProjectError(QStringLiteral("“%1” cannot be merged into its own sub-code “%2”; "
                                              "move that out first")
                                   .arg(m.source.name, target.name));
        m.targetId = targetId;
        m.layoutBefore = layout();
        CodeCounts::Hold hold(m_counts);

        SqlQuery annotations(sql(), kMergeSharing);
        annotations.bind(targetId).bind(sourceId).exec();
        QSet<qint64> articles;
        while (annotations.next()) {
            const qint64 id = annotations.value(0).toLongLong();
            articles.insert(annotations.value(1).toLongLong());
            (annotations.value(2).toInt() ? m.shared : m.moved).append(id);
        }
        m.articles = articles.values();
        std::sort(m.articles.begin(), m.articles.end());
        for (qint64 article : std::as_const(m.articles))
            changes.touchAnnotationsOf(article);
        m_annotations.linkCode(m.moved, targetId);
        // The source's links go with it (ON DELETE CASCADE); its users change.
        changes.modifyAll(Aggregate::Annotation, m.shared);
        changes.touchCodeUsage(sourceId);

        for (const Memo &memo : m_memos.forTarget(Memo::Target::Code, sourceId))
            m.memos.append(memo.id);
        m_memos.retarget(m.memos, targetId);

        // Sub-codes of the source go to the end of the target's sub-codes.
        SqlQuery children(sql(), kCodeChildren);
        children.bind(sourceId).exec();
        for (qint64 child : idColumn(children))
            place(child, target.categoryId, targetId, std::numeric_limits<int>::max(), changes);

        SqlQuery(sql(), kCodeDelete).bind(sourceId).exec();
        m.layoutAfter = layout();
        hold.recount({sourceId, targetId});
        changes.remove(Aggregate::Code, sourceId);
        changes.modify(Aggregate::Code, targetId);
        return m;
    });
}

int CodebookRepository::formerRow(const Code &code, const CodebookLayout &was) const
{
    // Right after the code it followed in `was`, wherever others moved that
    // since; its old row when that one is gone (or it came first).
    QList<Code> siblings;
    for (const Code &c : was.codes) {
        if (c.categoryId == code.categoryId && c.parentId == code.parentId)
            siblings << c;
    }
    std::sort(siblings.begin(), siblings.end(), [](const Code &a, const Code &b) {
        return std::pair(a.position, a.id) < std::pair(b.position, b.id);
    });
    const auto self = std::find_if(siblings.cbegin(), siblings.cend(),
                                   [&](const Code &c) { return c.id == code.id; });
    const int row = int(self - siblings.cbegin());
    if (self == siblings.cbegin() || self == siblings.cend())
        return row;
    SqlQuery now(sql(), kCodeSiblings);
    now.bind(code.categoryId).bind(code.parentId).bind(code.id).exec();
    const qsizetype followed = idColumn(now).indexOf((self - 1)->id);
    return followed >= 0 ? int(followed) + 1 : row;
}

int CodebookRepository::undoCodeMerge(const CodeMerge &m, bool overTheirMoves)
{
    return write([&](ChangeSet &changes) {
        // The target gives back what it took: it must be as the merge left it.
        const int version = claimCode(m.target);
        CodeCounts::Hold hold(m_counts);
        insertCodeExact(m.source);
        changes.add(Aggregate::Code, m.source.id);
        restoreLayout(m.layoutBefore, m.layoutAfter, overTheirMoves);
        place(m.source.id, m.source.categoryId, m.source.parentId,
              formerRow(m.source, m.layoutBefore), changes);
        m_annotations.unlinkCode(m.moved, m.targetId);
        m_annotations.linkCode(m.moved, m.source.id);
        m_annotations.linkCode(m.shared, m.source.id);
        hold.recount({m.source.id, m.targetId});
        for (qint64 article : m.articles)
            changes.touchAnnotationsOf(article);
        m_memos.retarget(m.memos, m.source.id);
        return version;
    });
}

// ---------------------------------------------------------------- removing

CodeRemoval CodebookRepository::removalPreview(qint64 id) const
{
    CodeRemoval r;
    const QList<Code> all = codes();
    QSet<qint64> ids;
    for (qint64 codeId : QList<qint64>{id} + descendants(id)) {
        const auto it
            = std::find_if(all.cbegin(), all.cend(), [&](const Code &c) { return c.id == codeId; });
        if (it == all.cend())
            throw ProjectError(QStringLiteral("no code with id %1").arg(codeId));
        r.codes.append(*it);
        ids.insert(codeId);
    }
    const QList<Annotation> touched = m_annotations.forCodes(QList<qint64>(ids.cbegin(), ids.cend()));
    r.touchedAnnotations = int(touched.size());
    QSet<qint64> articles;
    QList<qint64> removed;
    for (const Annotation &a : touched) {
        articles.insert(a.articleId);
        const bool keepsACode = std::any_of(a.codeIds.cbegin(), a.codeIds.cend(),
                                            [&](qint64 c) { return !ids.contains(c); });
        if (!keepsACode) {
            removed.append(a.id);
            continue;
        }
        for (qint64 c : a.codeIds) {
            if (ids.contains(c))
                r.links.append({a.id, c});
        }
    }
    // Claim attributes live beside the annotation and go with it.
    r.annotations = m_annotations.records(removed);
    r.articles = articles.values();
    std::sort(r.articles.begin(), r.articles.end());
    return r;
}

CodeRemoval CodebookRepository::removeCode(qint64 id)
{
    const auto current = code(id);
    if (!current)
        throw ProjectError(QStringLiteral("no code with id %1").arg(id));
    return removeCode(*current);
}

CodeRemoval CodebookRepository::removeCode(const Code &seen)
{
    const qint64 id = seen.id;
    return write([&](ChangeSet &changes) {
        claimCode(seen);
        const CodeRemoval r = removalPreview(id);
        CodeCounts::Hold hold(m_counts);
        m_annotations.removeRecords(r.annotations);
        for (const auto &link : r.links)
            changes.modify(Aggregate::Annotation, link.first);
        for (qint64 article : r.articles)
            changes.touchAnnotationsOf(article);
        // Sub-codes and links go by ON DELETE CASCADE.
        SqlQuery(sql(), kCodeDelete).bind(id).exec();
        QList<qint64> codeIds;
        for (const Code &c : r.codes) {
            codeIds.append(c.id);
            changes.remove(Aggregate::Code, c.id);
            changes.touchCodeUsage(c.id);
        }
        hold.recount(codeIds);
        return r;
    });
}

void CodebookRepository::restoreCode(const CodeRemoval &r)
{
    write([&](ChangeSet &changes) {
        CodeCounts::Hold hold(m_counts);
        QList<qint64> codeIds;
        for (const Code &c : r.codes) {
            insertCodeExact(c);
            codeIds.append(c.id);
            changes.add(Aggregate::Code, c.id);
        }
        m_annotations.restoreMany(r.annotations);
        QHash<qint64, QList<qint64>> byCode;
        for (const auto &[annotationId, codeId] : r.links)
            byCode[codeId].append(annotationId);
        for (auto it = byCode.cbegin(); it != byCode.cend(); ++it)
            m_annotations.linkCode(it.value(), it.key());
        hold.recount(codeIds);
        for (qint64 article : r.articles)
            changes.touchAnnotationsOf(article);
    });
}
