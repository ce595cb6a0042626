#pragma once

#include "domain/Category.h"
#include "domain/Code.h"
#include "domain/CodeMerge.h"
#include "domain/CodeRemoval.h"
#include "domain/CodebookLayout.h"

#include <QHash>
#include <QSqlDatabase>

// The SQL of codebook edits, for ProjectStore, which owns the transactions
// and tells the UI what changed. Every method checks its input and throws
// ProjectError before writing anything it would have to take back.
class CodebookTable
{
public:
    explicit CodebookTable(const QSqlDatabase &db);

    // Categories in codebook order.
    QList<Category> loadCategories() const;
    // A new category (grey if it has no colour); returns its id.
    qint64 insertCategory(const Category &category);
    // A new code, checked by the caller; one without a colour takes the
    // next palette colour. Returns its id.
    qint64 insertCode(const Code &code);

    // Throws unless the name, colour and shortcut are usable for this code
    // (names and shortcuts are unique among codes, ignoring case).
    void validate(const Code &code) const;
    // Name, kind and colour; the position changes through moveCategory.
    void updateCategory(const Category &category);
    void moveCategory(qint64 id, int row);
    // Only an empty category can go; restoreCategory puts it back, same id.
    void removeCategory(qint64 id);
    void restoreCategory(const Category &category);
    // Name, description, colour and shortcut; placement changes through moveCode.
    void updateCode(const Code &code);
    // Puts the code at row among the children of parentId (0: the top of
    // categoryId). Sub-codes follow it into a new category.
    void moveCode(qint64 id, qint64 categoryId, qint64 parentId, int row);
    CodebookLayout layout() const;
    void restoreLayout(const CodebookLayout &layout);

    CodeMerge merge(qint64 sourceId, qint64 targetId);
    void unmerge(const CodeMerge &merge);

    // What remove() would take, without taking it (for a confirmation).
    CodeRemoval removalOf(qint64 id) const;
    CodeRemoval remove(qint64 id);
    void restore(const CodeRemoval &removal);

    // Annotations per code id (codes without any are absent).
    QHash<qint64, int> annotationCounts() const;

    // Codes in codebook order; where is a clause on codes with one ? bound.
    QList<Code> loadCodes(const QString &where = {}, const QVariant &bound = {}) const;

private:
    Code requireCode(qint64 id) const;
    QList<qint64> descendants(qint64 id) const;
    void insertCodeExact(const Code &code);
    void link(qint64 annotationId, qint64 codeId);

    QSqlDatabase m_db;
};
