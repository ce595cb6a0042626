#pragma once

#include "commands/StoreCommand.h"
#include "project/CodebookFile.h"

#include <QObject>
#include <optional>

class ProjectSession;
class QColor;
class QUndoStack;
class QWidget;

// Every codebook edit the GUI offers, each pushed as an undoable command on
// the window's stack. Methods return false (after telling the user why)
// when the store refused; nothing is then left on the stack.
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
    bool renameCode(qint64 id, const QString &name);
    bool renameCategory(qint64 id, const QString &name);
    bool setCodeColour(qint64 id, const QColor &colour);
    bool setCategoryColour(qint64 id, const QColor &colour);
    // Description and shortcut in one undoable step (the details dialog).
    bool setCodeDetails(qint64 id, const QString &description, const QString &shortcut);
    bool moveCode(qint64 id, qint64 categoryId, qint64 parentId, int row);
    bool moveCategory(qint64 id, int row);
    bool mergeCodes(qint64 sourceId, qint64 targetId);
    bool deleteCode(qint64 id);
    bool deleteCategory(qint64 id);
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
