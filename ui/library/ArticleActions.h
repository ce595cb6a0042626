#pragma once

#include "commands/StoreCommand.h"

#include <QObject>

#include <functional>

class ProjectSession;
class QAction;
class QUndoStack;
class QWidget;

// What can be done to whole articles: delete them (after a confirmation
// that counts what goes with them; undoable), and extract the current one
// again from its stored page (only when every annotation finds its place).
class ArticleActions final : public QObject
{
    Q_OBJECT

public:
    using Selection = std::function<QList<qint64>()>;

    ArticleActions(QUndoStack &undo, QWidget *window, StoreCommand::ErrorHandler onError);

    // The project the actions work on; nullptr while none is open.
    void setSession(ProjectSession *session);
    // The library's selected articles, and the article in the reader.
    void setSelection(Selection selected, std::function<qint64()> current);

    QAction *deleteAction() const { return m_delete; }
    QAction *reextractAction() const { return m_reextract; }

    // Deletes after asking (when confirm is set); true if it deleted.
    bool deleteArticles(const QList<qint64> &ids, bool confirm = true);
    // Re-extracts the article; reports what happened in a message box
    // unless quiet. True when the text was replaced.
    bool reextract(qint64 articleId, bool quiet = false);
    // Puts a finished import on the undo stack, so undo takes it back.
    void recordImport(const QList<qint64> &addedIds);

private:
    ProjectSession *m_session = nullptr;
    QUndoStack &m_undo;
    QWidget *m_window;
    StoreCommand::ErrorHandler m_onError;
    Selection m_selected;
    std::function<qint64()> m_current;
    QAction *m_delete = nullptr;
    QAction *m_reextract = nullptr;
};
