// Imported text is shown as it is, never as rich text: an article titled
// `<img src=x onerror=1><b>Bold</b> & co` (and a code, actor, note, memo,
// feed and query cell with that text) appears literally in every tooltip,
// label, message and HTML snippet, with no bold run and no image.
#include "actors/ActorPanel.h"
#include "actors/ActorListModel.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "codebook/CodebookModel.h"
#include "codebook/CodebookPanel.h"
#include "feeds/FeedPanel.h"
#include "feeds/FeedTreeModel.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "shell/LiteralText.h"
#include "shell/MainWindow.h"
#include "memos/MemoDialog.h"
#include "memos/MemoListModel.h"
#include "memos/MemoPanel.h"
#include "codebook/MergeCodesDialog.h"
#include "reader/ReaderView.h"
#include "search/SearchHitDelegate.h"
#include "search/SearchPanel.h"
#include "search/SearchResultModel.h"
#include "console/QueryResultModel.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QApplication>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QToolTip>

namespace {
const QString kHostile = QStringLiteral("<img src=x onerror=1><b>Bold</b> & co");

// What Qt shows for `text` in a widget with `format`: AutoText (tooltips,
// labels and message boxes by default) is rich text when
// Qt::mightBeRichText() says so. Fails the test on an image or a bold run
// the text did not ask for.
QString shown(const QString &text, Qt::TextFormat format = Qt::AutoText)
{
    if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text)))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isImageFormat())
                qWarning("an image in: %s", qPrintable(text));
        }
    }
    return doc.toPlainText();
}

// Whether the displayed text has the hostile string literally.
bool showsLiterally(const QString &text, Qt::TextFormat format = Qt::AutoText)
{
    const QString display = shown(text, format);
    if (!display.contains(kHostile)) {
        qWarning("shown as “%s” from “%s”", qPrintable(display), qPrintable(text));
        return false;
    }
    return true;
}
} // namespace

class TestUiRichText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importKeepsTheTitle();
    void libraryTooltip();
    void searchTooltipAndSnippet();
    void windowTitle();
    void readerTooltip();
    void codebookTooltipsAndMergeDialog();
    void annotationAndActorTooltips();
    void memoTooltipAndDialog();
    void feedTooltip();
    void queryResultTooltip();
    void errorMessagesAreShownAsTheyAre();
    void helperKeepsPlainAmpersands();

private:
    qint64 findArticle() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_codeId = 0;
};

void TestUiRichText::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiRichText::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = ProjectSession::open(m_dir->filePath(QStringLiteral("hostile.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    Category category;
    category.name = kHostile;
    category.kind = Category::Kind::Custom;
    category.colour = QStringLiteral("#336699");
    Code code;
    code.categoryId = store->codebook().addCategory(category);
    code.name = kHostile;
    code.description = kHostile;
    code.colour = QStringLiteral("#336699");
    m_codeId = store->codebook().addCode(code);
    Code other = code;
    other.name = QStringLiteral("Other");
    store->codebook().addCode(other);
    Actor actor;
    actor.name = kHostile;
    actor.kind = QStringLiteral("person");
    actor.description = kHostile;
    actor.aliases = {kHostile};
    store->actors().add(actor);
    Memo memo;
    memo.title = kHostile;
    memo.body = kHostile;
    store->memos().add(memo);
    Feed feed;
    feed.url = QStringLiteral("https://example.org/feed.xml?q=") + kHostile;
    feed.title = kHostile;
    store->feeds().add(feed);

    m_window = std::make_unique<MainWindow>(std::move(store), MainWindow::Options{false});
    m_window->resize(1200, 800);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // As a user imports it: the first line of a text file is its title.
    const QString path = m_dir->filePath(QStringLiteral("hostile.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((kHostile + QStringLiteral("\n\nThe agency wrote ") + kHostile
                + QStringLiteral(" in its dispatch about readiness.\n"))
                   .toUtf8());
    file.close();
    const QString summary = m_window->importPaths({path});
    QVERIFY2(summary.contains(QStringLiteral("Imported 1 article")), qPrintable(summary));
    if (auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("importSummary")))
        box->close();
    ProjectSession &s = m_window->store();
    SearchIndexer::catchUp(s);
    const qint64 article = findArticle();
    QVERIFY(article);
    const QString text = s.articles().get(article)->text;
    NewAnnotation n;
    n.articleId = article;
    n.start = text.indexOf(QStringLiteral("The agency wrote ")) + 17;
    n.end = n.start + kHostile.size(); // ASCII: code points == UTF-16 units
    n.codeIds = {m_codeId};
    n.note = kHostile;
    n.coderName = kHostile;
    s.annotations().add(n);
    QVERIFY(m_window->openArticle(article));
}

void TestUiRichText::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

qint64 TestUiRichText::findArticle() const
{
    for (const ArticleSummary &a : m_window->store().articles().summaries()) {
        if (a.title == kHostile)
            return a.id;
    }
    return 0;
}

void TestUiRichText::importKeepsTheTitle()
{
    const qint64 id = findArticle();
    QVERIFY(id);
    QCOMPARE(m_window->store().articles().get(id)->title, kHostile);
}

void TestUiRichText::libraryTooltip()
{
    LibraryModel *model = m_window->libraryPanel()->model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex title = model->index(0, LibraryModel::Title);
    QCOMPARE(title.data(Qt::DisplayRole).toString(), kHostile);
    const QString tip = title.data(Qt::ToolTipRole).toString();
    QVERIFY(showsLiterally(tip));
    QCOMPARE(shown(tip), kHostile);
}

void TestUiRichText::searchTooltipAndSnippet()
{
    QVERIFY(m_window->searchFor(QStringLiteral("dispatch")));
    SearchResultModel *model = m_window->searchPanel()->model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex hit = model->index(0);
    QCOMPARE(hit.data(SearchResultModel::TitleRole).toString(), kHostile);
    const QString plain = hit.data(Qt::AccessibleDescriptionRole).toString();
    QVERIFY2(plain.contains(kHostile), qPrintable(plain));
    const QString tip = hit.data(Qt::ToolTipRole).toString();
    QCOMPARE(shown(tip), plain);
    const QString html = SearchHitDelegate::snippetHtml(hit.data(SearchResultModel::SnippetRole).toString(),
                                                        QColor(Qt::yellow));
    QTextDocument doc;
    doc.setHtml(html);
    QCOMPARE(doc.toPlainText(), plain);
}

void TestUiRichText::windowTitle()
{
    // Window titles are plain text everywhere; the check keeps it so.
    QVERIFY2(m_window->windowTitle().startsWith(kHostile + QStringLiteral(" — ")),
             qPrintable(m_window->windowTitle()));
}

void TestUiRichText::readerTooltip()
{
    ReaderView *reader = m_window->reader();
    const QString &text = reader->article().text;
    const qint64 at = text.lastIndexOf(QStringLiteral("Bold</b>")); // the annotated one
    QVERIFY(at > 0);
    reader->scrollToSpan(at, at + 4);
    QTextCursor c(reader->document());
    c.setPosition(reader->documentPosition(at + 1));
    const QPoint point = reader->cursorRect(c).center() + QPoint(1, 0);
    QHelpEvent help(QEvent::ToolTip, point, reader->viewport()->mapToGlobal(point));
    QApplication::sendEvent(reader->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QToolTip::hideText();
    // The code's name, the coder and the note: each literal.
    QCOMPARE(shown(tip).count(kHostile), 3);
    QVERIFY2(!tip.contains(QStringLiteral("<img")), qPrintable(tip));
}

void TestUiRichText::codebookTooltipsAndMergeDialog()
{
    CodebookModel *model = m_window->codebookPanel()->model();
    const QModelIndex code = model->indexOfCode(m_codeId);
    QVERIFY(code.isValid());
    const QString codeTip = shown(code.data(Qt::ToolTipRole).toString());
    QVERIFY2(codeTip.startsWith(kHostile + QLatin1Char('\n') + kHostile), qPrintable(codeTip));
    const QString categoryTip = code.parent().data(Qt::ToolTipRole).toString();
    QVERIFY(showsLiterally(categoryTip));

    MergeCodesDialog dialog(m_window->store(), m_codeId, m_window.get());
    int literal = 0;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("Bold"))) {
            QVERIFY(showsLiterally(label->text(), label->textFormat()));
            ++literal;
        }
    }
    QCOMPARE(literal, 2); // the heading and the summary
}

void TestUiRichText::annotationAndActorTooltips()
{
    AnnotationListModel *annotations = m_window->annotationPanel()->model();
    QCOMPARE(annotations->rowCount(), 1);
    const QString tip = annotations->index(0, 0).data(Qt::ToolTipRole).toString();
    // Quote, code, coder and note.
    QCOMPARE(shown(tip).count(kHostile), 4);

    auto *actors = m_window->findChild<ActorPanel *>();
    QVERIFY(actors);
    QCOMPARE(actors->model()->rowCount(), 1);
    // Name, alias and description.
    QCOMPARE(shown(actors->model()->index(0, 0).data(Qt::ToolTipRole).toString()).count(kHostile), 3);
}

void TestUiRichText::memoTooltipAndDialog()
{
    MemoListModel *memos = m_window->memoPanel()->model();
    QCOMPARE(memos->rowCount(), 1);
    QCOMPARE(shown(memos->index(0, 0).data(Qt::ToolTipRole).toString()), kHostile);

    const QString about = QStringLiteral("About the article “%1”.").arg(kHostile);
    MemoDialog dialog(about, QString(), QString(), m_window.get());
    QLabel *label = nullptr;
    for (QLabel *l : dialog.findChildren<QLabel *>()) {
        if (l->text() == about)
            label = l;
    }
    QVERIFY(label);
    QCOMPARE(shown(label->text(), label->textFormat()), about);
}

void TestUiRichText::feedTooltip()
{
    FeedTreeModel *feeds = m_window->feedPanel()->feedModel();
    QCOMPARE(feeds->rowCount(), 1);
    Feed broken = m_window->store().feeds().all().constFirst();
    broken.lastError = kHostile;
    feeds->reload({}, {broken});
    const QString tip = feeds->index(0, 0).data(Qt::ToolTipRole).toString();
    QCOMPARE(shown(tip), broken.url + QLatin1Char('\n') + kHostile);
}

void TestUiRichText::queryResultTooltip()
{
    QueryResultModel model;
    QueryResult result;
    result.columns = {QStringLiteral("title")};
    result.rows = {{kHostile}, {QStringLiteral("Tom & Jerry")}};
    model.setResult(result);
    QCOMPARE(model.index(0, 0).data(Qt::DisplayRole).toString(), kHostile);
    QCOMPARE(shown(model.index(0, 0).data(Qt::ToolTipRole).toString()), kHostile);
    QCOMPARE(shown(model.index(1, 0).data(Qt::ToolTipRole).toString()), QStringLiteral("Tom & Jerry"));
}

void TestUiRichText::errorMessagesAreShownAsTheyAre()
{
    // Store errors quote titles and names; the window's error box shows them as they are.
    m_window->showError(kHostile);
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"));
    QVERIFY(box);
    QVERIFY(showsLiterally(box->text(), box->textFormat()));
    box->close();
    // The status bar labels.
    for (const char *name : {"projectLabel", "coderLabel", "countsLabel"}) {
        auto *label = m_window->findChild<QLabel *>(QLatin1String(name));
        QVERIFY2(label && label->textFormat() == Qt::PlainText, name);
    }
}

void TestUiRichText::helperKeepsPlainAmpersands()
{
    // Escaped alone, a string without a tag is not taken for rich text: a
    // tooltip "Tom &amp; Jerry" would show its entity. LiteralText must
    // give rich text that shows every string as it is, and no empty tooltip.
    QVERIFY(!Qt::mightBeRichText(QStringLiteral("Tom & Jerry").toHtmlEscaped()));
    for (const QString &text : {QStringLiteral("Tom & Jerry"), kHostile, QStringLiteral("a < b > c"),
                                QStringLiteral("line one\nline two"), QStringLiteral("&lt;b&gt;")}) {
        const QString html = LiteralText::html(text);
        QVERIFY2(Qt::mightBeRichText(html), qPrintable(html));
        QCOMPARE(shown(html), text);
    }
    QVERIFY(LiteralText::html(QString()).isEmpty());
}

QTEST_MAIN(TestUiRichText)
#include "tst_ui_richtext.moc"
