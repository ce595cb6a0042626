// Whole-article actions and the undo of what store v2 made undoable, driven
// through the window: deleting articles (with the confirmation), importing,
// re-extracting from the stored page, notes, lexicon edits and the coder.
#include "annotating/AnnotatingController.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "library/ArticleActions.h"
#include "library/LibraryFilterProxy.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "reader/ReaderView.h"
#include "StarterWindow.h"
#include "commands/EditLexiconCommand.h"
#include "store/ProjectSession.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

namespace {
const QByteArray kPage = R"(<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Seoul answers Pyongyang</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Seoul answers Pyongyang</h1>
<p>Seoul said the speech in Pyongyang was a provocation.</p>
<p>Officials in Seoul asked Moscow to stay out of Korean affairs.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>)";
} // namespace

class TestUiArticles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void deleteAsksCountsAndUndoes();
    void cancelKeepsEverything();
    void importIsUndoable();
    void reextractReplacesTextAndUndoes();
    void noteIsEditedAndUndone();
    void lexiconEditIsOneUndoStep();
    void coderIsRememberedAndUsed();

private:
    qint64 addArticle(const QString &title, const QString &text);
    qint64 annotate(qint64 articleId, qint64 start, qint64 end);
    ProjectSession &session() { return m_window->store(); }
    QUndoStack &undo() { return *m_window->undoStack(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiArticles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiArticles::init()
{
    QSettings().clear();
    QVERIFY(openStarterWindow(m_dir, m_window, {1200, 800}));
}

void TestUiArticles::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

qint64 TestUiArticles::addArticle(const QString &title, const QString &text)
{
    Article a;
    a.title = title;
    a.text = text;
    return session().articles().add(a).id;
}

qint64 TestUiArticles::annotate(qint64 articleId, qint64 start, qint64 end)
{
    NewAnnotation n;
    n.articleId = articleId;
    n.start = start;
    n.end = end;
    n.codeIds = {session().codebook().codes().constFirst().id};
    return session().annotations().add(n).id;
}

void TestUiArticles::deleteAsksCountsAndUndoes()
{
    const qint64 a = addArticle(QStringLiteral("<b>First</b> & co"), QStringLiteral("Kim met Putin in Moscow."));
    const qint64 b = addArticle(QStringLiteral("Second"), QStringLiteral("Seoul answered at once."));
    annotate(a, 0, 3);
    annotate(a, 8, 13);
    const qint64 kept = annotate(b, 0, 5);
    Memo memo;
    memo.target = Memo::Target::Article;
    memo.targetId = b;
    memo.body = QStringLiteral("a memo");
    session().memos().add(memo);
    QVERIFY(m_window->openArticle(a));

    LibraryModel *model = m_window->libraryPanel()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    const int rows = model->rowCount();

    // Select both rows and use the action, as a user would (Shift+Delete).
    QTableView *view = m_window->libraryPanel()->view();
    view->selectionModel()->clearSelection();
    for (qint64 id : {a, b}) {
        const QModelIndex index = m_window->libraryPanel()->proxy()->mapFromSource(model->index(model->rowOf(id), 0));
        view->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QString question;
    QTimer::singleShot(0, this, [&] {
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("deleteArticlesConfirmation"));
        QVERIFY(box);
        question = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
    });
    m_window->articleActions()->deleteAction()->trigger();
    QVERIFY2(question.contains(QStringLiteral("2 articles")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("3 annotation(s)")) && question.contains(QStringLiteral("1 memo(s)")),
             qPrintable(question));
    QCOMPARE(model->rowCount(), rows - 2);
    QCOMPARE(model->rowOf(a), -1);
    // The open article went with them; the reader moved on to a remaining one.
    QVERIFY(m_window->reader()->articleId() != a && m_window->reader()->articleId() != b);
    QVERIFY(session().memos().all().isEmpty());
    QCOMPARE(undo().undoText(), QStringLiteral("Delete 2 Article(s)"));

    undo().undo();
    QCOMPARE(model->rowCount(), rows);
    QVERIFY(model->rowOf(a) >= 0);
    QCOMPARE(model->index(model->rowOf(a), LibraryModel::Annotations).data().toInt(), 2);
    QCOMPARE(session().annotations().get(kept)->quote, QStringLiteral("Seoul"));
    QCOMPARE(session().memos().all().size(), 1);
    undo().redo();
    QCOMPARE(model->rowCount(), rows - 2);
    // Rows came and went one by one: the view never lost its state.
    QCOMPARE(resets.count(), 0);
}

void TestUiArticles::cancelKeepsEverything()
{
    const qint64 a = addArticle(QStringLiteral("Keep me"), QStringLiteral("Text to keep."));
    const int count = session().articles().count();
    QTimer::singleShot(0, this, [&] {
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("deleteArticlesConfirmation"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("“Keep me”")));
        box->button(QMessageBox::Cancel)->click();
    });
    QVERIFY(!m_window->articleActions()->deleteArticles({a}));
    QCOMPARE(session().articles().count(), count);
    QVERIFY(!undo().canUndo());
}

void TestUiArticles::importIsUndoable()
{
    const QString file = m_dir->filePath(QStringLiteral("new.txt"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("An imported article about Korean security.\n");
    }
    const int before = session().articles().count();
    m_window->importPaths({file});
    if (auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("importSummary")))
        box->close();
    QCOMPARE(session().articles().count(), before + 1);
    QCOMPARE(undo().undoText(), QStringLiteral("Import 1 Article(s)"));
    undo().undo();
    QCOMPARE(session().articles().count(), before);
    QCOMPARE(m_window->libraryPanel()->model()->rowCount(), before);
    undo().redo();
    QCOMPARE(session().articles().count(), before + 1);
    QCOMPARE(session().articles().summaries().constLast().title,
             QStringLiteral("An imported article about Korean security."));
}

void TestUiArticles::reextractReplacesTextAndUndoes()
{
    Article old;
    old.title = QStringLiteral("Seoul answers Pyongyang");
    old.text = QStringLiteral("Home | World\nSeoul said the speech in Pyongyang was a provocation.\n"
                              "Officials in Seoul asked Moscow to stay out of Korean affairs.\n"
                              "Subscribe to our newsletter");
    ArticleSource page;
    page.html = kPage;
    page.url = QStringLiteral("https://news.example/seoul");
    page.contentType = QStringLiteral("text/html; charset=utf-8");
    const qint64 id = session().articles().addMany({old}, {page}).constFirst().id;
    const qint64 moscow = annotate(id, old.text.indexOf(QStringLiteral("Moscow")),
                                   old.text.indexOf(QStringLiteral("Moscow")) + 6);
    QVERIFY(m_window->openArticle(id));

    QVERIFY(m_window->articleActions()->reextract(id, true));
    const QString now = session().articles().get(id)->text;
    QVERIFY(!now.contains(QStringLiteral("Subscribe")));
    QCOMPARE(m_window->reader()->article().text, now); // the reader shows the new text
    const Annotation moved = *session().annotations().get(moscow);
    QCOMPARE(moved.quote, QStringLiteral("Moscow"));
    QCOMPARE(moved.start, now.indexOf(QStringLiteral("Moscow"))); // ASCII text
    QCOMPARE(undo().undoText(), QStringLiteral("Re-extract Article Text"));
    undo().undo();
    QCOMPARE(session().articles().get(id)->text, old.text);
    QCOMPARE(m_window->reader()->article().text, old.text);

    // An annotation on the footer cannot follow: nothing changes.
    annotate(id, old.text.indexOf(QStringLiteral("Subscribe")), old.text.size());
    QVERIFY(!m_window->articleActions()->reextract(id, true));
    QCOMPARE(session().articles().get(id)->text, old.text);
}

void TestUiArticles::noteIsEditedAndUndone()
{
    const qint64 article = m_window->reader()->articleId();
    const qint64 id = annotate(article, 0, 3);
    AnnotatingController *annotating = m_window->annotating();
    QVERIFY(annotating->setNote(id, QStringLiteral("Speaker: Kim")));
    QCOMPARE(session().annotations().get(id)->note, QStringLiteral("Speaker: Kim"));
    AnnotationListModel *list = m_window->annotationPanel()->model();
    const int row = list->rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(list->index(row, AnnotationListModel::Note).data().toString(), QStringLiteral("Speaker: Kim"));
    QCOMPARE(undo().undoText(), QStringLiteral("Edit Note"));
    undo().undo();
    QVERIFY(session().annotations().get(id)->note.isEmpty());
    QVERIFY(list->index(list->rowOf(id), AnnotationListModel::Note).data().toString().isEmpty());
}

void TestUiArticles::lexiconEditIsOneUndoStep()
{
    const QStringList before = session().lexicon().terms(QStringLiteral("hedge"), QStringLiteral("en"));
    QVERIFY(!before.isEmpty()); // the lens seeded the starter lexicons
    QSignalSpy changed(&session(), &ProjectSession::changed);
    undo().push(new EditLexiconCommand(session(),
                                       {{QStringLiteral("en/hedge"), {QStringLiteral("perhaps")}},
                                        {QStringLiteral("en/attribution"), {QStringLiteral("claimed")}}}));
    QCOMPARE(changed.count(), 1); // both lists in one unit of work
    QCOMPARE(session().lexicon().terms(QStringLiteral("hedge"), QStringLiteral("en")),
             QStringList{QStringLiteral("perhaps")});
    undo().undo();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(session().lexicon().terms(QStringLiteral("hedge"), QStringLiteral("en")), before);
}

void TestUiArticles::coderIsRememberedAndUsed()
{
    QVERIFY(MainWindow::coderUnset());
    QVERIFY(!m_window->setCoder(QStringLiteral("  ")));
    QVERIFY(m_window->setCoder(QStringLiteral("Mina")));
    QVERIFY(!MainWindow::coderUnset());
    const qint64 id = annotate(m_window->reader()->articleId(), 0, 3);
    QCOMPARE(session().annotations().get(id)->coderName, QStringLiteral("Mina"));
    QVERIFY(Code::isColour(session().coders().byName(QStringLiteral("Mina"))->colour));
    // A project opened later codes under the same name.
    const QString other = m_dir->filePath(QStringLiteral("other.framewise"));
    m_window->replaceProject(StarterProject::openOrCreate(other));
    QCOMPARE(session().coders().current(), QStringLiteral("Mina"));
}

QTEST_MAIN(TestUiArticles)
#include "tst_ui_articles.moc"
