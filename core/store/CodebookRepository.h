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
class CodebookRepository : public Repository
{
public:
    CodebookRepository(Database &db, AnnotationRepository &annotations, MemoRepository &memos);

    // Categories and codes in codebook order.
    QList<Category> categories() const;
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

    // Name, kind and colour; the position changes through moveCategory.
    void updateCategory(const Category &category);
    void moveCategory(qint64 categoryId, int row);
    // Only an empty category can go; restoreCategory puts it back, same id.
    void removeCategory(qint64 categoryId);
    void restoreCategory(const Category &category);
    // Name, description, colour and shortcut; placement changes through moveCode.
    void updateCode(const Code &code);
    // Puts the code at row among the children of parentId (0: the top of
    // categoryId). Sub-codes follow it into a new category.
    void moveCode(qint64 codeId, qint64 categoryId, qint64 parentId, int row);
    CodebookLayout layout() const;
    void restoreLayout(const CodebookLayout &layout);

    // The source's annotations and memos move to the target, its sub-codes
    // go under the target, then the source goes.
    CodeMerge mergeCodes(qint64 sourceId, qint64 targetId);
    void undoCodeMerge(const CodeMerge &merge);
    // What removeCode would take, without taking it (for a confirmation).
    CodeRemoval removalPreview(qint64 codeId) const;
    CodeRemoval removeCode(qint64 codeId);
    // Puts back a removed code exactly (same ids, links, annotations).
    void restoreCode(const CodeRemoval &removal);

private:
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
