#pragma once

#include "commands/StoreCommand.h"
#include "domain/Memo.h"

#include <QWidget>

class MemoListModel;
class ProjectSession;
class QPushButton;
class QTableView;
class QUndoStack;

// The memo list with add, edit and delete; every change is an undoable
// command on the window's stack.
class MemoPanel final : public QWidget
{
    Q_OBJECT

public:
    MemoPanel(ProjectSession &store, QUndoStack *undo, QWidget *parent = nullptr);

    MemoListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // Asks for a title and text (a dialog), then adds the memo. Returns its
    // id, or 0 if cancelled or refused.
    qint64 addMemo(Memo::Target target, qint64 targetId, const QString &about);
    bool editMemo(qint64 memoId);
    bool deleteMemo(qint64 memoId);
    qint64 selectedMemoId() const;
    void selectMemo(qint64 memoId);

private:
    bool push(StoreCommand *command);
    StoreCommand::ErrorHandler onError(); // sets m_failed for push()
    void updateButtons();

    ProjectSession &m_session;
    QUndoStack *m_undo = nullptr;
    MemoListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    bool m_failed = false;
};
