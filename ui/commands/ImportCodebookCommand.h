#pragma once

#include "commands/StoreCommand.h"
#include "domain/Category.h"
#include "domain/CodeRemoval.h"
#include "project/CodebookFile.h"

// Merges a codebook file into the project (a starter codebook or an
// import). Undo takes out exactly what it added; codes that were already
// there are never touched. Undo asks (a conflict) when another coder has
// edited one of the added codes or categories since, and refuses when one
// of the added codes now codes annotations: those are others' work.
class ImportCodebookCommand final : public StoreCommand
{
public:
    ImportCodebookCommand(ProjectSession &store, const QByteArray &json, const QString &origin,
                          const QString &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const CodebookFile::MergeResult &result() const { return m_result; }

private:
    // The added codes and categories as they are now, versions noted.
    void readAdded();
    // asLeft: only if each is still as this command left it.
    void takeOut(bool asLeft);

    QByteArray m_json;
    QString m_origin;
    bool m_done = false;
    CodebookFile::MergeResult m_result;
    QList<Code> m_addedCodes;
    QList<qint64> m_topCodes; // added codes whose parent was not added too
    QList<Category> m_addedCategories;
    QList<CodeRemoval> m_removals;
};
