// Two coders on one project (issue #15), driven through the real window:
// coder A's main window loads the codebook and actors, then coder B (a
// second session on the same file, as a second app would be) changes a
// code or actor. A's edit, and A's undo, then ask (the conflict box,
// answered here) instead of overwriting B's change: Apply Mine Again puts
// A's edit over B's, Reload shows B's and drops A's.
#include "NewSpan.h"
#include "ReaderSelection.h"
#include "StarterWindow.h"
#include "actors/ActorListModel.h"
#include "actors/ActorPanel.h"
#include "annotating/AnnotatingController.h"
#include "codebook/CodebookEditor.h"
#include "codebook/CodebookModel.h"
#include "codebook/CodebookPanel.h"
#include "reader/ReaderView.h"
#include "shell/MainWindow.h"
#include "store/ProjectSession.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <functional>

namespace {
// While it lives, answers the next conflict box with the button named
// `button` and keeps its text and the buttons it offered.
class ConflictAnswer
{
public:
    explicit ConflictAnswer(const QString &button)
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("conflictMessage"))
                return;
            m_timer.stop();
            shown = true;
            text = box->text();
            for (QAbstractButton *b : box->buttons())
                buttons << b->objectName();
            if (auto *chosen = box->findChild<QAbstractButton *>(button))
                chosen->click();
            else
                box->reject();
        });
        m_timer.start();
    }

    QString text;
    QStringList buttons;
    bool shown = false;

private:
    QTimer m_timer;
};
} // namespace

class TestUiConflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void renameAfterOtherCoderRenamedAppliesMineAgain();
    void detailsAfterOtherCoderRecolouredReloads();
    void undoAfterOtherCoderChangedAsks();
    void deletedByOtherCoderOffersOnlyReload();
    void ownLaterEditsAreNoConflict();
    void actorRenameAfterOtherCoderAddedAlias();
    void categoryRemovalOverOtherCodersChange();
    void undoingANewActorAfterOtherCoderRenamedIt();
    void undoingACodeMergeAfterOtherCoderMovedASubCode();
    void undoingAnImportAfterOtherCoderEditedOrUsedIt();

private:
    CodebookPanel *panel() const { return m_window->codebookPanel(); }
    CodebookModel *model() const { return panel()->model(); }
    ProjectSession &store() const { return m_window->store(); }
    QUndoStack *undoStack() const { return m_window->undoStack(); }
    qint64 codeId(const QString &name) const;
    void select(qint64 codeId);
    void renameInTree(qint64 codeId, const QString &name);
    // Coder B's edit of a code, through B's own session.
    void otherCoderEdits(qint64 codeId, const std::function<void(Code &)> &edit);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ProjectSession> m_other;
};

void TestUiConflicts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiConflicts::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
    m_other = ProjectSession::open(store().path());
}

void TestUiConflicts::cleanup()
{
    m_other.reset();
    m_window.reset();
    m_dir.reset();
}

qint64 TestUiConflicts::codeId(const QString &name) const
{
    const auto code = store().codebook().codeByName(name);
    return code ? code->id : 0;
}

void TestUiConflicts::select(qint64 id)
{
    const QModelIndex index = model()->indexOfCode(id);
    QVERIFY(index.isValid());
    panel()->view()->setCurrentIndex(index);
    panel()->view()->setFocus();
}

void TestUiConflicts::renameInTree(qint64 id, const QString &name)
{
    if (!m_window->isActiveWindow()) { // back from a dialog
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    select(id);
    QTest::keyClick(panel()->view(), Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, name);
    QTest::keyClick(editor, Qt::Key_Return);
}

void TestUiConflicts::otherCoderEdits(qint64 id, const std::function<void(Code &)> &edit)
{
    const Code before = *m_other->codebook().code(id);
    Code after = before;
    edit(after);
    m_other->codebook().updateCode(before, after);
}

void TestUiConflicts::renameAfterOtherCoderRenamedAppliesMineAgain()
{
    const qint64 id = codeId(QStringLiteral("Loaded language"));
    QVERIFY(id);
    const QString colour = store().codebook().code(id)->colour;
    otherCoderEdits(id, [](Code &c) {
        c.name = QStringLiteral("Loaded Language");
        c.description = QStringLiteral("B's description");
    });
    // A's tree still shows the name it loaded.
    QCOMPARE(model()->indexOfCode(id).data(Qt::EditRole).toString(),
             QStringLiteral("Loaded language"));

    ConflictAnswer answer(QStringLiteral("applyMineButton"));
    const int steps = undoStack()->count();
    renameInTree(id, QStringLiteral("Emotive words"));
    QTRY_VERIFY(answer.shown);
    QCOMPARE(answer.text,
             QStringLiteral("The code “Loaded language” was changed by someone else since you "
                            "opened it (now named “Loaded Language”; its description changed). "
                            "Reload to see their version, or apply yours again."));
    QCOMPARE(answer.buttons.size(), 2);
    // Mine over theirs: A's name, B's description, one undoable step.
    QTRY_COMPARE(m_other->codebook().code(id)->name, QStringLiteral("Emotive words"));
    QCOMPARE(m_other->codebook().code(id)->description, QStringLiteral("B's description"));
    QCOMPARE(m_other->codebook().code(id)->colour, colour);
    QCOMPARE(model()->indexOfCode(id).data(Qt::EditRole).toString(),
             QStringLiteral("Emotive words"));
    QCOMPARE(undoStack()->count(), steps + 1);
    // Undo puts back the name A replaced: B's.
    undoStack()->undo();
    QCOMPARE(m_other->codebook().code(id)->name, QStringLiteral("Loaded Language"));
    QCOMPARE(m_other->codebook().code(id)->description, QStringLiteral("B's description"));
}

void TestUiConflicts::detailsAfterOtherCoderRecolouredReloads()
{
    const qint64 id = codeId(QStringLiteral("Loaded language"));
    select(id);
    otherCoderEdits(id, [](Code &c) { c.colour = QStringLiteral("#123456"); });

    // A opens the code's properties, writes a description and saves.
    auto *timer = new QTimer(this);
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, this, [timer] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || qobject_cast<QMessageBox *>(dialog))
            return;
        timer->stop();
        auto *description = dialog->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
        QVERIFY(description);
        description->setPlainText(QStringLiteral("A's description"));
        dialog->accept();
    });
    timer->start();
    ConflictAnswer answer(QStringLiteral("reloadButton"));
    const int steps = undoStack()->count();
    QVERIFY(!panel()->editDetailsOfCurrent(false)); // nothing of A's was stored
    QVERIFY(answer.shown);
    QVERIFY2(answer.text.contains(QStringLiteral("(its colour changed)")), qPrintable(answer.text));
    // Theirs: B's colour, no description of A's, and A's tree shows B's colour.
    const Code stored = *m_other->codebook().code(id);
    QCOMPARE(stored.colour, QStringLiteral("#123456"));
    QVERIFY(!stored.description.contains(QStringLiteral("A's description")));
    QCOMPARE(undoStack()->count(), steps);
    QCOMPARE(model()->code(id)->colour, QStringLiteral("#123456"));
    QCOMPARE(model()->code(id)->version, stored.version);
    // Reloaded, A's next edit goes through without asking.
    ConflictAnswer none(QStringLiteral("reloadButton"));
    renameInTree(id, QStringLiteral("Emotive words"));
    QTRY_COMPARE(m_other->codebook().code(id)->name, QStringLiteral("Emotive words"));
    QVERIFY(!none.shown);
    QCOMPARE(m_other->codebook().code(id)->colour, QStringLiteral("#123456"));
}

void TestUiConflicts::undoAfterOtherCoderChangedAsks()
{
    const qint64 id = codeId(QStringLiteral("Loaded language"));
    renameInTree(id, QStringLiteral("Emotive words"));
    QTRY_COMPARE(m_other->codebook().code(id)->name, QStringLiteral("Emotive words"));
    otherCoderEdits(id, [](Code &c) { c.name = QStringLiteral("Emotive language"); });

    // Undo would put back "Loaded language" over B's rename: it asks.
    ConflictAnswer reload(QStringLiteral("reloadButton"));
    const int steps = undoStack()->count();
    undoStack()->undo();
    QVERIFY(reload.shown);
    QVERIFY2(reload.text.startsWith(QStringLiteral(
                 "The code “Emotive words” was changed by someone else since you opened it "
                 "(now named “Emotive language”)")),
             qPrintable(reload.text));
    QCOMPARE(m_other->codebook().code(id)->name, QStringLiteral("Emotive language"));
    QCOMPARE(undoStack()->count(), steps - 1); // the rename is dropped, theirs stays
    QCOMPARE(model()->indexOfCode(id).data(Qt::EditRole).toString(),
             QStringLiteral("Emotive language"));

    // Again, now applying the undo over B's change.
    renameInTree(id, QStringLiteral("Charged words"));
    QTRY_COMPARE(m_other->codebook().code(id)->name, QStringLiteral("Charged words"));
    otherCoderEdits(id, [](Code &c) { c.description = QStringLiteral("B's description"); });
    ConflictAnswer mine(QStringLiteral("applyMineButton"));
    undoStack()->undo();
    QVERIFY(mine.shown);
    QCOMPARE(m_other->codebook().code(id)->name, QStringLiteral("Emotive language"));
    QCOMPARE(m_other->codebook().code(id)->description, QStringLiteral("B's description"));
    // And redo, with no one in between, asks nothing.
    ConflictAnswer none(QStringLiteral("reloadButton"));
    undoStack()->redo();
    QCOMPARE(m_other->codebook().code(id)->name, QStringLiteral("Charged words"));
    QVERIFY(!none.shown);
}

void TestUiConflicts::deletedByOtherCoderOffersOnlyReload()
{
    const qint64 id = codeId(QStringLiteral("Loaded language"));
    m_other->codebook().removeCode(*m_other->codebook().code(id));
    ConflictAnswer answer(QStringLiteral("applyMineButton"));
    renameInTree(id, QStringLiteral("Emotive words"));
    QTRY_VERIFY(answer.shown);
    QCOMPARE(answer.buttons, QStringList {QStringLiteral("reloadButton")});
    QVERIFY2(answer.text.startsWith(QStringLiteral(
                 "The code “Loaded language” was deleted by someone else since you opened it")),
             qPrintable(answer.text));
    QTRY_VERIFY(!model()->indexOfCode(id).isValid()); // reloaded: gone from A's tree too
    QVERIFY(!m_other->codebook().code(id));
    QVERIFY(!m_other->codebook().codeByName(QStringLiteral("Emotive words")));
}

// The window's own edits of a code raise its version too: undoing and
// redoing a chain of them asks nothing (only another coder's commit does).
void TestUiConflicts::ownLaterEditsAreNoConflict()
{
    const qint64 id = codeId(QStringLiteral("Loaded language"));
    const int row = model()->indexOfCode(id).row();
    ConflictAnswer none(QStringLiteral("reloadButton"));
    renameInTree(id, QStringLiteral("Emotive words"));
    QTRY_COMPARE(store().codebook().code(id)->name, QStringLiteral("Emotive words"));
    select(id);
    QTest::keyClick(panel()->view(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(model()->indexOfCode(id).row(), row + 1);
    undoStack()->undo();
    undoStack()->undo();
    QCOMPARE(store().codebook().code(id)->name, QStringLiteral("Loaded language"));
    QCOMPARE(model()->indexOfCode(id).row(), row);
    undoStack()->redo();
    undoStack()->redo();
    QCOMPARE(store().codebook().code(id)->name, QStringLiteral("Emotive words"));
    QCOMPARE(model()->indexOfCode(id).row(), row + 1);
    QVERIFY(!none.shown);
}

void TestUiConflicts::actorRenameAfterOtherCoderAddedAlias()
{
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    const qint64 kimId = m_other->actors().add(kim);
    ActorPanel *actors = m_window->annotating()->actorPanel();
    actors->model()->refresh(); // A's list as if A had just opened the project
    QCOMPARE(actors->model()->rowOf(kimId), 0);
    m_other->actors().addAlias(kimId, QStringLiteral("Kim"));

    ConflictAnswer answer(QStringLiteral("applyMineButton"));
    QVERIFY(actors->renameActor(kimId, QStringLiteral("Kim Jong-un")));
    QVERIFY(answer.shown);
    QCOMPARE(answer.text,
             QStringLiteral("The actor “Kim Jong Un” was changed by someone else since you "
                            "opened it (its aliases changed). Reload to see their version, or "
                            "apply yours again."));
    // A's rename (which keeps the old name as an alias) over B's alias.
    const Actor stored = *m_other->actors().get(kimId);
    QCOMPARE(stored.name, QStringLiteral("Kim Jong-un"));
    QVERIFY(stored.aliases.contains(QStringLiteral("Kim")));
    QVERIFY(stored.aliases.contains(QStringLiteral("Kim Jong Un")));
    QCOMPARE(actors->model()->actor(0).name, QStringLiteral("Kim Jong-un"));

    // B renames it again; A's merge of another actor into it asks, Reload
    // keeps both actors as they are.
    Actor dup;
    dup.name = QStringLiteral("Chairman Kim");
    const qint64 dupId = m_other->actors().add(dup);
    actors->model()->refresh();
    Actor byB = *m_other->actors().get(kimId);
    byB.name = QStringLiteral("Kim Jong Un");
    m_other->actors().update(byB);
    ConflictAnswer reload(QStringLiteral("reloadButton"));
    QVERIFY(!actors->mergeActors(kimId, dupId));
    QVERIFY(reload.shown);
    QVERIFY(m_other->actors().get(dupId));
    QCOMPARE(actors->model()->actor(actors->model()->rowOf(kimId)).name,
             QStringLiteral("Kim Jong Un"));
}

// Undoing a new category, and deleting one (and redoing that), after
// another coder renamed it: Apply Mine Again removes it as it is now.
void TestUiConflicts::categoryRemovalOverOtherCodersChange()
{
    CodebookEditor *editor = panel()->editor();
    const auto renameByOther = [&](qint64 id, const QString &name) {
        QTRY_VERIFY(m_other->codebook().category(id).has_value());
        Category after = *m_other->codebook().category(id);
        after.name = name;
        m_other->codebook().updateCategory(after);
    };
    const qint64 added = editor->addCategory(QStringLiteral("Sources"));
    QVERIFY(added > 0);
    renameByOther(added, QStringLiteral("Sourcing"));
    {
        ConflictAnswer mine(QStringLiteral("applyMineButton"));
        undoStack()->undo();
        QVERIFY(mine.shown);
        QVERIFY2(mine.text.contains(QStringLiteral("Sourcing")), qPrintable(mine.text));
    }
    QVERIFY(!m_other->codebook().category(added).has_value());
    undoStack()->redo(); // the category as it was removed: "Sourcing"
    QCOMPARE(m_other->codebook().category(added)->name, QStringLiteral("Sourcing"));

    const Category shown = *store().codebook().category(added);
    renameByOther(added, QStringLiteral("Attribution"));
    {
        ConflictAnswer mine(QStringLiteral("applyMineButton"));
        QVERIFY(editor->deleteCategory(shown));
        QVERIFY(mine.shown);
    }
    QVERIFY(!m_other->codebook().category(added).has_value());
    undoStack()->undo(); // back as it was when removed, B's name with it
    QCOMPARE(m_other->codebook().category(added)->name, QStringLiteral("Attribution"));
    renameByOther(added, QStringLiteral("Attributions"));
    {
        ConflictAnswer mine(QStringLiteral("applyMineButton"));
        undoStack()->redo();
        QVERIFY(mine.shown);
    }
    QVERIFY(!m_other->codebook().category(added).has_value());
}

// New Actor from Selection (Ctrl+Shift+N) makes the actor and codes the
// mention; undoing it after another coder renamed the actor asks. Reload
// keeps their actor (the mention still goes), and redo links a new
// mention to it without making a second actor. Apply Mine Again removes it.
void TestUiConflicts::undoingANewActorAfterOtherCoderRenamedIt()
{
    ReaderView *reader = m_window->reader();
    const auto mentionsOf = [&](qint64 actorId) {
        int n = 0;
        for (const Annotation &a : m_other->annotations().forArticle(reader->articleId()))
            n += a.actorId == actorId ? 1 : 0;
        return n;
    };
    QVERIFY(selectPhraseInReader(reader, QStringLiteral("Kim Jong Un")));
    QTest::keyClick(reader, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_other->actors().all().size(), 1);
    const qint64 kim = m_other->actors().all().constFirst().id;
    QCOMPARE(mentionsOf(kim), 1);
    Actor byB = *m_other->actors().get(kim);
    byB.name = QStringLiteral("Kim Jong-un");
    m_other->actors().update(byB);
    {
        ConflictAnswer reload(QStringLiteral("reloadButton"));
        undoStack()->undo();
        QVERIFY(reload.shown);
        QVERIFY2(reload.text.startsWith(QStringLiteral(
                     "The actor “Kim Jong Un” was changed by someone else since you opened it "
                     "(now named “Kim Jong-un”)")),
                 qPrintable(reload.text));
    }
    QCOMPARE(m_other->actors().get(kim)->name, QStringLiteral("Kim Jong-un"));
    QCOMPARE(mentionsOf(kim), 0);
    {
        ConflictAnswer none(QStringLiteral("reloadButton"));
        undoStack()->redo();
        QVERIFY(!none.shown);
    }
    QCOMPARE(m_other->actors().all().size(), 1);
    QCOMPARE(mentionsOf(kim), 1);
    undoStack()->undo(); // the actor is theirs now: only the mention goes
    QCOMPARE(m_other->actors().all().size(), 1);
    QCOMPARE(mentionsOf(kim), 0);

    m_window->activateWindow(); // back from the conflict box
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(selectPhraseInReader(reader, QStringLiteral("Putin")));
    QTest::keyClick(reader, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    const QList<Actor> actors = m_other->actors().all();
    const auto putin = std::find_if(actors.cbegin(), actors.cend(), [](const Actor &a) {
        return a.name == QLatin1String("Putin");
    });
    QVERIFY(putin != actors.cend());
    m_other->actors().addAlias(putin->id, QStringLiteral("Vladimir Putin"));
    {
        ConflictAnswer mine(QStringLiteral("applyMineButton"));
        undoStack()->undo();
        QVERIFY(mine.shown);
    }
    QVERIFY(!m_other->actors().get(putin->id));
    QCOMPARE(mentionsOf(putin->id), 0);
}

// Undoing a merge brings the merged code back and its sub-code from under
// the target; a code another coder moved meanwhile stays where they put
// it, and their move of that sub-code asks.
void TestUiConflicts::undoingACodeMergeAfterOtherCoderMovedASubCode()
{
    CodebookEditor *editor = panel()->editor();
    const Code loaded = *store().codebook().code(codeId(QStringLiteral("Loaded language")));
    const qint64 category = loaded.categoryId;
    Code sub;
    sub.categoryId = category;
    sub.parentId = loaded.id;
    sub.name = QStringLiteral("Emotive adjectives");
    const qint64 subId = store().codebook().addCode(sub);
    const Code flag = *store().codebook().code(codeId(QStringLiteral("Flag-waving")));
    QTRY_VERIFY(model()->indexOfCode(subId).isValid());
    QVERIFY(editor->mergeCodes(*store().codebook().code(loaded.id), flag.id));
    QCOMPARE(m_other->codebook().code(subId)->parentId, flag.id);
    m_other->codebook().moveCode(*m_other->codebook().code(subId), category, 0, 0);
    {
        ConflictAnswer reload(QStringLiteral("reloadButton"));
        undoStack()->undo();
        QVERIFY(reload.shown);
        QVERIFY2(reload.text.contains(QStringLiteral("“Emotive adjectives”")),
                 qPrintable(reload.text));
    }
    QVERIFY(!m_other->codebook().code(loaded.id)); // the merge stands
    QCOMPARE(m_other->codebook().code(subId)->parentId, 0);
}

// Undoing a codebook import after another coder renamed one of its codes
// asks; after they coded with one, it is refused: their annotations would go.
void TestUiConflicts::undoingAnImportAfterOtherCoderEditedOrUsedIt()
{
    const QByteArray book = R"({"framewise_codebook": 1, "categories": [
        {"name": "Sourcing", "kind": "frame", "codes": [
            {"name": "Anonymous source"}, {"name": "Official source"}]}]})";
    CodebookEditor *editor = panel()->editor();
    QVERIFY(editor->importCodebook(book, QStringLiteral("book.json"), QStringLiteral("Import")));
    const qint64 anonymous = codeId(QStringLiteral("Anonymous source"));
    QVERIFY(anonymous);
    otherCoderEdits(anonymous, [](Code &c) { c.name = QStringLiteral("Unnamed source"); });
    {
        ConflictAnswer reload(QStringLiteral("reloadButton"));
        undoStack()->undo();
        QVERIFY(reload.shown);
        QVERIFY2(reload.text.contains(QStringLiteral("(now named “Unnamed source”)")),
                 qPrintable(reload.text));
    }
    QCOMPARE(m_other->codebook().code(anonymous)->name, QStringLiteral("Unnamed source"));
    QVERIFY(m_other->codebook().codeByName(QStringLiteral("Official source")));

    // Imported again, it adds "Anonymous source" anew (B renamed the first):
    // B recolours it, and the undo is applied over B's change.
    QVERIFY(editor->importCodebook(book, QStringLiteral("book.json"), QStringLiteral("Import")));
    const qint64 second = codeId(QStringLiteral("Anonymous source"));
    QVERIFY(second && second != anonymous);
    otherCoderEdits(second, [](Code &c) { c.colour = QStringLiteral("#336699"); });
    {
        ConflictAnswer mine(QStringLiteral("applyMineButton"));
        undoStack()->undo();
        QVERIFY(mine.shown);
    }
    QVERIFY(!m_other->codebook().code(second));
    QVERIFY(m_other->codebook().code(anonymous)); // the first import's stay
    QVERIFY(m_other->codebook().codeByName(QStringLiteral("Official source")));

    // Redo; B codes a passage with the code: undo is refused.
    undoStack()->redo();
    QVERIFY(m_other->codebook().code(second));
    const NewAnnotation n = newSpan(m_window->reader()->articleId(), 0, 5, second);
    m_other->annotations().add(n);
    undoStack()->undo();
    auto *error = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"));
    QTRY_VERIFY(error);
    QVERIFY2(error->text().contains(
                 QStringLiteral("The imported code “Anonymous source” now codes 1 annotation")),
             qPrintable(error->text()));
    error->close();
    QVERIFY(m_other->codebook().code(second));
    QCOMPARE(m_other->annotations().forArticle(n.articleId).size(), 1);
}

QTEST_MAIN(TestUiConflicts)
#include "tst_ui_conflicts.moc"
