#include "codebook/CodebookActions.h"

#include "annotating/AnnotationPanel.h"
#include "codebook/CodebookEditor.h"
#include "codebook/CodebookPanel.h"
#include "shell/LiteralText.h"
#include "shell/MainWindow.h"
#include "memos/MemoPanel.h"
#include "reader/ReaderView.h"
#include "project/CodebookFile.h"
#include "project/StarterCodebooks.h"
#include "base/ProjectError.h"
#include "store/ProjectLocation.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>

CodebookActions::CodebookActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_menu(new QMenu(tr("Cod&ebook"), window))
{
    m_menu->setObjectName(QStringLiteral("codebookMenu"));
    QMenu *starters = m_menu->addMenu(tr("Add &Starter Codebook"));
    starters->setObjectName(QStringLiteral("starterCodebookMenu"));
    for (const QString &name : StarterCodebooks::names()) {
        QAction *action = starters->addAction(StarterCodebooks::title(name));
        action->setObjectName(QStringLiteral("addStarterCodebook-") + name);
        connect(action, &QAction::triggered, this, [this, name] { addStarterCodebook(name); });
        m_writeActions.append(action);
    }
    m_import = m_menu->addAction(tr("&Import Codebook…"), this, &CodebookActions::importDialog);
    m_import->setObjectName(QStringLiteral("importCodebookAction"));
    m_writeActions.append(m_import);
    m_export = m_menu->addAction(tr("&Export Codebook…"), this, &CodebookActions::exportDialog);
    m_export->setObjectName(QStringLiteral("exportCodebookAction"));
    m_menu->addSeparator();
    m_articleMemo
        = m_menu->addAction(tr("Add Memo to &Article…"), this, &CodebookActions::addArticleMemo);
    m_articleMemo->setObjectName(QStringLiteral("addArticleMemoAction"));
    m_articleMemo->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    m_annotationMemo = m_menu->addAction(tr("Add Memo to A&nnotation…"), this,
                                         &CodebookActions::addAnnotationMemo);
    m_annotationMemo->setObjectName(QStringLiteral("addAnnotationMemoAction"));
    m_codeMemo = m_menu->addAction(tr("Add Memo to &Code…"), this, &CodebookActions::addCodeMemo);
    m_codeMemo->setObjectName(QStringLiteral("addCodeMemoAction"));
    m_writeActions << m_articleMemo << m_annotationMemo << m_codeMemo;
    window->addAction(m_articleMemo); // a window-wide key
    connect(m_menu, &QMenu::aboutToShow, this, &CodebookActions::updateEnabled);
}

QList<QAction *> CodebookActions::actions() const
{
    QList<QAction *> list {m_import, m_export, m_articleMemo, m_annotationMemo, m_codeMemo};
    if (CodebookPanel *panel = m_window->codebookPanel()) {
        for (QAction *a : panel->editActions()) {
            if (!a->shortcut().isEmpty())
                list.append(a);
        }
    }
    return list;
}

void CodebookActions::updateEnabled()
{
    const bool writable = !m_window->store().isReadOnly();
    for (QAction *a : std::as_const(m_writeActions))
        a->setEnabled(writable);
}

void CodebookActions::report(const QString &message)
{
    m_window->statusBar()->showMessage(message, 8000);
}

bool CodebookActions::addStarterCodebook(const QString &name)
{
    CodebookEditor *editor = m_window->codebookPanel()->editor();
    if (!editor)
        return false;
    QByteArray json;
    try {
        json = StarterCodebooks::json(name);
    } catch (const ProjectError &e) {
        QMessageBox::warning(m_window, tr("Codebook"), LiteralText::html(e.message()));
        return false;
    }
    const auto merged = editor->importCodebook(
        json, StarterCodebooks::fileName(name),
        tr("Add Starter Codebook “%1”").arg(StarterCodebooks::title(name)));
    if (!merged)
        return false;
    report(tr("Added %1 new codes from %2; codes already in the project were kept.")
               .arg(merged->codesAdded)
               .arg(StarterCodebooks::title(name)));
    return true;
}

bool CodebookActions::importCodebook(const QString &path)
{
    CodebookEditor *editor = m_window->codebookPanel()->editor();
    if (!editor)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(m_window, tr("Import Codebook"),
                             LiteralText::html(tr("%1: cannot read (%2)").arg(path, file.errorString())));
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    const auto merged
        = editor->importCodebook(file.readAll(), name, tr("Import Codebook “%1”").arg(name));
    if (!merged)
        return false;
    report(tr("Imported %1 new codes from %2; codes already in the project were kept.")
               .arg(merged->codesAdded)
               .arg(name));
    return true;
}

bool CodebookActions::exportCodebook(const QString &path)
{
    QSaveFile file(path);
    const QByteArray json = CodebookFile::exportJson(
        m_window->store(), ProjectLocation::baseName(m_window->store().path()));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) < 0 || !file.commit()) {
        QMessageBox::warning(m_window, tr("Export Codebook"),
                             LiteralText::html(tr("%1: cannot write (%2)").arg(path, file.errorString())));
        return false;
    }
    report(tr("Exported the codebook to %1").arg(QFileInfo(path).fileName()));
    return true;
}

void CodebookActions::importDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Codebook"), QString(),
                                                      tr("Codebooks (*.json);;All files (*)"));
    if (!path.isEmpty())
        importCodebook(path);
}

void CodebookActions::exportDialog()
{
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Codebook"),
        ProjectLocation::baseName(m_window->store().path()) + QStringLiteral("-codebook.json"),
        tr("Codebooks (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    exportCodebook(path);
}

qint64 CodebookActions::addArticleMemo()
{
    const qint64 article = m_window->reader()->articleId();
    if (!article) {
        report(tr("Open an article first"));
        return 0;
    }
    return m_window->memoPanel()->addMemo(
        Memo::Target::Article, article,
        tr("About the article “%1”.").arg(m_window->reader()->article().title));
}

qint64 CodebookActions::addAnnotationMemo()
{
    const qint64 id = m_window->annotationPanel()->selectedAnnotationId();
    const auto annotation = id ? m_window->store().annotations().get(id) : std::nullopt;
    if (!annotation) {
        report(tr("Select an annotation first"));
        return 0;
    }
    return m_window->memoPanel()->addMemo(
        Memo::Target::Annotation, id,
        tr("About the annotation “%1”.").arg(annotation->quote.simplified()));
}

qint64 CodebookActions::addCodeMemo()
{
    const auto code = m_window->store().codebook().code(m_window->codebookPanel()->currentCodeId());
    if (!code) {
        report(tr("Select a code in the codebook first"));
        return 0;
    }
    return m_window->memoPanel()->addMemo(Memo::Target::Code, code->id,
                                          tr("About the code “%1”.").arg(code->name));
}
