#pragma once

#include "commands/StoreCommand.h"
#include "domain/Category.h"
#include "domain/Code.h"
#include "project/CodebookFile.h"

#include <QObject>
#include <optional>

class ProjectSession;
class QColor;
class QUndoStack;
class QWidget;

// Every codebook edit the GUI offers, each pushed as an undoable command on
// the window's stack. Methods return false (after telling the user why)
// when the store refused; nothing is then left on the stack. Edits take the
// code or category as the window shows it (with its version): when another
// coder changed it since, the user is asked (ConflictPrompt) whether to
// apply the edit again over theirs or reload.
class CodebookEditor final : public QObject
{
    Q_OBJECT

public:
    CodebookEditor(ProjectSession &store, QUndoStack *undo, QWidget *dialogParent);

    ProjectSession &store() const { return m_session; }
    bool isWritable() const;

    // Returns the new id, or 0.
    qint64 addCode(qint64 categoryId, qint64 parentId, int row, const QString &name = {});
    qint64 addCategory(const QString &name = {});
    bool renameCode(const Code &code, const QString &name);
    bool renameCategory(const Category &category, const QString &name);
    bool setCodeColour(const Code &code, const QColor &colour);
    bool setCategoryColour(const Category &category, const QColor &colour);
    // Description and shortcut in one undoable step (the details dialog).
    bool setCodeDetails(const Code &code, const QString &description, const QString &shortcut);
    bool moveCode(const Code &code, qint64 categoryId, qint64 parentId, int row);
    bool moveCategory(const Category &category, int row);
    // The target as it is now (the merge dialog lists the codebook afresh).
    bool mergeCodes(const Code &source, qint64 targetId);
    bool deleteCode(const Code &code);
    bool deleteCategory(const Category &category);
    // What the merge added, or nothing if the store refused.
    std::optional<CodebookFile::MergeResult>
    importCodebook(const QByteArray &json, const QString &origin, const QString &undoText);

    QString uniqueCodeName(const QString &base) const;
    QString uniqueCategoryName(const QString &base) const;

private:
    bool push(StoreCommand *command);
    void fail(const QString &message);
    StoreCommand::ErrorHandler onError(); // fail(), for the commands

    ProjectSession &m_session;
    QUndoStack *m_undo = nullptr;
    QWidget *m_dialogParent = nullptr;
    bool m_failed = false;
};
