// Codebook edits in the store: rename, recolour, shortcuts, moves, merge
// and delete with exact undo, memos, and the starter codebooks merging by
// name.
#include "TestProject.h"
#include "base/ProjectError.h"
#include "project/CodebookFile.h"
#include "project/StarterCodebooks.h"
#include "store/ProjectSession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCodebook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void renameRecolourDescribe();
    void shortcutsAreUniqueAndValidated();
    void refusedEditChangesNothing();
    void reorderAndReparent();
    void cannotNestInsideItself();
    void categoryEdits();
    void mergeMovesAnnotationsAndUndoesExactly();
    void mergeRefusesOwnSubCode();
    void removeCountsAndRestoresExactly();
    void memosCrud();
    void signalsAfterCommit();
    void starterCodebooksMergeByName();
    void malformedFilesNameTheFile_data();
    void malformedFilesNameTheFile();
    void exportImportRoundTrip();

private:
    qint64 code(const QString &name) const { return m_session->codebook().codeByName(name)->id; }
    QList<qint64> codesOf(qint64 annotationId) const
    {
        return m_session->annotations().get(annotationId)->codeIds;
    }
    qint64 annotate(qint64 start, qint64 end, const QList<qint64> &codes);

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
    qint64 m_article = 0;
    qint64 m_category = 0;
};

void TestCodebook::init()
{
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("c.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Speech");
    a.text = QStringLiteral("Kim Jong Un spoke of heroes and lackeys. He warned Seoul.");
    m_article = m_session->articles().add(a).id;
    Category c;
    c.name = QStringLiteral("Technique");
    c.kind = Category::Kind::Technique;
    m_category = m_session->codebook().addCategory(c);
    int position = 0;
    for (const char *name : {"Loaded language", "Name calling", "Flag-waving", "Doubt"}) {
        Code code;
        code.categoryId = m_category;
        code.name = QString::fromLatin1(name);
        code.position = position++;
        m_session->codebook().addCode(code);
    }
}

void TestCodebook::cleanup()
{
    m_session.reset();
    m_project.reset();
}

qint64 TestCodebook::annotate(qint64 start, qint64 end, const QList<qint64> &codes)
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = start;
    n.end = end;
    n.codeIds = codes;
    return m_session->annotations().add(n).id;
}

void TestCodebook::renameRecolourDescribe()
{
    Code c = *m_session->codebook().code(code(QStringLiteral("Doubt")));
    c.name = QStringLiteral("  Casting doubt ");
    c.colour = QStringLiteral("#123456");
    c.description = QStringLiteral("Questioning credibility.\nExample: so-called experts");
    m_session->codebook().updateCode(c);
    const Code stored = *m_session->codebook().code(c.id);
    QCOMPARE(stored.name, QStringLiteral("Casting doubt"));
    QCOMPARE(stored.colour, QStringLiteral("#123456"));
    QCOMPARE(stored.description, c.description);
    QCOMPARE(stored.position, c.position);

    c.name = QStringLiteral("loaded LANGUAGE"); // taken, ignoring case
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().updateCode(c));
    c.name = QStringLiteral("Casting doubt");
    c.colour = QStringLiteral("blue");
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().updateCode(c));
    c.colour = QStringLiteral("#123456");
    c.name = QStringLiteral("   ");
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().updateCode(c));
    c.id = 9999;
    c.name = QStringLiteral("Ghost");
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().updateCode(c));
}

void TestCodebook::shortcutsAreUniqueAndValidated()
{
    Code a = *m_session->codebook().code(code(QStringLiteral("Doubt")));
    a.shortcut = QStringLiteral("D");
    a.version = m_session->codebook().updateCode(a); // each edit names the version it read
    QCOMPARE(m_session->codebook().code(a.id)->shortcut, QStringLiteral("D"));

    Code b = *m_session->codebook().code(code(QStringLiteral("Flag-waving")));
    b.shortcut = QStringLiteral("d"); // the same key
    try {
        m_session->codebook().updateCode(b);
        QFAIL("a shortcut in use was accepted");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("Doubt")), qPrintable(e.message()));
    }
    b.shortcut = QString(40, QLatin1Char('x'));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().updateCode(b));
    // A code may keep its own shortcut, and new codes are checked too.
    a.version = m_session->codebook().updateCode(a);
    Code fresh;
    fresh.categoryId = m_category;
    fresh.name = QStringLiteral("Slogans");
    fresh.shortcut = QStringLiteral("D");
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().addCode(fresh));
    a.shortcut.clear();
    a.version = m_session->codebook().updateCode(a); // the version each edit names
    QVERIFY(m_session->codebook().addCode(fresh) > 0);
}

void TestCodebook::refusedEditChangesNothing()
{
    const QList<Code> before = m_session->codebook().codes();
    QSignalSpy changed(m_session.get(), &ProjectSession::changed);
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             m_session->codebook().moveCode(code(QStringLiteral("Doubt")), 4242, 0, 0));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().mergeCodes(code(QStringLiteral("Doubt")), 777));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().removeCode(777));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_session->codebook().codes().size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(m_session->codebook().codes()[i].id, before[i].id);
        QCOMPARE(m_session->codebook().codes()[i].position, before[i].position);
    }
}

void TestCodebook::reorderAndReparent()
{
    const qint64 doubt = code(QStringLiteral("Doubt"));
    const qint64 loaded = code(QStringLiteral("Loaded language"));
    const CodebookLayout before = m_session->codebook().layout();

    m_session->codebook().moveCode(doubt, m_category, 0, 0); // to the top
    QStringList names;
    for (const Code &c : m_session->codebook().codes())
        names << c.name;
    QCOMPARE(names,
             QStringList({QStringLiteral("Doubt"), QStringLiteral("Loaded language"),
                          QStringLiteral("Name calling"), QStringLiteral("Flag-waving")}));

    // Nest Flag-waving under Loaded language: it follows its parent's category.
    m_session->codebook().moveCode(code(QStringLiteral("Flag-waving")), 0, loaded, 0);
    QCOMPARE(m_session->codebook().code(code(QStringLiteral("Flag-waving")))->parentId, loaded);
    QCOMPARE(m_session->codebook().code(code(QStringLiteral("Flag-waving")))->categoryId, m_category);

    // Moving a parent to another category takes its sub-codes along.
    Category other;
    other.name = QStringLiteral("Frame");
    other.kind = Category::Kind::Frame;
    const qint64 frame = m_session->codebook().addCategory(other);
    m_session->codebook().moveCode(loaded, frame, 0, 5);
    QCOMPARE(m_session->codebook().code(loaded)->categoryId, frame);
    QCOMPARE(m_session->codebook().code(code(QStringLiteral("Flag-waving")))->categoryId, frame);

    m_session->codebook().restoreLayout(before);
    for (const Code &c : before.codes) {
        const Code now = *m_session->codebook().code(c.id);
        QCOMPARE(now.categoryId, c.categoryId);
        QCOMPARE(now.parentId, c.parentId);
        QCOMPARE(now.position, c.position);
    }
}

void TestCodebook::cannotNestInsideItself()
{
    const qint64 loaded = code(QStringLiteral("Loaded language"));
    const qint64 doubt = code(QStringLiteral("Doubt"));
    m_session->codebook().moveCode(doubt, 0, loaded, 0);
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().moveCode(loaded, 0, loaded, 0));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().moveCode(loaded, 0, doubt, 0));
    QCOMPARE(m_session->codebook().code(loaded)->parentId, 0);
}

void TestCodebook::categoryEdits()
{
    Category c = *m_session->codebook().categoryByName(QStringLiteral("Technique"));
    c.name = QStringLiteral("Techniques");
    c.colour = QStringLiteral("#abcdef");
    m_session->codebook().updateCategory(c);
    QCOMPARE(m_session->codebook().categoryByName(QStringLiteral("techniques"))->colour,
             QStringLiteral("#abcdef"));
    Category second;
    second.name = QStringLiteral("Claims");
    second.position = 1;
    const qint64 claims = m_session->codebook().addCategory(second);
    m_session->codebook().moveCategory(claims, 0);
    QCOMPARE(m_session->codebook().categories().first().id, claims);
    c.name = QStringLiteral("CLAIMS");
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().updateCategory(c));

    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().removeCategory(m_category)); // has codes
    const Category saved = *m_session->codebook().categoryByName(QStringLiteral("Claims"));
    m_session->codebook().removeCategory(claims);
    QVERIFY(!m_session->codebook().categoryByName(QStringLiteral("Claims")));
    m_session->codebook().restoreCategory(saved);
    QCOMPARE(m_session->codebook().categoryByName(QStringLiteral("Claims"))->id, claims);
}

void TestCodebook::mergeMovesAnnotationsAndUndoesExactly()
{
    const qint64 source = code(QStringLiteral("Name calling"));
    const qint64 target = code(QStringLiteral("Loaded language"));
    const qint64 other = code(QStringLiteral("Doubt"));
    const qint64 onlySource = annotate(0, 3, {source});
    const qint64 both = annotate(4, 8, {source, target});
    const qint64 sourceAndOther = annotate(9, 11, {source, other});
    const qint64 untouched = annotate(12, 15, {other});
    // A sub-code of the source and a memo on it.
    Code child;
    child.categoryId = m_category;
    child.parentId = source;
    child.name = QStringLiteral("Insult");
    const qint64 childId = m_session->codebook().addCode(child);
    Memo memo;
    memo.target = Memo::Target::Code;
    memo.targetId = source;
    memo.title = QStringLiteral("Careful");
    const qint64 memoId = m_session->memos().add(memo);
    const Code sourceBefore = *m_session->codebook().code(source);
    const QList<Annotation> annotationsBefore = m_session->annotations().all();

    const CodeMerge merge = m_session->codebook().mergeCodes(source, target);
    QCOMPARE(merge.touchedAnnotations(), 3);
    QVERIFY(!m_session->codebook().code(source));
    QCOMPARE(codesOf(onlySource), QList<qint64> {target});
    QCOMPARE(codesOf(both), QList<qint64> {target}); // one link, not two
    QCOMPARE(codesOf(sourceAndOther), (QList<qint64> {qMin(target, other), qMax(target, other)}));
    QCOMPARE(codesOf(untouched), QList<qint64> {other});
    QCOMPARE(m_session->codebook().code(childId)->parentId, target);
    QCOMPARE(m_session->memos().get(memoId)->targetId, target);
    QCOMPARE(merge.articles, QList<qint64> {m_article});

    m_session->codebook().undoCodeMerge(merge);
    const Code sourceAfter = *m_session->codebook().code(source);
    QCOMPARE(sourceAfter.name, sourceBefore.name);
    QCOMPARE(sourceAfter.colour, sourceBefore.colour);
    QCOMPARE(sourceAfter.position, sourceBefore.position);
    QCOMPARE(m_session->codebook().code(childId)->parentId, source);
    QCOMPARE(m_session->memos().get(memoId)->targetId, source);
    const QList<Annotation> annotationsAfter = m_session->annotations().all();
    QCOMPARE(annotationsAfter.size(), annotationsBefore.size());
    for (qsizetype i = 0; i < annotationsBefore.size(); ++i) {
        QCOMPARE(annotationsAfter[i].id, annotationsBefore[i].id);
        QCOMPARE(annotationsAfter[i].codeIds, annotationsBefore[i].codeIds);
    }
    // And it can be merged again (redo).
    m_session->codebook().mergeCodes(source, target);
    QCOMPARE(codesOf(onlySource), QList<qint64> {target});
}

void TestCodebook::mergeRefusesOwnSubCode()
{
    const qint64 parent = code(QStringLiteral("Loaded language"));
    const qint64 child = code(QStringLiteral("Doubt"));
    m_session->codebook().moveCode(child, 0, parent, 0);
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().mergeCodes(parent, child));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->codebook().mergeCodes(parent, parent));
    // The other way round is fine.
    m_session->codebook().mergeCodes(child, parent);
    QVERIFY(!m_session->codebook().code(child));
}

void TestCodebook::removeCountsAndRestoresExactly()
{
    const qint64 doomed = code(QStringLiteral("Name calling"));
    const qint64 other = code(QStringLiteral("Doubt"));
    Code child;
    child.categoryId = m_category;
    child.parentId = doomed;
    child.name = QStringLiteral("Insult");
    child.shortcut = QStringLiteral("i");
    const qint64 childId = m_session->codebook().addCode(child);
    const qint64 alone = annotate(0, 3, {doomed});
    const qint64 shared = annotate(4, 8, {doomed, other});
    const qint64 viaChild = annotate(9, 11, {childId});
    const qint64 untouched = annotate(12, 15, {other});
    const Annotation aloneBefore = *m_session->annotations().get(alone);

    const CodeRemoval preview = m_session->codebook().removalPreview(doomed);
    QCOMPARE(preview.touchedAnnotations, 3);
    QCOMPARE(preview.annotations.size(), 2); // alone and viaChild carry nothing else
    QCOMPARE(m_session->codebook().codeAnnotationCounts().value(doomed), 2);
    QVERIFY(m_session->codebook().code(doomed)); // a preview changes nothing

    const CodeRemoval removal = m_session->codebook().removeCode(doomed);
    QCOMPARE(removal.touchedAnnotations, 3);
    QCOMPARE(removal.codes.size(), 2);
    QCOMPARE(removal.codes.first().id, doomed);
    QVERIFY(!m_session->codebook().code(doomed));
    QVERIFY(!m_session->codebook().code(childId));
    QVERIFY(!m_session->annotations().get(alone));
    QVERIFY(!m_session->annotations().get(viaChild));
    QCOMPARE(codesOf(shared), QList<qint64> {other});
    QCOMPARE(codesOf(untouched), QList<qint64> {other});

    m_session->codebook().restoreCode(removal);
    QCOMPARE(m_session->codebook().code(childId)->parentId, doomed);
    QCOMPARE(m_session->codebook().code(childId)->shortcut, QStringLiteral("i"));
    const Annotation aloneAfter = *m_session->annotations().get(alone);
    QCOMPARE(aloneAfter.quote, aloneBefore.quote);
    QCOMPARE(aloneAfter.created, aloneBefore.created);
    QCOMPARE(aloneAfter.codeIds, QList<qint64> {doomed});
    QCOMPARE(codesOf(viaChild), QList<qint64> {childId});
    QCOMPARE(codesOf(shared), (QList<qint64> {qMin(doomed, other), qMax(doomed, other)}));
}

void TestCodebook::memosCrud()
{
    Memo m;
    m.target = Memo::Target::Article;
    m.targetId = m_article;
    m.title = QStringLiteral("Tone");
    m.body = QStringLiteral("Very combative.\nSecond line.");
    QSignalSpy changed(m_session.get(), &ProjectSession::changed);
    const qint64 id = m_session->memos().add(m);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_session->memos().forTarget(Memo::Target::Article, m_article).size(), 1);
    QVERIFY(m_session->memos().forTarget(Memo::Target::Code, m_article).isEmpty());

    Memo saved = *m_session->memos().get(id);
    QVERIFY(saved.coderId > 0);
    Memo edited = saved;
    edited.body = QStringLiteral("Calmer than expected.");
    QTest::qWait(5); // times have milliseconds: the edit must show as later
    m_session->memos().update(edited);
    QCOMPARE(m_session->memos().get(id)->body, edited.body);
    QCOMPARE(m_session->memos().get(id)->created, saved.created);
    QVERIFY(m_session->memos().get(id)->modified > saved.modified);
    // Undoing the edit puts back the text and the time it was written.
    m_session->memos().revert(saved);
    QCOMPARE(m_session->memos().get(id)->body, saved.body);
    QCOMPARE(m_session->memos().get(id)->modified, saved.modified);

    m_session->memos().remove(id);
    QVERIFY(!m_session->memos().get(id));
    QVERIFY_THROWS_EXCEPTION(ProjectError, m_session->memos().remove(id));
    m_session->memos().restore(saved);
    const Memo back = *m_session->memos().get(id);
    QCOMPARE(back.body, saved.body);
    QCOMPARE(back.modified, saved.modified);
    QCOMPARE(back.coderId, saved.coderId);
    QCOMPARE(changed.count(), 5);
}

void TestCodebook::signalsAfterCommit()
{
    // A slot that reads the store when told sees the change already there.
    const qint64 doubt = code(QStringLiteral("Doubt"));
    const qint64 target = code(QStringLiteral("Flag-waving"));
    const qint64 a = annotate(0, 3, {doubt});
    QString seenName;
    QList<qint64> seenCodes;
    connect(m_session.get(), &ProjectSession::changed, this, [&](const ChangeSet &changes) {
        if (const auto c = m_session->codebook().code(doubt))
            seenName = c->name;
        if (!changes.annotatedArticles().isEmpty()) {
            QCOMPARE(changes.annotatedArticles(), QSet<qint64>{m_article});
            seenCodes = codesOf(a);
        }
    });
    Code c = *m_session->codebook().code(doubt);
    c.name = QStringLiteral("Doubting");
    m_session->codebook().updateCode(c);
    QCOMPARE(seenName, QStringLiteral("Doubting"));
    m_session->codebook().mergeCodes(doubt, target);
    QCOMPARE(seenCodes, QList<qint64> {target});
}

void TestCodebook::starterCodebooksMergeByName()
{
    for (const QString &name : StarterCodebooks::names())
        QVERIFY(!StarterCodebooks::title(name).isEmpty());
    QVERIFY_THROWS_EXCEPTION(ProjectError, StarterCodebooks::json(QStringLiteral("nope")));

    auto fresh = ProjectSession::open(m_project->location(QStringLiteral("s.framewise")),
                                      ProjectSession::OpenMode::CreateIfMissing);
    CodebookFile::merge(*fresh, StarterCodebooks::json(QStringLiteral("general")),
                        QStringLiteral("general.json"));
    const int general = int(fresh->codebook().codes().size());
    const qint64 security = fresh->codebook().codeByName(QStringLiteral("Security and defense"))->id;

    auto frames
        = CodebookFile::merge(*fresh, StarterCodebooks::json(QStringLiteral("media-frames")),
                              QStringLiteral("media-frames.json"));
    QCOMPARE(frames.codesAdded, 14);
    QCOMPARE(frames.codesKept, 1);
    QCOMPARE(fresh->codebook().codeByName(QStringLiteral("Security and defense"))->id, security);
    QVERIFY(fresh->codebook().codeByName(QStringLiteral("Legality, constitutionality and jurisprudence")));

    auto techniques = CodebookFile::merge(
        *fresh, StarterCodebooks::json(QStringLiteral("propaganda-techniques")),
        QStringLiteral("propaganda-techniques.json"));
    QCOMPARE(techniques.codesAdded, 11);
    QCOMPARE(techniques.codesKept, 3); // Loaded language, Name calling, Flag-waving
    QCOMPARE(int(fresh->codebook().codes().size()), general + 14 + 11);
    for (const Code &c : fresh->codebook().codes())
        QVERIFY2(c.description.size() > 20, qPrintable(c.name));

    // Adding again changes nothing.
    const auto again
        = CodebookFile::merge(*fresh, StarterCodebooks::json(QStringLiteral("media-frames")),
                              QStringLiteral("media-frames.json"));
    QCOMPARE(again.codesAdded, 0);
    QCOMPARE(int(fresh->codebook().codes().size()), general + 25);
    // The new frames follow the general ones in the Frame category.
    const qint64 frameCategory = fresh->codebook().categoryByName(QStringLiteral("Frame"))->id;
    QList<int> positions;
    for (const Code &c : fresh->codebook().codes()) {
        if (c.categoryId == frameCategory)
            positions << c.position;
    }
    QCOMPARE(positions.size(), 4 + 14);
    QVERIFY(std::is_sorted(positions.begin(), positions.end()));
    QCOMPARE(QSet<int>(positions.begin(), positions.end()).size(), positions.size());
}

void TestCodebook::malformedFilesNameTheFile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{oops") << QStringLiteral("not a valid codebook");
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("expected a JSON object");
    QTest::newRow("no marker") << QByteArray("{\"categories\":[]}")
                               << QStringLiteral("framewise_codebook");
    QTest::newRow("newer") << QByteArray("{\"framewise_codebook\":7,\"categories\":[]}")
                           << QStringLiteral("newer Framewise");
    QTest::newRow("categories not a list")
        << QByteArray("{\"framewise_codebook\":1,\"categories\":{}}")
        << QStringLiteral("categories: must be a list");
    QTest::newRow("nameless category")
        << QByteArray("{\"framewise_codebook\":1,\"categories\":[{}]}")
        << QStringLiteral("categories[0]");
    QTest::newRow("bad kind") << QByteArray(
        "{\"framewise_codebook\":1,\"categories\":[{\"name\":\"X\",\"kind\":\"mood\"}]}")
                              << QStringLiteral("categories[0].kind");
    QTest::newRow("nameless code") << QByteArray(
        "{\"framewise_codebook\":1,\"categories\":[{\"name\":\"X\",\"codes\":[{\"name\":\"A\"},"
        "{\"colour\":\"#fff000\"}]}]}")
                                   << QStringLiteral("categories[0].codes[1]");
    QTest::newRow("bad child") << QByteArray(
        "{\"framewise_codebook\":1,\"categories\":[{\"name\":\"X\",\"codes\":[{\"name\":\"A\","
        "\"children\":[{\"name\":\"B\",\"shortcut\":5}]}]}]}")
                               << QStringLiteral("categories[0].codes[0].children[0].shortcut");
}

void TestCodebook::malformedFilesNameTheFile()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const int before = int(m_session->codebook().codes().size());
    try {
        CodebookFile::merge(*m_session, json, QStringLiteral("mine.json"));
        QFAIL("a malformed codebook was accepted");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("mine.json: ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
    }
    QCOMPARE(int(m_session->codebook().codes().size()), before); // nothing half-imported
    QVERIFY(!m_session->codebook().categoryByName(QStringLiteral("X")));
}

void TestCodebook::exportImportRoundTrip()
{
    Code doubt = *m_session->codebook().code(code(QStringLiteral("Doubt")));
    doubt.shortcut = QStringLiteral("5");
    doubt.description = QStringLiteral("Questioning credibility.");
    m_session->codebook().updateCode(doubt);
    m_session->codebook().moveCode(code(QStringLiteral("Flag-waving")), 0, doubt.id, 0);
    const QByteArray json = CodebookFile::exportJson(*m_session, QStringLiteral("mine"));

    auto other = ProjectSession::open(m_project->location(QStringLiteral("o.framewise")),
                                      ProjectSession::OpenMode::CreateIfMissing);
    Code clash; // an existing code already uses key 5: the imported one gives it up
    Category custom;
    custom.name = QStringLiteral("Custom");
    clash.categoryId = other->codebook().addCategory(custom);
    clash.name = QStringLiteral("Mine");
    clash.shortcut = QStringLiteral("5");
    other->codebook().addCode(clash);
    const auto result = CodebookFile::merge(*other, json, QStringLiteral("mine.json"));
    QCOMPARE(result.codesAdded, 4);
    const Code imported = *other->codebook().codeByName(QStringLiteral("Doubt"));
    QCOMPARE(imported.description, doubt.description);
    QVERIFY(imported.shortcut.isEmpty());
    QCOMPARE(other->codebook().codeByName(QStringLiteral("Flag-waving"))->parentId, imported.id);
    QCOMPARE(other->codebook().codeByName(QStringLiteral("Loaded language"))->colour,
             m_session->codebook().codeByName(QStringLiteral("Loaded language"))->colour);
    QCOMPARE(CodebookFile::merge(*other, json, QStringLiteral("mine.json")).codesAdded, 0);
}

QTEST_GUILESS_MAIN(TestCodebook)
#include "tst_codebook.moc"
