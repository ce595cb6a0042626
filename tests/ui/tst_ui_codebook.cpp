// Drives the codebook panel, the Codebook menu and the memo dock of the
// real main window: create, rename (F2), recolour, nest, reorder, merge and
// delete with undo/redo, shortcuts, starter codebooks, export/import and
// memos, with QAbstractItemModelTester watching the codebook model.
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "codebook/CodebookActions.h"
#include "codebook/CodebookModel.h"
#include "codebook/CodebookPanel.h"
#include "shell/MainWindow.h"
#include "memos/MemoDialog.h"
#include "memos/MemoListModel.h"
#include "memos/MemoPanel.h"
#include "codebook/MergeCodesDialog.h"
#include "ReaderSelection.h"
#include "reader/ReaderView.h"
#include "StarterWindow.h"
#include "store/ProjectSession.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <functional>

namespace {
// Runs f on the next modal dialog of type T once it is up (exec() blocks
// the test until the dialog is closed).
template<typename T> void onModal(std::function<void(T *)> f)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, f] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            f(dialog);
        }
    });
    timer->start();
}
} // namespace

class TestUiCodebook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void insertCreatesCodeAndNamesItInPlace();
    void f2RenamesAndUndoRestores();
    void recolourWithColourDialog();
    void nestByDragAndDropAndKeys();
    void reorderWithAltArrows();
    void mergeWithDialogUndoRedoExact();
    void deleteSaysHowManyAnnotationsAndUndoes();
    void shortcutChangeApplies();
    void starterCodebookFromMenu();
    void exportImportRoundTrip();
    void memosAddEditDeleteUndo();

private:
    QTreeView *view() const { return m_window->codebookPanel()->view(); }
    CodebookModel *model() const { return m_window->codebookPanel()->model(); }
    ProjectSession &store() const { return m_window->store(); }
    qint64 codeId(const QString &name) const;
    void select(const QString &codeName);
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void undo() { m_window->undoStack()->undo(); }
    void redo() { m_window->undoStack()->redo(); }
    QStringList childNames(const QModelIndex &parent) const;
    qint64 annotate(const QString &phrase, const QList<qint64> &codes);
    void watchModel();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiCodebook::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiCodebook::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
    watchModel();
}

void TestUiCodebook::watchModel()
{
    new QAbstractItemModelTester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_window->codebookPanel());
}

void TestUiCodebook::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

qint64 TestUiCodebook::codeId(const QString &name) const
{
    const auto code = store().codebook().codeByName(name);
    return code ? code->id : 0;
}

void TestUiCodebook::select(const QString &codeName)
{
    const QModelIndex index = model()->indexOfCode(codeId(codeName));
    QVERIFY2(index.isValid(), qPrintable(codeName));
    view()->setCurrentIndex(index);
    view()->setFocus();
}

void TestUiCodebook::key(int k, Qt::KeyboardModifiers modifiers)
{
    if (!m_window->isActiveWindow()) { // back from a dialog
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key(k), modifiers);
}

QStringList TestUiCodebook::childNames(const QModelIndex &parent) const
{
    QStringList names;
    for (int row = 0; row < model()->rowCount(parent); ++row)
        names << model()->index(row, 0, parent).data(Qt::EditRole).toString();
    return names;
}

qint64 TestUiCodebook::annotate(const QString &phrase, const QList<qint64> &codes)
{
    const QString text = m_window->reader()->article().text;
    NewAnnotation n;
    n.articleId = m_window->reader()->articleId();
    n.start = text.indexOf(phrase); // the sample's start is plain ASCII
    n.end = n.start + phrase.size();
    n.codeIds = codes;
    return store().annotations().add(n).id;
}

void TestUiCodebook::insertCreatesCodeAndNamesItInPlace()
{
    select(QStringLiteral("Justification"));
    key(Qt::Key_Insert);
    const qint64 id = codeId(QStringLiteral("New code"));
    QVERIFY(id);
    // Right after the current code, in its category, and being named.
    // Every edit resets the model, so indexes are looked up afresh.
    const auto claim = [this] {
        return model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Claim"))->id);
    };
    QCOMPARE(childNames(claim()).indexOf(QStringLiteral("New code")), 2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Speculation"));
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next event loop turn
    QTRY_COMPARE(store().codebook().code(id)->name, QStringLiteral("Speculation"));
    QCOMPARE(childNames(claim()).indexOf(QStringLiteral("Speculation")), 2);
    QCOMPARE(m_window->codebookPanel()->currentCodeId(), id);

    undo(); // the name
    QCOMPARE(store().codebook().code(id)->name, QStringLiteral("New code"));
    undo(); // the code
    QVERIFY(!store().codebook().code(id));
    redo();
    redo();
    QCOMPARE(store().codebook().code(id)->name, QStringLiteral("Speculation")); // same id back

    // The button adds a category, named in place too.
    QTest::mouseClick(
        m_window->codebookPanel()->findChild<QWidget *>(QStringLiteral("addCategoryButton")),
        Qt::LeftButton);
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Tone"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(store().codebook().categoryByName(QStringLiteral("Tone")));
    undo();
    undo();
    QVERIFY(!store().codebook().categoryByName(QStringLiteral("Tone")));
    QVERIFY(!store().codebook().categoryByName(QStringLiteral("New category")));
}

void TestUiCodebook::f2RenamesAndUndoRestores()
{
    const qint64 id = codeId(QStringLiteral("Justification"));
    select(QStringLiteral("Justification"));
    key(Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("Justification"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Rationale"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(store().codebook().code(id)->name, QStringLiteral("Rationale"));
    QCOMPARE(model()->indexOfCode(id).data(Qt::EditRole).toString(), QStringLiteral("Rationale"));
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Rename Code “Justification”"));

    // A name another code has is refused, with a message, and nothing changes.
    select(QStringLiteral("Rationale"));
    key(Qt::Key_F2);
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("person"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage")));
    QCOMPARE(store().codebook().code(id)->name, QStringLiteral("Rationale"));
    m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"))->close();

    undo();
    QCOMPARE(store().codebook().code(id)->name, QStringLiteral("Justification"));
    redo();
    QCOMPARE(store().codebook().code(id)->name, QStringLiteral("Rationale"));
}

void TestUiCodebook::recolourWithColourDialog()
{
    const qint64 id = codeId(QStringLiteral("Person"));
    const QString before = store().codebook().code(id)->colour;
    select(QStringLiteral("Person"));
    onModal<QColorDialog>([](QColorDialog *dialog) {
        dialog->setCurrentColor(QColor(QStringLiteral("#112233")));
        dialog->accept();
    });
    QVERIFY(m_window->codebookPanel()->recolourCurrent());
    QCOMPARE(store().codebook().code(id)->colour, QStringLiteral("#112233"));
    QCOMPARE(model()->indexOfCode(id).data(CodebookModel::ColourRole).value<QColor>(),
             QColor(0x11, 0x22, 0x33));
    undo();
    QCOMPARE(store().codebook().code(id)->colour, before);

    // Cancelling changes nothing.
    onModal<QColorDialog>([](QColorDialog *dialog) { dialog->reject(); });
    QVERIFY(!m_window->codebookPanel()->recolourCurrent());
    QCOMPARE(store().codebook().code(id)->colour, before);
}

void TestUiCodebook::nestByDragAndDropAndKeys()
{
    const qint64 person = codeId(QStringLiteral("Person"));
    const qint64 forces = codeId(QStringLiteral("Armed forces"));
    // Drag "Armed forces" onto "Person".
    std::unique_ptr<QMimeData> data(model()->mimeData({model()->indexOfCode(forces)}));
    QVERIFY(
        model()->canDropMimeData(data.get(), Qt::MoveAction, -1, 0, model()->indexOfCode(person)));
    QVERIFY(!model()->canDropMimeData(data.get(), Qt::MoveAction, -1, 0,
                                      QModelIndex())); // not the root
    QVERIFY(model()->dropMimeData(data.get(), Qt::MoveAction, -1, 0, model()->indexOfCode(person)));
    QCOMPARE(store().codebook().code(forces)->parentId, person);
    QCOMPARE(model()->indexOfCode(forces).parent(), model()->indexOfCode(person));
    // A parent cannot go into its own child.
    std::unique_ptr<QMimeData> parentData(model()->mimeData({model()->indexOfCode(person)}));
    QVERIFY(!model()->canDropMimeData(parentData.get(), Qt::MoveAction, -1, 0,
                                      model()->indexOfCode(forces)));
    undo();
    QCOMPARE(store().codebook().code(forces)->parentId, 0);

    // Into another category, at a given row.
    const qint64 frame = store().codebook().categoryByName(QStringLiteral("Frame"))->id;
    data.reset(model()->mimeData({model()->indexOfCode(forces)}));
    QVERIFY(
        model()->dropMimeData(data.get(), Qt::MoveAction, 1, 0, model()->indexOfCategory(frame)));
    QCOMPARE(store().codebook().code(forces)->categoryId, frame);
    QCOMPARE(childNames(model()->indexOfCategory(frame)).indexOf(QStringLiteral("Armed forces")),
             1);
    undo();

    // Keyboard: Alt+Right nests under the code above, Alt+Left takes it out.
    select(QStringLiteral("Armed forces"));
    key(Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(store().codebook().code(forces)->parentId, codeId(QStringLiteral("State or government")));
    QCOMPARE(m_window->codebookPanel()->currentCodeId(), forces); // still selected
    key(Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(store().codebook().code(forces)->parentId, 0);
    const QModelIndex actor
        = model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Actor"))->id);
    QCOMPARE(childNames(actor),
             QStringList({QStringLiteral("Person"), QStringLiteral("State or government"),
                          QStringLiteral("Armed forces")}));
}

void TestUiCodebook::reorderWithAltArrows()
{
    const QModelIndex claim
        = model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Claim"))->id);
    const QStringList before = childNames(claim);
    select(QStringLiteral("Factual claim"));
    key(Qt::Key_Down, Qt::AltModifier);
    key(Qt::Key_Down, Qt::AltModifier);
    const QModelIndex claimNow
        = model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Claim"))->id);
    QCOMPARE(childNames(claimNow),
             QStringList({QStringLiteral("Justification"), QStringLiteral("Threat or warning"),
                          QStringLiteral("Factual claim")}));
    key(Qt::Key_Down, Qt::AltModifier); // already last: nothing
    QCOMPARE(m_window->undoStack()->count(), 2);
    key(Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(
        childNames(model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Claim"))->id))
            .at(1),
        QStringLiteral("Factual claim"));
    undo();
    undo();
    undo();
    QCOMPARE(
        childNames(model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Claim"))->id)),
        before);

    // Categories reorder too.
    view()->setCurrentIndex(
        model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Frame"))->id));
    key(Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(store().codebook().categories().at(1).name, QStringLiteral("Frame"));
    undo();
    QCOMPARE(store().codebook().categories().at(2).name, QStringLiteral("Frame"));
}

void TestUiCodebook::mergeWithDialogUndoRedoExact()
{
    const qint64 source = codeId(QStringLiteral("Threat or warning"));
    const qint64 target = codeId(QStringLiteral("Factual claim"));
    const qint64 a = annotate(QStringLiteral("neo-Nazi"), {source});
    const qint64 b = annotate(QStringLiteral("Kursk"), {source, target});
    const QList<Annotation> before = store().annotations().all();
    const Code sourceBefore = *store().codebook().code(source);

    select(QStringLiteral("Threat or warning"));
    onModal<MergeCodesDialog>([target](MergeCodesDialog *dialog) {
        QComboBox *box = dialog->targetBox();
        QVERIFY(box->findData(target) >= 0);
        box->setCurrentIndex(box->findData(target));
        dialog->accept();
    });
    QVERIFY(m_window->codebookPanel()->mergeCurrent());
    QVERIFY(!store().codebook().code(source));
    QCOMPARE(store().annotations().get(a)->codeIds, QList<qint64> {target});
    QCOMPARE(store().annotations().get(b)->codeIds, QList<qint64> {target});
    QVERIFY(!model()->indexOfCode(source).isValid());
    QCOMPARE(m_window->codebookPanel()->currentCodeId(), target);
    QCOMPARE(m_window->undoStack()->undoText(),
             QStringLiteral("Merge “Threat or warning” into “Factual claim”"));

    undo();
    const Code sourceAfter = *store().codebook().code(source);
    QCOMPARE(sourceAfter.name, sourceBefore.name);
    QCOMPARE(sourceAfter.position, sourceBefore.position);
    QCOMPARE(sourceAfter.shortcut, sourceBefore.shortcut);
    const QList<Annotation> after = store().annotations().all();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].codeIds, before[i].codeIds);
    }
    QVERIFY(model()->indexOfCode(source).isValid());
    redo();
    QVERIFY(!store().codebook().code(source));
    QCOMPARE(store().annotations().get(a)->codeIds, QList<qint64> {target});
}

void TestUiCodebook::deleteSaysHowManyAnnotationsAndUndoes()
{
    const qint64 doomed = codeId(QStringLiteral("Us versus them"));
    const qint64 other = codeId(QStringLiteral("Person"));
    const qint64 alone = annotate(QStringLiteral("neo-Nazi"), {doomed});
    const qint64 shared = annotate(QStringLiteral("Kursk"), {doomed, other});
    select(QStringLiteral("Us versus them"));

    // Cancel first: nothing happens.
    QString informative;
    onModal<QMessageBox>([&informative](QMessageBox *box) {
        informative = box->informativeText();
        box->button(QMessageBox::Cancel)->click();
    });
    key(Qt::Key_Delete);
    QVERIFY2(informative.contains(QStringLiteral("2 annotations")), qPrintable(informative));
    QVERIFY2(informative.contains(QStringLiteral("1 of them")), qPrintable(informative));
    QVERIFY(store().codebook().code(doomed));

    onModal<QMessageBox>([](QMessageBox *box) {
        QCOMPARE(box->objectName(), QStringLiteral("deleteCodeConfirmation"));
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        }
    });
    key(Qt::Key_Delete);
    QVERIFY(!store().codebook().code(doomed));
    QVERIFY(!store().annotations().get(alone));
    QCOMPARE(store().annotations().get(shared)->codeIds, QList<qint64> {other});
    QVERIFY(!model()->indexOfCode(doomed).isValid());
    // The window's Delete (delete annotation) did not fire as well.
    QVERIFY(store().annotations().get(shared));

    undo();
    QCOMPARE(store().codebook().code(doomed)->name, QStringLiteral("Us versus them"));
    QCOMPARE(store().annotations().get(alone)->codeIds, QList<qint64> {doomed});
    QCOMPARE(store().annotations().get(shared)->codeIds,
             (QList<qint64> {qMin(doomed, other), qMax(doomed, other)}));
    QCOMPARE(m_window->annotationPanel()->model()->rowCount(), 2);
}

void TestUiCodebook::shortcutChangeApplies()
{
    const qint64 alliance = codeId(QStringLiteral("Alliance and solidarity"));
    select(QStringLiteral("Alliance and solidarity"));
    // A key another code has is flagged and OK is disabled.
    onModal<QDialog>([](QDialog *dialog) {
        auto *edit = dialog->findChild<QKeySequenceEdit *>(QStringLiteral("shortcutEdit"));
        QVERIFY(edit);
        edit->setKeySequence(QKeySequence(QStringLiteral("1")));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("shortcutConflict"))
                    ->text()
                    .contains(QStringLiteral("Factual claim")));
        edit->setKeySequence(QKeySequence(QStringLiteral("0")));
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("examplesEdit"))
            ->setPlainText(QStringLiteral("brothers in arms"));
        dialog->accept();
    });
    QVERIFY(m_window->codebookPanel()->editDetailsOfCurrent(true));
    QCOMPARE(store().codebook().code(alliance)->shortcut, QStringLiteral("0"));
    QVERIFY(store().codebook().code(alliance)->description.endsWith(
        QStringLiteral("\nExample: brothers in arms")));
    const QString tip = model()->indexOfCode(alliance).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("brothers in arms"))
                 && tip.contains(QStringLiteral("Press 0")),
             qPrintable(tip));

    // The new key codes the reader's selection.
    ReaderView *reader = m_window->reader();
    QVERIFY(selectPhraseInReader(reader, QStringLiteral("Kursk")));
    m_window->activateWindow(); // back from the dialog
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_0);
    const QList<Annotation> coded = store().annotations().forCode(alliance);
    QCOMPARE(coded.size(), 1);
    QCOMPARE(coded.first().quote, QStringLiteral("Kursk"));

    undo(); // the annotation
    undo(); // the shortcut
    QVERIFY(store().codebook().code(alliance)->shortcut.isEmpty());
}

void TestUiCodebook::starterCodebookFromMenu()
{
    const int before = int(store().codebook().codes().size());
    auto *action
        = m_window->findChild<QAction *>(QStringLiteral("addStarterCodebook-media-frames"));
    QVERIFY(action);
    QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("codebookMenu")));
    action->trigger();
    QCOMPARE(int(store().codebook().codes().size()), before + 14); // Security and defense was there
    const qint64 economic = codeId(QStringLiteral("Economic"));
    QVERIFY(model()->indexOfCode(economic).isValid());
    QCOMPARE(model()->indexOfCode(economic).parent(),
             model()->indexOfCategory(store().codebook().categoryByName(QStringLiteral("Frame"))->id));

    m_window->findChild<QAction *>(QStringLiteral("addStarterCodebook-propaganda-techniques"))
        ->trigger();
    QCOMPARE(int(store().codebook().codes().size()), before + 14 + 11);
    undo();
    QCOMPARE(int(store().codebook().codes().size()), before + 14);
    undo();
    QCOMPARE(int(store().codebook().codes().size()), before);
    redo();
    QCOMPARE(codeId(QStringLiteral("Economic")), economic); // the same codes come back
}

void TestUiCodebook::exportImportRoundTrip()
{
    select(QStringLiteral("Person"));
    key(Qt::Key_Right, Qt::AltModifier); // nothing above it: stays
    select(QStringLiteral("State or government"));
    key(Qt::Key_Right, Qt::AltModifier); // under Person
    const QString file = m_dir->filePath(QStringLiteral("book.json"));
    QVERIFY(m_window->codebookActions()->exportCodebook(file));

    m_window->replaceProject(ProjectSession::open(m_dir->filePath(QStringLiteral("empty.framewise")),
                                                ProjectSession::OpenMode::CreateIfMissing));
    watchModel();
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(m_window->codebookActions()->importCodebook(file));
    QCOMPARE(store().codebook().codes().size(), 13);
    QCOMPARE(store().codebook().code(codeId(QStringLiteral("State or government")))->parentId,
             codeId(QStringLiteral("Person")));
    QCOMPARE(model()->rowCount(), 4);
    QVERIFY(m_window->codebookActions()->importCodebook(file)); // again: nothing new
    QCOMPARE(store().codebook().codes().size(), 13);
    undo();
    undo();
    QCOMPARE(store().codebook().codes().size(), 0);
    QCOMPARE(model()->rowCount(), 0);

    // A broken file is refused with its name, and nothing is imported.
    QFile bad(m_dir->filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"framewise_codebook\": 1, \"categories\": 3}");
    bad.close();
    QVERIFY(!m_window->codebookActions()->importCodebook(bad.fileName()));
    auto *error = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"));
    QTRY_VERIFY(error);
    QVERIFY2(error->text().contains(QStringLiteral("bad.json")), qPrintable(error->text()));
    error->close();
    QCOMPARE(store().codebook().codes().size(), 0);
}

void TestUiCodebook::memosAddEditDeleteUndo()
{
    MemoPanel *memos = m_window->memoPanel();
    QVERIFY(memos);
    select(QStringLiteral("Person"));
    onModal<MemoDialog>([](MemoDialog *dialog) {
        dialog->titleEdit()->setText(QStringLiteral("Who counts"));
        dialog->bodyEdit()->setPlainText(QStringLiteral("Only named people.\nNot crowds."));
        dialog->accept();
    });
    const qint64 id = m_window->codebookActions()->addCodeMemo();
    QVERIFY(id);
    MemoListModel *list = memos->model();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0, MemoListModel::Target).data().toString(),
             QStringLiteral("Code: Person"));
    QCOMPARE(list->index(0, MemoListModel::FirstLine).data().toString(),
             QStringLiteral("Only named people."));
    QCOMPARE(list->index(0, MemoListModel::Coder).data().toString(), store().coders().current());
    QVERIFY(!list->index(0, MemoListModel::Date).data().toString().isEmpty());

    // On the article too.
    onModal<MemoDialog>([](MemoDialog *dialog) {
        dialog->bodyEdit()->setPlainText(QStringLiteral("Combative tone throughout."));
        dialog->accept();
    });
    QVERIFY(m_window->codebookActions()->addArticleMemo());
    QCOMPARE(list->rowCount(), 2);
    QVERIFY(list->index(1, MemoListModel::Target)
                .data()
                .toString()
                .startsWith(QStringLiteral("Article: ")));

    // Edit the first through the dock.
    memos->selectMemo(id);
    onModal<MemoDialog>([](MemoDialog *dialog) {
        QCOMPARE(dialog->titleEdit()->text(), QStringLiteral("Who counts"));
        dialog->bodyEdit()->setPlainText(QStringLiteral("Named people and groups."));
        dialog->accept();
    });
    QTest::mouseClick(memos->findChild<QPushButton *>(QStringLiteral("editMemoButton")),
                      Qt::LeftButton);
    QCOMPARE(store().memos().get(id)->body, QStringLiteral("Named people and groups."));

    memos->selectMemo(id);
    QTest::mouseClick(memos->findChild<QPushButton *>(QStringLiteral("deleteMemoButton")),
                      Qt::LeftButton);
    QVERIFY(!store().memos().get(id));
    QCOMPARE(list->rowCount(), 1);

    undo(); // delete
    QCOMPARE(store().memos().get(id)->body, QStringLiteral("Named people and groups."));
    undo(); // edit
    QCOMPARE(store().memos().get(id)->body, QStringLiteral("Only named people.\nNot crowds."));
    undo(); // article memo
    undo(); // code memo
    QCOMPARE(list->rowCount(), 0);
    redo();
    QCOMPARE(store().memos().get(id)->title, QStringLiteral("Who counts"));
}

QTEST_MAIN(TestUiCodebook)
#include "tst_ui_codebook.moc"
