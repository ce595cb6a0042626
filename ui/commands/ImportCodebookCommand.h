#pragma once

#include "commands/StoreCommand.h"
#include "domain/Category.h"
#include "domain/CodeRemoval.h"
#include "project/CodebookFile.h"

// Merges a codebook file into the project (a starter codebook or an
// import). Undo takes out exactly what it added; codes that were already
// there are never touched.
class ImportCodebookCommand final : public StoreCommand
{
public:
    ImportCodebookCommand(ProjectSession &store, const QByteArray &json, const QString &origin,
                          const QString &text, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const CodebookFile::MergeResult &result() const { return m_result; }

private:
    QByteArray m_json;
    QString m_origin;
    bool m_done = false;
    CodebookFile::MergeResult m_result;
    QList<qint64> m_addedCodes; // only those whose parent was not added too
    QList<Category> m_addedCategories;
    QList<CodeRemoval> m_removals;
};
