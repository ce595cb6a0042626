#pragma once

#include <QObject>

class MainWindow;
class QAction;
class QMenu;

// The Codebook menu of the main window: starter codebooks, import and
// export, and memos on the current article, annotation or code. It reaches
// the window's current store and panels through their accessors, so it
// survives opening another project.
class CodebookActions final : public QObject
{
    Q_OBJECT

public:
    explicit CodebookActions(MainWindow *window);

    QMenu *menu() const { return m_menu; }
    QAction *addCodeMemoAction() const { return m_codeMemo; }
    QList<QAction *> actions() const; // for the shortcuts list

    // What the menu entries do, without their file dialogs.
    bool addStarterCodebook(const QString &name);
    bool importCodebook(const QString &path);
    bool exportCodebook(const QString &path);
    qint64 addArticleMemo();
    qint64 addAnnotationMemo();
    qint64 addCodeMemo();

    void updateEnabled();

private:
    void importDialog();
    void exportDialog();
    void report(const QString &message);

    MainWindow *m_window = nullptr;
    QMenu *m_menu = nullptr;
    QList<QAction *> m_writeActions;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QAction *m_articleMemo = nullptr;
    QAction *m_annotationMemo = nullptr;
    QAction *m_codeMemo = nullptr;
};
