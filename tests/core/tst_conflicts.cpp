// Two coders editing the same codes, categories and actors (issue #15): two
// sessions on one project, as two coders' apps on one team database (or
// two connections to one file). An edit names the row version it read; one
// made stale by the other's commit is refused with ConcurrentEditError,
// writes nothing of its unit of work, and succeeds once read again.
#include "TestProject.h"
#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

#include <QSignalSpy>
#include <QTest>

class TestConflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyEditRaisesTheVersion();
    void staleCodeEditIsRefusedAndWritesNothing();
    void retryAfterReloadSucceeds();
    void staleMoveMergeAndDeleteAreRefused();
    void deletedCodeIsNamed();
    void undoingAMergeRefusesAChangedTarget();
    void undoingAMergeKeepsOtherCodersMoves();
    void restoringALayoutRefusesAnotherCodersMove();
    void staleCategoryEditIsRefused();
    void staleActorEditsAreRefused();

private:
    // The message of the ConcurrentEditError the edit threw; empty if none.
    template<typename Edit> static QString conflict(Edit &&edit)
    {
        try {
            edit();
        } catch (const ConcurrentEditError &e) {
            return e.message();
        }
        return {};
    }

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_a; // the coder whose edits go stale
    std::unique_ptr<ProjectSession> m_b; // the other coder
    qint64 m_category = 0;
    qint64 m_loaded = 0;
    qint64 m_doubt = 0;
};

void TestConflicts::init()
{
    qRegisterMetaType<ChangeSet>();
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    const QString location = m_project->location(QStringLiteral("team.framewise"));
    m_a = ProjectSession::open(location, ProjectSession::OpenMode::CreateIfMissing);
    Category c;
    c.name = QStringLiteral("Technique");
    c.kind = Category::Kind::Technique;
    m_category = m_a->codebook().addCategory(c);
    Code code;
    code.categoryId = m_category;
    code.name = QStringLiteral("Loaded language");
    m_loaded = m_a->codebook().addCode(code);
    code.name = QStringLiteral("Doubt");
    code.position = 1;
    m_doubt = m_a->codebook().addCode(code);
    m_b = ProjectSession::open(location);
}

void TestConflicts::cleanup()
{
    m_a.reset();
    m_b.reset();
    m_project.reset();
}

void TestConflicts::everyEditRaisesTheVersion()
{
    Code code = *m_a->codebook().code(m_loaded);
    QCOMPARE(code.version, 1);
    code.colour = QStringLiteral("#123456");
    QCOMPARE(m_a->codebook().updateCode(code), 2);
    code = *m_a->codebook().code(m_loaded);
    QCOMPARE(code.version, 2);
    QCOMPARE(m_a->codebook().moveCode(code, m_category, 0, 1), 3);
    // Its sibling was renumbered, not edited: its version stays.
    QCOMPARE(m_a->codebook().code(m_doubt)->version, 1);
    QCOMPARE(m_b->codebook().code(m_loaded)->version, 3); // the other coder reads it too

    Category category = *m_a->codebook().category(m_category);
    QCOMPARE(category.version, 1);
    category.colour = QStringLiteral("#abcdef");
    QCOMPARE(m_a->codebook().updateCategory(category), 2);

    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    kim = *m_a->actors().get(m_a->actors().add(kim));
    QCOMPARE(kim.version, 1);
    kim.aliases = {QStringLiteral("Kim")};
    QCOMPARE(m_a->actors().update(kim), 2);
    m_a->actors().addAlias(kim.id, QStringLiteral("Chairman Kim"));
    QCOMPARE(m_a->actors().get(kim.id)->version, 3);
}

void TestConflicts::staleCodeEditIsRefusedAndWritesNothing()
{
    const Code seenByA = *m_a->codebook().code(m_loaded);
    Code byB = *m_b->codebook().code(m_loaded);
    byB.name = QStringLiteral("Loaded Language");
    m_b->codebook().updateCode(byB);

    QSignalSpy changed(m_a.get(), &ProjectSession::changed);
    Code edited = seenByA;
    edited.colour = QStringLiteral("#00ff00");
    edited.description = QStringLiteral("A's description");
    // A's unit of work also adds a category first: it goes with the edit.
    const QString message = conflict([&] {
        UnitOfWork unit(m_a->database());
        Category extra;
        extra.name = QStringLiteral("Frames");
        m_a->codebook().addCategory(extra);
        m_a->codebook().updateCode(seenByA, edited);
        unit.commit();
    });
    QCOMPARE(message,
             QStringLiteral("The code “Loaded language” was changed by someone else since "
                            "you opened it (now named “Loaded Language”). Reload to see "
                            "their version, or apply yours again."));
    QCOMPARE(changed.count(), 0);
    const Code stored = *m_b->codebook().code(m_loaded);
    QCOMPARE(stored.name, QStringLiteral("Loaded Language"));
    QCOMPARE(stored.colour, seenByA.colour);
    QCOMPARE(stored.description, QString());
    QCOMPARE(stored.version, 2);
    QVERIFY(!m_b->codebook().categoryByName(QStringLiteral("Frames")));

    // What changed is said when the name did not.
    const Code again = *m_a->codebook().code(m_loaded);
    Code other = again;
    other.colour = QStringLiteral("#0000ff");
    other.description = QStringLiteral("B's");
    m_b->codebook().updateCode(other);
    Code shortcut = again;
    shortcut.shortcut = QStringLiteral("L");
    const QString second = conflict([&] { m_a->codebook().updateCode(again, shortcut); });
    QVERIFY2(second.contains(QStringLiteral("“Loaded Language” was changed by someone else since "
                                            "you opened it (its colour and description changed)")),
             qPrintable(second));
    QCOMPARE(m_b->codebook().code(m_loaded)->shortcut, QString());
}

void TestConflicts::retryAfterReloadSucceeds()
{
    Code seenByA = *m_a->codebook().code(m_loaded);
    Code byB = *m_b->codebook().code(m_loaded);
    byB.name = QStringLiteral("Loaded Language");
    m_b->codebook().updateCode(byB);
    seenByA.colour = QStringLiteral("#00ff00");
    QVERIFY(!conflict([&] { m_a->codebook().updateCode(seenByA); }).isEmpty());

    // Reloaded, A applies the colour over B's name: both edits survive.
    Code reloaded = *m_a->codebook().code(m_loaded);
    QCOMPARE(reloaded.name, QStringLiteral("Loaded Language"));
    QCOMPARE(reloaded.version, 2);
    Code mine = reloaded;
    mine.colour = QStringLiteral("#00ff00");
    QCOMPARE(m_a->codebook().updateCode(reloaded, mine), 3);
    const Code stored = *m_b->codebook().code(m_loaded);
    QCOMPARE(stored.name, QStringLiteral("Loaded Language"));
    QCOMPARE(stored.colour, QStringLiteral("#00ff00"));
    QCOMPARE(stored.version, 3);
    // Now B's copy is the stale one.
    QVERIFY(conflict([&] {
                m_b->codebook().updateCode(byB);
            }).contains(QStringLiteral("(its colour changed)")));
}

void TestConflicts::staleMoveMergeAndDeleteAreRefused()
{
    const Code loaded = *m_a->codebook().code(m_loaded);
    const Code doubt = *m_a->codebook().code(m_doubt);
    Code byB = *m_b->codebook().code(m_loaded);
    byB.description = QStringLiteral("B's");
    m_b->codebook().updateCode(byB);
    const CodebookLayout layout = m_b->codebook().layout();

    QVERIFY(!conflict([&] { m_a->codebook().moveCode(loaded, m_category, 0, 1); }).isEmpty());
    QVERIFY(!conflict([&] { m_a->codebook().mergeCodes(doubt, loaded); }).isEmpty());
    QVERIFY(!conflict([&] { m_a->codebook().mergeCodes(loaded, doubt); }).isEmpty());
    QVERIFY(!conflict([&] { m_a->codebook().removeCode(loaded); }).isEmpty());
    // Nothing moved, merged or deleted; Doubt keeps its version too.
    const CodebookLayout after = m_b->codebook().layout();
    QCOMPARE(after.codes.size(), layout.codes.size());
    for (qsizetype i = 0; i < layout.codes.size(); ++i) {
        QCOMPARE(after.codes[i].id, layout.codes[i].id);
        QCOMPARE(after.codes[i].position, layout.codes[i].position);
        QCOMPARE(after.codes[i].version, layout.codes[i].version);
    }
    // Read again, each goes through.
    QCOMPARE(m_a->codebook().moveCode(*m_a->codebook().code(m_loaded), m_category, 0, 1), 3);
    m_a->codebook().removeCode(*m_a->codebook().code(m_loaded));
    QVERIFY(!m_b->codebook().code(m_loaded));
}

void TestConflicts::deletedCodeIsNamed()
{
    Code seenByA = *m_a->codebook().code(m_doubt);
    m_b->codebook().removeCode(*m_b->codebook().code(m_doubt));
    seenByA.name = QStringLiteral("Casting doubt");
    try {
        m_a->codebook().updateCode(seenByA);
        QFAIL("a code another coder deleted was edited");
    } catch (const ConcurrentEditError &e) {
        QVERIFY(e.deleted());
        QCOMPARE(e.subject(), ConcurrentEditError::Subject::Code);
        QCOMPARE(e.id(), m_doubt);
        QVERIFY2(e.message().startsWith(QStringLiteral(
                     "The code “Casting doubt” was deleted by someone else since you opened it")),
                 qPrintable(e.message()));
    }
    QVERIFY(!m_b->codebook().codeByName(QStringLiteral("Casting doubt")));
}

void TestConflicts::undoingAMergeRefusesAChangedTarget()
{
    const CodeMerge merge = m_a->codebook().mergeCodes(*m_a->codebook().code(m_doubt),
                                                       *m_a->codebook().code(m_loaded));
    QCOMPARE(merge.target.version, 2); // taking the source's work is an edit of the target
    Code byB = *m_b->codebook().code(m_loaded);
    byB.name = QStringLiteral("Emotive words");
    m_b->codebook().updateCode(byB);
    QVERIFY(conflict([&] {
                m_a->codebook().undoCodeMerge(merge);
            }).contains(QStringLiteral("(now named “Emotive words”)")));
    QVERIFY(!m_b->codebook().code(m_doubt)); // the source did not come back
    // Applied again over B's rename: the source comes back, the name stays.
    CodeMerge again = merge;
    again.target = *m_a->codebook().code(m_loaded);
    QCOMPARE(m_a->codebook().undoCodeMerge(again), 4);
    QCOMPARE(m_b->codebook().code(m_doubt)->name, QStringLiteral("Doubt"));
    QCOMPARE(m_b->codebook().code(m_loaded)->name, QStringLiteral("Emotive words"));
}

// Undoing a merge puts back only what the merge moved: the source, and its
// sub-code from under the target. Another coder's move of any other code
// stands; their move of that sub-code is a conflict, unless applied again.
void TestConflicts::undoingAMergeKeepsOtherCodersMoves()
{
    Code code;
    code.categoryId = m_category;
    code.parentId = m_doubt;
    code.name = QStringLiteral("Rhetorical question");
    const qint64 sub = m_a->codebook().addCode(code);
    code.parentId = 0;
    code.name = QStringLiteral("Whataboutism");
    code.position = 2;
    const qint64 other = m_a->codebook().addCode(code);
    const CodeMerge merge = m_a->codebook().mergeCodes(*m_a->codebook().code(m_doubt),
                                                       *m_a->codebook().code(m_loaded));
    QCOMPARE(m_b->codebook().code(sub)->parentId, m_loaded);

    // B puts Whataboutism first; A's undo leaves it there.
    m_b->codebook().moveCode(*m_b->codebook().code(other), m_category, 0, 0);
    QCOMPARE(m_a->codebook().undoCodeMerge(merge), 3);
    QCOMPARE(m_b->codebook().code(m_doubt)->name, QStringLiteral("Doubt"));
    QCOMPARE(m_b->codebook().code(sub)->parentId, m_doubt);
    const auto topOrder = [&] {
        QList<qint64> ids;
        for (const Code &c : m_b->codebook().codes())
            if (!c.parentId)
                ids << c.id;
        std::sort(ids.begin(), ids.end(), [&](qint64 x, qint64 y) {
            return m_b->codebook().code(x)->position < m_b->codebook().code(y)->position;
        });
        return ids;
    };
    QCOMPARE(topOrder(), (QList<qint64> {other, m_loaded, m_doubt}));

    // Merged again; B moves the sub-code out to the top: undo asks.
    const CodeMerge again = m_a->codebook().mergeCodes(*m_a->codebook().code(m_doubt),
                                                       *m_a->codebook().code(m_loaded));
    m_b->codebook().moveCode(*m_b->codebook().code(sub), m_category, 0, 0);
    const QString message = conflict([&] { m_a->codebook().undoCodeMerge(again); });
    QVERIFY2(message.contains(QStringLiteral("“Rhetorical question” was changed by someone else "
                                             "since you opened it (moved)")),
             qPrintable(message));
    QVERIFY(!m_b->codebook().code(m_doubt)); // nothing of the undo was written
    QCOMPARE(m_b->codebook().code(sub)->parentId, 0);
    // Applied again over B's move: the sub-code goes back under Doubt.
    m_a->codebook().undoCodeMerge(again, true);
    QCOMPARE(m_b->codebook().code(sub)->parentId, m_doubt);
    QCOMPARE(m_b->codebook().code(other)->position, 0);
}

void TestConflicts::restoringALayoutRefusesAnotherCodersMove()
{
    // A moves Doubt to the top and back (undo): the layout comes back exactly.
    const CodebookLayout before = m_a->codebook().layout();
    m_a->codebook().moveCode(*m_a->codebook().code(m_doubt), m_category, 0, 0);
    const CodebookLayout after = m_a->codebook().layout();
    m_a->codebook().restoreLayout(before, after);
    for (const Code &c : before.codes)
        QCOMPARE(m_b->codebook().code(c.id)->position, c.position);

    // Again; then B moves Loaded language (which A's move renumbered) back to
    // the top, and A's undo would silently undo B's move.
    m_a->codebook().moveCode(*m_a->codebook().code(m_doubt), m_category, 0, 0);
    const CodebookLayout moved = m_a->codebook().layout();
    m_b->codebook().moveCode(*m_b->codebook().code(m_loaded), m_category, 0, 0);
    const QString message = conflict([&] { m_a->codebook().restoreLayout(before, moved); });
    QVERIFY2(message.contains(QStringLiteral("was changed by someone else since you opened it "
                                             "(moved)")),
             qPrintable(message));
    QCOMPARE(m_b->codebook().code(m_loaded)->position, 0); // B's move stands
    QCOMPARE(m_b->codebook().code(m_doubt)->position, 1);
}

void TestConflicts::staleCategoryEditIsRefused()
{
    const Category seenByA = *m_a->codebook().category(m_category);
    Category byB = *m_b->codebook().category(m_category);
    byB.colour = QStringLiteral("#abcdef");
    m_b->codebook().updateCategory(byB);
    Category renamed = seenByA;
    renamed.name = QStringLiteral("Techniques");
    QCOMPARE(conflict([&] { m_a->codebook().updateCategory(seenByA, renamed); }),
             QStringLiteral("The category “Technique” was changed by someone else since you "
                            "opened it (its colour changed). Reload to see their version, or "
                            "apply yours again."));
    QVERIFY(!conflict([&] { m_a->codebook().removeCategory(seenByA); }).isEmpty());
    QVERIFY(!conflict([&] { m_a->codebook().moveCategory(seenByA, 0); }).isEmpty());
    QCOMPARE(m_b->codebook().category(m_category)->name, QStringLiteral("Technique"));
    // Read again, the rename keeps B's colour.
    const Category now = *m_a->codebook().category(m_category);
    renamed = now;
    renamed.name = QStringLiteral("Techniques");
    QCOMPARE(m_a->codebook().updateCategory(now, renamed), 3);
    QCOMPARE(m_b->codebook().category(m_category)->name, QStringLiteral("Techniques"));
    QCOMPARE(m_b->codebook().category(m_category)->colour, QStringLiteral("#abcdef"));
}

void TestConflicts::staleActorEditsAreRefused()
{
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    const qint64 kimId = m_a->actors().add(kim);
    Actor dup;
    dup.name = QStringLiteral("Kim Jong-un");
    const qint64 dupId = m_a->actors().add(dup);
    const Actor seenByA = *m_a->actors().get(kimId);
    const Actor dupSeenByA = *m_a->actors().get(dupId);

    m_b->actors().addAlias(kimId, QStringLiteral("Kim"));
    Actor edited = seenByA;
    edited.kind = QStringLiteral("state");
    QCOMPARE(conflict([&] { m_a->actors().update(seenByA, edited); }),
             QStringLiteral("The actor “Kim Jong Un” was changed by someone else since you opened "
                            "it (its aliases changed). Reload to see their version, or apply "
                            "yours again."));
    QVERIFY(!conflict([&] { m_a->actors().merge(seenByA, dupSeenByA); }).isEmpty());
    QVERIFY(!conflict([&] { m_a->actors().remove(seenByA); }).isEmpty());
    const Actor stored = *m_b->actors().get(kimId);
    QCOMPARE(stored.kind, QStringLiteral("person"));
    QCOMPARE(stored.aliases, QStringList {QStringLiteral("Kim")});
    QVERIFY(m_b->actors().get(dupId));

    // Reloaded, the merge goes through; undone after B renamed the kept
    // actor, it asks again.
    const ActorMerge merge = m_a->actors().merge(*m_a->actors().get(kimId), dupSeenByA);
    QVERIFY(!m_b->actors().get(dupId));
    Actor byB = *m_b->actors().get(kimId);
    byB.name = QStringLiteral("Kim Jong-un of Korea");
    m_b->actors().update(byB);
    QVERIFY(conflict([&] {
                m_a->actors().undoMerge(merge);
            }).contains(QStringLiteral("now named “Kim Jong-un of Korea”")));
    QVERIFY(!m_b->actors().get(dupId));
}

QTEST_GUILESS_MAIN(TestConflicts)
#include "tst_conflicts.moc"
