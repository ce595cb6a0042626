#pragma once

#include <QWidget>

class CodebookEditor;
class CodebookModel;
class ProjectSession;
class QAction;
class QMenu;
class QToolButton;
class QTreeView;
class QUndoStack;

// The codebook tree. Activating a code (double-click or Enter) asks for it
// to be applied to the reader's selection. Once editing is enabled the
// codebook is edited in place: Insert adds a code, F2 renames, Delete
// deletes, Alt+arrows reorder and nest, drag and drop moves; every edit is
// undoable on the window's stack.
class CodebookPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit CodebookPanel(ProjectSession &store, QWidget *parent = nullptr);

    CodebookModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    CodebookEditor *editor() const { return m_editor; }

    void enableEditing(QUndoStack *undo);
    // Extra entries for the context menu (e.g. "Add Memo to Code").
    void addContextAction(QAction *action);
    // The panel's edit actions, with their keys (for the shortcuts list).
    QList<QAction *> editActions() const { return m_editActions; }

    qint64 currentCodeId() const; // 0 = a category or nothing is current
    qint64 currentCategoryId() const; // of the current code or category
    void selectCode(qint64 codeId);
    void selectCategory(qint64 categoryId);

    // The edits, acting on the current item; each returns false if nothing
    // changed (cancelled, refused, or nothing to act on).
    bool addCode();
    bool addSubCode();
    bool addCategory();
    bool renameCurrent();
    bool recolourCurrent();
    bool editDetailsOfCurrent(bool focusShortcut = false);
    bool mergeCurrent();
    bool deleteCurrent();
    bool moveCurrent(int delta); // -1 up, +1 down among its siblings
    bool indentCurrent(); // under the code above it
    bool outdentCurrent(); // out to its parent's level

Q_SIGNALS:
    void codeActivated(qint64 codeId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    void rememberCurrent();
    void restoreCurrent();
    bool handleKey(int key, Qt::KeyboardModifiers modifiers, bool dryRun);

    ProjectSession &m_session;
    CodebookModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    CodebookEditor *m_editor = nullptr;
    QToolButton *m_addCodeButton = nullptr;
    QToolButton *m_addCategoryButton = nullptr;
    QToolButton *m_moreButton = nullptr;
    QMenu *m_menu = nullptr;
    QList<QAction *> m_editActions;
    QList<QAction *> m_codeOnlyActions;
    QList<QAction *> m_extraActions;
    qint64 m_savedCode = 0;
    qint64 m_savedCategory = 0;
};
