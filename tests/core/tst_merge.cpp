// Merging copies of one project coded separately: matched by UUID, then
// content hash and name; idempotent; a conflict changes nothing.
#include "CliRunner.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "project/ProjectMerge.h"
#include "store/ProjectSession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <algorithm>

class TestMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void mergesCopiesAndIsIdempotent();
    void matchesArticlesByContentAndCodesByName();
    void conflictChangesNothing();
    void reportsConflictsAndProgress();
    void cancelChangesNothing();
    void commandLine();

private:
    QString copy(const QString &name);
    qint64 annotate(const QString &path, const QString &coder, qint64 start, qint64 end,
                    const QString &code);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestProject> m_project;
    QString m_base;
    qint64 m_article = 0;
};

void TestMerge::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_base = m_project->location(QStringLiteral("base.framewise"));
    auto s = ProjectSession::open(m_base, ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Shared");
    a.text = QStringLiteral("😀 A shared article that two students code separately.");
    m_article = s->articles().add(a).id;
    s->codebook().ensureCode(QStringLiteral("Fear"));
}

QString TestMerge::copy(const QString &name)
{
    return m_project->copyOf(m_base, name);
}

qint64 TestMerge::annotate(const QString &path, const QString &coder, qint64 start, qint64 end,
                           const QString &code)
{
    auto s = ProjectSession::open(path);
    NewAnnotation n;
    n.articleId = m_article;
    n.start = start;
    n.end = end;
    n.coderName = coder;
    n.codeIds = {s->codebook().ensureCode(code).id};
    return s->annotations().add(n).id;
}

void TestMerge::mergesCopiesAndIsIdempotent()
{
    const QString alice = copy(QStringLiteral("alice.framewise")),
                  bob = copy(QStringLiteral("bob.framewise"));
    annotate(alice, QStringLiteral("alice"), 2, 8, QStringLiteral("Fear"));
    annotate(alice, QStringLiteral("alice"), 9, 16,
             QStringLiteral("Hope")); // a code only alice made
    annotate(bob, QStringLiteral("bob"), 2, 10, QStringLiteral("Fear"));
    {
        auto b = ProjectSession::open(bob);
        Memo m;
        m.target = Memo::Target::Article;
        m.targetId = m_article;
        m.title = QStringLiteral("bob's doubt");
        b->memos().add(m);
    }
    const QString team = copy(QStringLiteral("team.framewise"));
    auto t = ProjectSession::open(team);
    ProjectMerge::Report r = ProjectMerge::merge(*t, {alice, bob});
    QCOMPARE(r.annotationsAdded, 3);
    QCOMPARE(r.codesAdded, 1);
    QCOMPARE(r.articlesAdded, 0);
    QCOMPARE(r.memosAdded, 1);
    QCOMPARE(t->annotations().count(), 3);
    QCOMPARE(t->articles().count(), 1);
    QVERIFY(t->codebook().codeByName(QStringLiteral("Hope")));
    QStringList coders;
    for (const Annotation &a : t->annotations().all())
        coders.append(a.coderName);
    coders.sort();
    QCOMPARE(coders, (QStringList {"alice", "alice", "bob"}));
    // The annotations keep their UUIDs: merging again adds nothing.
    r = ProjectMerge::merge(*t, {alice, bob});
    QCOMPARE(r.annotationsAdded, 0);
    QCOMPARE(r.annotationsPresent, 3);
    QCOMPARE(r.memosAdded, 0);
    QCOMPARE(t->annotations().count(), 3);
    QCOMPARE(t->memos().all().size(), 1);
    // Quotes are recut from the target's (identical) text, in code points.
    for (const Annotation &a : t->annotations().all())
        if (a.coderName == QLatin1String("bob"))
            QCOMPARE(a.quote, QStringLiteral("A shared"));
}

void TestMerge::matchesArticlesByContentAndCodesByName()
{
    // A project made on its own: same text, new UUIDs; a code of the same name.
    const QString other = m_project->location(QStringLiteral("other.framewise"));
    {
        auto s = ProjectSession::open(other, ProjectSession::OpenMode::CreateIfMissing);
        Article a;
        a.title = QStringLiteral("Shared (imported again)");
        a.text = QStringLiteral("😀 A shared article that two students code separately.");
        const qint64 id = s->articles().add(a).id;
        Article b;
        b.title = QStringLiteral("Only here");
        b.text = QStringLiteral("An article the base does not have.");
        const qint64 id2 = s->articles().add(b).id;
        for (qint64 article : {id, id2}) {
            NewAnnotation n;
            n.articleId = article;
            n.start = 0;
            n.end = 2;
            n.coderName = QStringLiteral("carol");
            n.codeIds = {s->codebook().ensureCode(QStringLiteral("fear")).id};
            s->annotations().add(n);
        }
    }
    auto t = ProjectSession::open(m_base);
    const ProjectMerge::Report r = ProjectMerge::merge(*t, {other});
    QCOMPARE(r.articlesAdded, 1);
    QCOMPARE(r.codesAdded, 0);
    QCOMPARE(t->articles().count(), 2);
    const QList<Annotation> onShared = t->annotations().forArticle(m_article);
    QCOMPARE(onShared.size(), 1);
    QCOMPARE(onShared.front().codeIds,
             QList<qint64> {t->codebook().codeByName(QStringLiteral("Fear"))->id});
}

void TestMerge::conflictChangesNothing()
{
    const QString alice = copy(QStringLiteral("alice.framewise")),
                  bob = copy(QStringLiteral("bob.framewise"));
    annotate(alice, QStringLiteral("alice"), 2, 8, QStringLiteral("Fear"));
    {
        // bob renames the shared code.
        auto b = ProjectSession::open(bob);
        Code c = *b->codebook().codeByName(QStringLiteral("Fear"));
        c.name = QStringLiteral("Anxiety");
        b->codebook().updateCode(c);
    }
    annotate(bob, QStringLiteral("bob"), 2, 10, QStringLiteral("Anxiety"));
    const QString team = copy(QStringLiteral("team.framewise"));
    // A file keeps its size; a database is checked by its rows below.
    QFile f(team);
    const bool file = !TestProject::onPostgres();
    QVERIFY(!file || f.open(QIODevice::ReadOnly));
    const QByteArray before = file ? f.readAll() : QByteArray();
    f.close();
    {
        auto t = ProjectSession::open(team);
        try {
            ProjectMerge::merge(*t, {alice, bob});
            QFAIL("merged a renamed code");
        } catch (const ProjectError &e) {
            QVERIFY2(e.message().contains(
                         QLatin1String("code \"Anxiety\" is named \"Fear\" in the target")),
                     qPrintable(e.message()));
            QVERIFY(e.message().contains(QLatin1String("nothing changed")));
        }
        QCOMPARE(t->annotations().count(), 0);
        QVERIFY(!t->codebook().codeByName(QStringLiteral("Anxiety")));
    }
    if (file) {
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().size(), before.size());
    }
}

void TestMerge::reportsConflictsAndProgress()
{
    const QString alice = copy(QStringLiteral("alice.framewise")),
                  bob = copy(QStringLiteral("bob.framewise"));
    annotate(alice, QStringLiteral("alice"), 2, 8, QStringLiteral("Fear"));
    {
        auto b = ProjectSession::open(bob);
        Code c = *b->codebook().codeByName(QStringLiteral("Fear"));
        c.name = QStringLiteral("Anxiety");
        b->codebook().updateCode(c);
    }
    auto t = ProjectSession::open(copy(QStringLiteral("team.framewise")));
    // The GUI's way: conflicts come back in the report, nothing changed.
    ProjectMerge::Report r = ProjectMerge::tryMerge(*t, {alice, bob});
    QCOMPARE(r.conflicts.size(), 1);
    QVERIFY2(r.conflicts.front().startsWith(bob), qPrintable(r.conflicts.front()));
    QVERIFY(r.conflicts.front().contains(QLatin1String("\"Anxiety\" is named \"Fear\"")));
    QCOMPARE(r.annotationsAdded, 0);
    QVERIFY(!r.cancelled);
    QCOMPARE(t->annotations().count(), 0);

    // Without the conflict: every step is reported, in order, ending at the total.
    QList<int> done;
    QStringList what;
    int total = 0;
    r = ProjectMerge::tryMerge(*t, {alice}, [&](int step, int steps, const QString &name) {
        done.append(step);
        what.append(name);
        total = steps;
        return true;
    });
    QVERIFY(r.conflicts.isEmpty());
    QCOMPARE(r.annotationsAdded, 1);
    QCOMPARE(total, 6);
    QCOMPARE(done.front(), 0);
    QCOMPARE(done.back(), 6);
    QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
    // Named by file, or by database on a server.
    const QString name
        = TestProject::onPostgres() ? QUrl(alice).path().mid(1) : QStringLiteral("alice.framewise");
    QVERIFY2(what.contains(name + QStringLiteral(": annotations")),
             qPrintable(what.join(QLatin1Char('|'))));
    QCOMPARE(t->annotations().count(), 1);
}

void TestMerge::cancelChangesNothing()
{
    const QString alice = copy(QStringLiteral("alice.framewise"));
    annotate(alice, QStringLiteral("alice"), 2, 8, QStringLiteral("Fear"));
    annotate(alice, QStringLiteral("alice"), 9, 16, QStringLiteral("Hope"));
    auto t = ProjectSession::open(copy(QStringLiteral("team.framewise")));
    int changes = 0;
    connect(t.get(), &ProjectSession::changed, this, [&] { ++changes; });
    // Stop after the codes are in: they must go again.
    const ProjectMerge::Report r = ProjectMerge::tryMerge(
        *t, {alice}, [](int step, int, const QString &) { return step < 3; });
    QVERIFY(r.cancelled);
    QCOMPARE(r.annotationsAdded, 0);
    QCOMPARE(t->annotations().count(), 0);
    QVERIFY(!t->codebook().codeByName(QStringLiteral("Hope")));
    QCOMPARE(changes, 0);
    // Completed, it is one change event.
    ProjectMerge::tryMerge(*t, {alice});
    QCOMPARE(changes, 1);
    QCOMPARE(t->annotations().count(), 2);
}

void TestMerge::commandLine()
{
    const CliRunner cli(QStringLiteral(FRAMEWISE_BINARY), m_dir->path());
    const QString alice = copy(QStringLiteral("alice.framewise"));
    annotate(alice, QStringLiteral("alice"), 2, 8, QStringLiteral("Fear"));
    const QString team = copy(QStringLiteral("team.framewise"));
    CliRunner::Run r = cli.run({QStringLiteral("merge"), team, alice});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("annotations added\t1\n"), r.out.constData());
    r = cli.run({QStringLiteral("merge"), team, alice});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("annotations added\t0\nannotations already present\t1\n"));
    r = cli.run({QStringLiteral("merge"), team});
    QCOMPARE(r.exitCode, 2);
    r = cli.run(
        {QStringLiteral("merge"), team, m_dir->filePath(QStringLiteral("missing.framewise"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("missing.framewise"));
    r = cli.run({QStringLiteral("merge"), team, team});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("into itself"));
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
