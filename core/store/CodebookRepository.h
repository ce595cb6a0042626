#pragma once

#include "CodeCounts.h"
#include "Repository.h"
#include "domain/Category.h"
#include "domain/Code.h"
#include "domain/CodeMerge.h"
#include "domain/CodeRemoval.h"
#include "domain/CodebookLayout.h"

#include <QHash>
#include <optional>

class AnnotationRepository;
class MemoRepository;

// The codebook: categories and their tree of codes. Names and shortcuts are
// unique among codes (ignoring case); every edit checks its input and
// throws ProjectError before writing anything it would have to take back.
//
// Two coders may edit one codebook: an edit given a code or category as
// its caller read it (with its version) changes it only if no one else's
// commit did since, and otherwise throws ConcurrentEditError with nothing
// written (the whole unit of work rolls back). Each returns the version it
// leaves. The overloads taking ids edit the rows as they are now.
class CodebookRepository : public Repository
{
public:
    CodebookRepository(Database &db, AnnotationRepository &annotations, MemoRepository &memos);

    // Categories and codes in codebook order.
    QList<Category> categories() const;
    std::optional<Category> category(qint64 id) const;
    std::optional<Category> categoryByName(const QString &name) const;
    QList<Code> codes() const;
    std::optional<Code> code(qint64 id) const;
    std::optional<Code> codeByName(const QString &name) const;
    std::optional<Code> codeByUuid(const QString &uuid) const;
    // Annotations per code id (codes without any are absent).
    QHash<qint64, int> codeAnnotationCounts() const;
    // The counts of just these codes (0 for unused ones).
    QHash<qint64, int> codeAnnotationCounts(const QList<qint64> &codeIds) const;

    // A new category (grey if it has no colour); returns its id.
    qint64 addCategory(const Category &category);
    // A new code; one without a colour takes the next palette colour.
    qint64 addCode(const Code &code);
    // The code with that name, created (with the Custom category, if that
    // is missing too) in one unit of work.
    Code ensureCode(const QString &name);

    // Name, kind and colour of `before` (as read) set to those of `after`;
    // the position changes through moveCategory.
    int updateCategory(const Category &before, const Category &after);
    int updateCategory(const Category &category) { return updateCategory(category, category); }
    void moveCategory(qint64 categoryId, int row);
    int moveCategory(const Category &seen, int row);
    // Only an empty category can go; restoreCategory puts it back, same id
    // and version.
    void removeCategory(qint64 categoryId);
    void removeCategory(const Category &seen);
    void restoreCategory(const Category &category);
    // Name, description, colour and shortcut of `before` (as read) set to
    // those of `after`; placement changes through moveCode.
    int updateCode(const Code &before, const Code &after);
    int updateCode(const Code &code) { return updateCode(code, code); }
    // Puts the code at row among the children of parentId (0: the top of
    // categoryId). Sub-codes follow it into a new category.
    void moveCode(qint64 codeId, qint64 categoryId, qint64 parentId, int row);
    int moveCode(const Code &seen, qint64 categoryId, qint64 parentId, int row);
    CodebookLayout layout() const;
    void restoreLayout(const CodebookLayout &layout);
    // Only the items that sit differently in `layout` and `expected`, each
    // of which must still sit as in `expected`: one another coder moved or
    // deleted since is a ConcurrentEditError, unless overTheirMoves (then
    // it goes back regardless, if it still exists). Items the two layouts
    // agree on stay where others put them.
    void restoreLayout(const CodebookLayout &layout, const CodebookLayout &expected,
                       bool overTheirMoves = false);
    // Raises the version as an edit of the row does, if it is still the
    // one seen: for edits that change other rows on its behalf.
    int claimCode(const Code &seen);
    int claimCategory(const Category &seen);

    // The source's annotations and memos move to the target, its sub-codes
    // go under the target, then the source goes.
    CodeMerge mergeCodes(qint64 sourceId, qint64 targetId);
    CodeMerge mergeCodes(const Code &source, const Code &target);
    // Refuses (ConcurrentEditError) when the target changed since the merge,
    // or another coder moved a code the merge moved (a sub-code of the
    // source), unless overTheirMoves: then those go back regardless. Codes
    // the merge did not move stay where others put them.
    int undoCodeMerge(const CodeMerge &merge, bool overTheirMoves = false);
    // What removeCode would take, without taking it (for a confirmation).
    CodeRemoval removalPreview(qint64 codeId) const;
    CodeRemoval removeCode(qint64 codeId);
    CodeRemoval removeCode(const Code &seen);
    // Puts back a removed code exactly (same ids, links, annotations).
    void restoreCode(const CodeRemoval &removal);

private:
    // Where `code` goes back among its siblings (see undoCodeMerge).
    int formerRow(const Code &code, const CodebookLayout &was) const;
    QList<Code> loadCodes(const QString &where = {}, const QVariant &bound = {}) const;
    Code requireCode(qint64 id) const;
    QList<qint64> descendants(qint64 id) const;
    void validate(const Code &code) const;
    void insertCodeExact(const Code &code);
    void place(qint64 id, qint64 categoryId, qint64 parentId, int row, ChangeSet &changes);

    AnnotationRepository &m_annotations;
    MemoRepository &m_memos;
    CodeCounts m_counts;
};
