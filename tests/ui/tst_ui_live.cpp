// A team project open in the main window follows the other coders' commits
// as they happen: another session on the same PostgreSQL database commits,
// and within a second the reader's highlights, the annotation list, the
// library's and codebook's counts, memos, actors, the code matrix and the
// actor network show it, while the reader keeps the user's text selection
// and scroll position and the lists keep their selected row. Runs against
// the throwaway cluster of scripts/with-postgres (FRAMEWISE_TEST_PGHOST);
// without it, it fails.
#include "NewSpan.h"
#include "ReaderSelection.h"
#include "TestProject.h"
#include "actors/ActorListModel.h"
#include "actors/ActorPanel.h"
#include "analysis/CodeMatrixPanel.h"
#include "analysis/NetworkPanel.h"
#include "annotating/AnnotatingController.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "codebook/CodebookModel.h"
#include "codebook/CodebookPanel.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "memos/MemoListModel.h"
#include "memos/MemoPanel.h"
#include "shell/MainWindow.h"
#include "store/ProjectSession.h"

#include <QComboBox>
#include <QDockWidget>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTreeView>

namespace {

bool showsAnnotation(const ReaderView *reader, qint64 id)
{
    const QList<Annotation> shown = reader->shownAnnotations();
    return std::any_of(shown.cbegin(), shown.cend(),
                       [id](const Annotation &a) { return a.id == id; });
}

int codeCount(const CodebookModel *model, qint64 codeId)
{
    // Codes sit under their category, maybe under a parent code.
    std::function<int(const QModelIndex &)> find = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(CodebookModel::CodeIdRole).toLongLong() == codeId
                && !index.data(CodebookModel::IsCategoryRole).toBool())
                return index.data(CodebookModel::AnnotationCountRole).toInt();
            if (const int found = find(index); found >= 0)
                return found;
        }
        return -1;
    };
    return find({});
}

qint64 selectedId(const QAbstractItemView *view, int role)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(role).toLongLong();
}
} // namespace

class TestUiLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void readerKeepsSelectionAndScrollAsHighlightsChange();
    void panelsFollowTheOtherCoder();
    void listsKeepTheirSelectedRow();

private:
    ReaderView *reader() const { return m_window->reader(); }
    // Where the user is in the reader: the selection and the scroll bar.
    struct Place
    {
        int anchor = -1, position = -1, scroll = -1;
        bool operator==(const Place &) const = default;
    };
    Place place() const
    {
        return {reader()->textCursor().anchor(), reader()->textCursor().position(),
                reader()->verticalScrollBar()->value()};
    }
    // The code-point offset of a phrase in the article text.
    qint64 offsetOf(const QString &phrase) const { return m_text.indexOf(phrase); }

    std::unique_ptr<TestProject> m_server;
    std::unique_ptr<ProjectSession> m_other; // the other coder's session
    std::unique_ptr<MainWindow> m_window;
    QString m_text;
    qint64 m_article = 0;
    qint64 m_code = 0;
};

void TestUiLive::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("FRAMEWISE_TEST_BACKEND", "postgresql");
}

void TestUiLive::init()
{
    m_server = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_server);
    const QString url = m_server->location(QStringLiteral("live"));
    m_other = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
    m_other->coders().setCurrent(QStringLiteral("ana"));
    // Long enough to scroll: 80 paragraphs, each told apart by its number.
    QStringList paragraphs;
    for (int i = 1; i <= 80; ++i)
        paragraphs << QStringLiteral("Paragraph %1: the ministers met again and agreed on a "
                                     "ceasefire along the border, officials said.")
                          .arg(i);
    m_text = paragraphs.join(QStringLiteral("\n\n"));
    Article article;
    article.title = QStringLiteral("Talks resume");
    article.outlet = QStringLiteral("Herald");
    article.published = QStringLiteral("2026-03-02");
    article.text = m_text;
    m_article = m_other->articles().add(article).id;
    m_code = m_other->codebook().ensureCode(QStringLiteral("Conflict")).id;

    m_window = std::make_unique<MainWindow>(ProjectSession::open(url), MainWindow::Options {false});
    m_window->resize(1200, 800);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->setCoder(QStringLiteral("ben")));
    QVERIFY(m_window->openArticle(m_article));
}

void TestUiLive::cleanup()
{
    m_window.reset();
    m_other.reset();
    m_server.reset();
}

void TestUiLive::readerKeepsSelectionAndScrollAsHighlightsChange()
{
    REQUIRE_BACKEND(*m_server);
    QVERIFY(selectPhraseInReader(reader(), QStringLiteral("Paragraph 40: the ministers")));
    QScrollBar *bar = reader()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum() / 3);
    const Place before = place();
    QVERIFY(before.anchor != before.position);
    QCOMPARE(before.scroll, bar->maximum() / 3);

    // Ana codes a span where Ben looks, another where he selected text.
    const qint64 at = offsetOf(QStringLiteral("Paragraph 30:"));
    const qint64 a = m_other->annotations().add(newSpan(m_article, at, at + 12, m_code)).id;
    const qint64 b = m_other->annotations()
                         .add(newSpan(m_article, offsetOf(QStringLiteral("Paragraph 40:")),
                                   offsetOf(QStringLiteral("Paragraph 40:")) + 25, m_code))
                         .id;
    QTRY_VERIFY_WITH_TIMEOUT(showsAnnotation(reader(), a) && showsAnnotation(reader(), b), 1000);
    QCOMPARE(place(), before);
    QCOMPARE(reader()->selectedSpan()->start, offsetOf(QStringLiteral("Paragraph 40:")));

    // A span moved, a code added, an annotation removed: the same.
    m_other->annotations().setSpan(a, at, at + 9);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(reader()->annotations().cbegin(), reader()->annotations().cend(),
                    [&](const Annotation &x) { return x.id == a && x.end == at + 9; }),
        1000);
    QCOMPARE(place(), before);
    m_other->annotations().remove(b);
    QTRY_VERIFY_WITH_TIMEOUT(!showsAnnotation(reader(), b), 1000);
    QCOMPARE(place(), before);
    QVERIFY(showsAnnotation(reader(), a));
}

void TestUiLive::panelsFollowTheOtherCoder()
{
    REQUIRE_BACKEND(*m_server);
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Codes by outlet"));
    m_window->networkDock()->show();
    NetworkPanel *network = m_window->networkPanel();
    const int nodes = int(network->nodeItems().size());
    const QAbstractItemModel *library = m_window->libraryPanel()->model();
    const CodebookModel *codebook = m_window->codebookPanel()->model();
    QCOMPARE(library->index(0, LibraryModel::Annotations).data().toInt(), 0);
    QCOMPARE(codeCount(codebook, m_code), 0);

    const qint64 at = offsetOf(QStringLiteral("Paragraph 3:"));
    const qint64 id = m_other->annotations().add(newSpan(m_article, at, at + 11, m_code)).id;
    QTRY_COMPARE_WITH_TIMEOUT(library->index(0, LibraryModel::Annotations).data().toInt(), 1, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(codeCount(codebook, m_code), 1, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->annotationPanel()->model()->rowOf(id) >= 0, true, 1000);
    // The matrix recounts once edits pause (300 ms).
    const auto matrixCell = [&] {
        QTableWidget *table = matrix->table();
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->verticalHeaderItem(row)->text() == QLatin1String("Conflict"))
                return table->item(row, 0) ? table->item(row, 0)->text() : QString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(matrixCell(), QStringLiteral("1"), 1000);

    // A new code and its use, in the codebook and the matrix.
    Code code;
    code.categoryId = m_other->codebook().code(m_code)->categoryId;
    code.name = QStringLiteral("Diplomacy");
    const qint64 diplomacy = m_other->codebook().addCode(code);
    QTRY_COMPARE_WITH_TIMEOUT(codeCount(codebook, diplomacy), 0, 1000);
    m_other->annotations().addCode(id, diplomacy);
    QTRY_COMPARE_WITH_TIMEOUT(codeCount(codebook, diplomacy), 1, 1000);

    // Actors: the actor list and the network.
    Actor actor;
    actor.name = QStringLiteral("United Nations");
    actor.kind = QStringLiteral("organisation");
    const qint64 un = m_other->actors().add(actor);
    ActorListModel *actors = m_window->annotating()->actorPanel()->model();
    QTRY_COMPARE_WITH_TIMEOUT(actors->rowOf(un) >= 0, true, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(int(network->nodeItems().size()), nodes + 1, 1000);

    // Memos.
    Memo memo;
    memo.target = Memo::Target::Article;
    memo.targetId = m_article;
    memo.title = QStringLiteral("Source");
    memo.body = QStringLiteral("Check the date.");
    m_other->memos().add(memo);
    MemoListModel *memos = m_window->memoPanel()->model();
    QTRY_COMPARE_WITH_TIMEOUT(memos->rowCount(), 1, 1000);

    // Removed again: every count goes back.
    m_other->annotations().remove(id);
    QTRY_COMPARE_WITH_TIMEOUT(library->index(0, LibraryModel::Annotations).data().toInt(), 0, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(codeCount(codebook, m_code), 0, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->annotationPanel()->model()->rowCount(), 0, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(matrix->table()->rowCount(), 0, 1000); // no code has segments
}

void TestUiLive::listsKeepTheirSelectedRow()
{
    REQUIRE_BACKEND(*m_server);
    // Ben's own annotations, one a paragraph, one of them selected and the
    // list scrolled away from it; Ana's arrive around it.
    QList<NewAnnotation> spans;
    for (int i = 1; i <= 80; ++i) {
        const qint64 at = offsetOf(QStringLiteral("Paragraph %1:").arg(i));
        spans << newSpan(m_article, at, at + 12, m_code);
    }
    const qint64 mine = m_window->store().annotations().addMany(spans).at(39);
    AnnotationPanel *panel = m_window->annotationPanel();
    panel->selectAnnotation(mine);
    QCOMPARE(panel->selectedAnnotationId(), mine);
    QScrollBar *listBar = panel->view()->verticalScrollBar();
    QVERIFY(listBar->maximum() > 0);
    listBar->setValue(3);
    const int scrolled = listBar->value();

    Memo memo;
    memo.title = QStringLiteral("Plan");
    const qint64 memoId = m_window->store().memos().add(memo);
    QTableView *memoView = m_window->memoPanel()->view();
    memoView->selectRow(0);
    QCOMPARE(selectedId(memoView, MemoListModel::MemoIdRole), memoId);

    Actor actor;
    actor.name = QStringLiteral("Kim Jong Un");
    actor.kind = QStringLiteral("person");
    const qint64 kim = m_window->store().actors().add(actor);
    ActorPanel *actorPanel = m_window->annotating()->actorPanel();
    actorPanel->selectActor(kim);
    QCOMPARE(actorPanel->selectedActorId(), kim);

    // Before Ben's row in reading order, so its row moves down.
    const qint64 theirs = m_other->annotations().add(newSpan(m_article, 0, 9, m_code)).id;
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOf(theirs) >= 0, 1000);
    QCOMPARE(panel->selectedAnnotationId(), mine);
    QCOMPARE(listBar->value(), scrolled);
    memo.title = QStringLiteral("Ana's plan");
    m_other->memos().add(memo);
    actor.name = QStringLiteral("Abe Shinzo");
    m_other->actors().add(actor);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->memoPanel()->model()->rowCount(), 2, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(actorPanel->model()->rowCount(), 2, 1000);
    QCOMPARE(selectedId(memoView, MemoListModel::MemoIdRole), memoId);
    QCOMPARE(actorPanel->selectedActorId(), kim);
    QCOMPARE(panel->selectedAnnotationId(), mine);
}

QTEST_MAIN(TestUiLive)
#include "tst_ui_live.moc"
