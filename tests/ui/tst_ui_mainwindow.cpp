// Drives the real main window: selection in the reader, code keys, undo,
// the annotation list, the codebook and text outside the Basic
// Multilingual Plane.
#include "reader/AnnotationHighlighter.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "codebook/CodebookModel.h"
#include "codebook/CodebookPanel.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "shell/MainWindow.h"
#include "reader/ReaderView.h"
#include "ReaderSelection.h"
#include "search/SearchIndexStatus.h"
#include "StarterWindow.h"
#include "project/StarterProject.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"
#include "console/SqlConsole.h"
#include "exchange/ExchangeDialog.h"

#include <QApplication>
#include <QMenuBar>
#include <QTimer>
#include <QDate>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>
#include <QUndoStack>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensSampleArticle();
    void keyAppliesCodeWithCodePointOffsets();
    void undoAndRedoKeepTheSameAnnotation();
    void overlappingAnnotationsLookDifferent();
    void clickingAnnotationSelectsItInReader();
    void deleteKeyRemovesAnnotationUndoably();
    void doubleClickOnCodeApplies();
    void digitsInFilterBoxDoNotCode();
    void keyboardOnlyFlow();
    void emojiAndCjkOffsetsAreCodePoints();
    void readOnlyProjectDisablesEditing();
    void importedArticlesBecomeSearchableInTheBackground();
    void libraryKeepsImportOrderAndFitsCounts();
    void sqlConsoleIsBuiltWhenFirstShown();
    void fileImportAndExportMenus();

private:
    void selectPhrase(const QString &phrase, int occurrence = 0);
    qint64 codeIdForShortcut(const QString &key) const;
    QList<Annotation> annotations() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1200, 800}));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestMainWindow::selectPhrase(const QString &phrase, int occurrence)
{
    QVERIFY2(selectPhraseInReader(m_window->reader(), phrase, occurrence), qPrintable(phrase));
}

qint64 TestMainWindow::codeIdForShortcut(const QString &key) const
{
    for (const Code &c : m_window->store().codebook().codes()) {
        if (c.shortcut == key)
            return c.id;
    }
    return 0;
}

QList<Annotation> TestMainWindow::annotations() const
{
    return m_window->store().annotations().forArticle(m_window->reader()->articleId());
}

void TestMainWindow::opensSampleArticle()
{
    ReaderView *reader = m_window->reader();
    QCOMPARE(reader->article().title, StarterProject::sampleTitle());
    // The text in the document is the article text, position for position.
    const QString docText = reader->document()->toPlainText();
    QCOMPARE(docText.mid(reader->textStart()), reader->article().text);
    QVERIFY(m_window->findChild<QTableView *>(QStringLiteral("libraryView")));
    QVERIFY(m_window->findChild<QTreeView *>(QStringLiteral("codebookView")));
    QVERIFY(m_window->findChild<QTreeView *>(QStringLiteral("annotationView")));
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("readOnlyBadge"))->isVisible());
}

void TestMainWindow::keyAppliesCodeWithCodePointOffsets()
{
    ReaderView *reader = m_window->reader();
    const QString &text = reader->article().text;
    const TextOffsets offsets(text);
    const qint64 start = offsets.toCodePoint(text.indexOf(QStringLiteral("neo-Nazi")));

    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(reader, Qt::Key_1);

    const QList<Annotation> stored = annotations();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0].start, start);
    QCOMPARE(stored[0].end, start + 8);
    QCOMPARE(stored[0].quote, QStringLiteral("neo-Nazi"));
    QCOMPARE(stored[0].codeIds, QList<qint64>{codeIdForShortcut(QStringLiteral("1"))});

    AnnotationListModel *list = m_window->annotationPanel()->model();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0, AnnotationListModel::Quote).data().toString(), QStringLiteral("neo-Nazi"));
    QCOMPARE(list->index(0, AnnotationListModel::Codes).data().toString(), QStringLiteral("Factual claim"));

    const QTextCharFormat inside = reader->highlightFormatAt(start + 2);
    QCOMPARE(inside.property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    QCOMPARE(inside.background().color().rgb(), QColor(QStringLiteral("#2f6fd6")).rgb());
    QCOMPARE(reader->highlightFormatAt(start + 9).property(AnnotationHighlighter::DepthProperty).toInt(), 0);
    // The new highlight is not hidden under a selection, and focus is back
    // in the reader for the next passage.
    QVERIFY(!reader->textCursor().hasSelection());
    QCOMPARE(QApplication::focusWidget(), reader);
}

void TestMainWindow::undoAndRedoKeepTheSameAnnotation()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(reader, Qt::Key_1);
    QCOMPARE(annotations().size(), 1);
    const Annotation original = annotations().first();

    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(annotations().isEmpty());
    QCOMPARE(m_window->annotationPanel()->model()->rowCount(), 0);
    QCOMPARE(reader->highlightFormatAt(original.start).property(AnnotationHighlighter::DepthProperty).toInt(), 0);

    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(annotations().first().id, original.id);
    QCOMPARE(annotations().first().created, original.created);
    QCOMPARE(m_window->annotationPanel()->model()->rowCount(), 1);
    QCOMPARE(reader->highlightFormatAt(original.start).property(AnnotationHighlighter::DepthProperty).toInt(), 1);

    // Ctrl+Y is the other redo key.
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(annotations().isEmpty());
    QTest::keyClick(reader, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(annotations().first().id, original.id);
}

void TestMainWindow::overlappingAnnotationsLookDifferent()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(reader, Qt::Key_1);
    selectPhrase(QStringLiteral("Nazi” regime"));
    QTest::keyClick(reader, Qt::Key_9);

    const QList<Annotation> stored = annotations();
    QCOMPARE(stored.size(), 2);
    const Annotation &first = stored[0].quote == QStringLiteral("neo-Nazi") ? stored[0] : stored[1];
    const Annotation &second = stored[0].quote == QStringLiteral("neo-Nazi") ? stored[1] : stored[0];
    QCOMPARE(second.quote, QStringLiteral("Nazi” regime"));
    QCOMPARE(second.codeIds, QList<qint64>{codeIdForShortcut(QStringLiteral("9"))});
    QCOMPARE(second.start, first.start + 4);

    const QTextCharFormat single = reader->highlightFormatAt(first.start + 1); // "e" of neo
    const QTextCharFormat overlap = reader->highlightFormatAt(first.start + 5); // "a" of Nazi
    const QTextCharFormat secondOnly = reader->highlightFormatAt(second.end - 2);
    QCOMPARE(single.property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    QCOMPARE(overlap.property(AnnotationHighlighter::DepthProperty).toInt(), 2);
    QCOMPARE(secondOnly.property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    QVERIFY(single != overlap);
    QVERIFY(single.background() != overlap.background());
    QVERIFY(overlap.underlineStyle() != QTextCharFormat::NoUnderline);
    QVERIFY(secondOnly.background() != single.background()); // each keeps its code's colour
}

void TestMainWindow::clickingAnnotationSelectsItInReader()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Victory Day"));
    QTest::keyClick(reader, Qt::Key_4);
    selectPhrase(QStringLiteral("contagious recklessness"));
    QTest::keyClick(reader, Qt::Key_3);
    QCOMPARE(annotations().size(), 2);

    QTreeView *view = m_window->annotationPanel()->view();
    const QModelIndex second = view->model()->index(1, 0);
    QCOMPARE(second.data().toString(), QStringLiteral("contagious recklessness"));
    view->scrollTo(second);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(second).center());
    QCOMPARE(reader->textCursor().selectedText(), QStringLiteral("contagious recklessness"));
    // Keyboard: Up then Enter shows the first one.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Up);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(reader->textCursor().selectedText(), QStringLiteral("Victory Day"));
    const QRect rect = reader->cursorRect();
    QVERIFY(reader->viewport()->rect().intersects(rect));
}

void TestMainWindow::deleteKeyRemovesAnnotationUndoably()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Victory Day"));
    QTest::keyClick(reader, Qt::Key_4);
    QCOMPARE(annotations().size(), 1);
    const qint64 id = annotations().first().id;

    QTreeView *view = m_window->annotationPanel()->view();
    const QModelIndex row = view->model()->index(0, 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(annotations().isEmpty());
    QCOMPARE(view->model()->rowCount(), 0);

    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(annotations().first().id, id);
}

void TestMainWindow::doubleClickOnCodeApplies()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Western hegemony"));
    const qint64 codeId = m_window->store().codebook().codeByName(QStringLiteral("Loaded language"))->id;
    QTreeView *tree = m_window->codebookPanel()->view();
    const QModelIndex index = m_window->codebookPanel()->model()->indexOfCode(codeId);
    QVERIFY(index.isValid());
    tree->scrollTo(index);
    const QPoint centre = tree->visualRect(index).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, centre);

    const QList<Annotation> stored = annotations();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0].quote, QStringLiteral("Western hegemony"));
    QCOMPARE(stored[0].codeIds, QList<qint64>{codeId});
    QCOMPARE(QApplication::focusWidget(), reader);

    // Enter on a code applies it too.
    selectPhrase(QStringLiteral("Kursk"));
    tree->setFocus();
    tree->setCurrentIndex(index);
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(annotations().size(), 2);
}

void TestMainWindow::digitsInFilterBoxDoNotCode()
{
    selectPhrase(QStringLiteral("Victory Day"));
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("libraryFilter"));
    QCOMPARE(QApplication::focusWidget(), filter);
    QTest::keyClicks(filter, QStringLiteral("1945"));
    QCOMPARE(filter->text(), QStringLiteral("1945"));
    QVERIFY(annotations().isEmpty());
}

void TestMainWindow::keyboardOnlyFlow()
{
    ReaderView *reader = m_window->reader();
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("libraryFilter"));
    QCOMPARE(QApplication::focusWidget(), filter);
    QTest::keyClicks(filter, QStringLiteral("kim"));
    QTest::keyClick(filter, Qt::Key_Down); // into the list
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("libraryView"));
    QCOMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Return); // opens and moves to the reader
    QCOMPARE(QApplication::focusWidget(), reader);

    // A freshly opened article puts the caret where the text begins.
    QTest::keyClick(reader, Qt::Key_F6); // harmless when already there
    for (int i = 0; i < 11; ++i)
        QTest::keyClick(reader, Qt::Key_Right, Qt::ShiftModifier);
    const auto span = reader->selectedSpan();
    QVERIFY2(span.has_value(), qPrintable(QStringLiteral("focus %1, cursor %2-%3")
                                              .arg(QApplication::focusWidget()->objectName())
                                              .arg(reader->textCursor().anchor())
                                              .arg(reader->textCursor().position())));
    QTest::keyClick(reader, Qt::Key_4);
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(annotations().first().quote, QStringLiteral("Kim Jong Un"));
    QCOMPARE(annotations().first().start, 0);

    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(annotations().isEmpty());
}

void TestMainWindow::emojiAndCjkOffsetsAreCodePoints()
{
    Article article;
    article.title = QStringLiteral("Mixed scripts");
    article.outlet = QStringLiteral("Test Wire");
    article.text = QStringLiteral("Intro 😀 text 北朝鮮 and שלום end");
    const qint64 id = m_window->store().articles().add(article).id;
    QVERIFY(m_window->openArticle(id));
    ReaderView *reader = m_window->reader();
    QCOMPARE(reader->document()->toPlainText().mid(reader->textStart()), article.text);

    selectPhrase(QStringLiteral("😀 text 北朝鮮"));
    QTest::keyClick(reader, Qt::Key_2);
    selectPhrase(QStringLiteral("שלום"));
    QTest::keyClick(reader, Qt::Key_5);

    QList<Annotation> stored = annotations();
    QCOMPARE(stored.size(), 2);
    std::sort(stored.begin(), stored.end(), [](const Annotation &a, const Annotation &b) { return a.start < b.start; });
    QCOMPARE(stored[0].start, 6);  // "Intro " is six code points
    QCOMPARE(stored[0].end, 16);   // 😀 is one code point, two UTF-16 units
    QCOMPARE(stored[0].quote, QStringLiteral("😀 text 北朝鮮"));
    QCOMPARE(stored[1].start, 21);
    QCOMPARE(stored[1].end, 25);
    QCOMPARE(stored[1].quote, QStringLiteral("שלום"));

    // The highlight sits on the right characters, after the surrogate pair.
    QCOMPARE(reader->highlightFormatAt(15).property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    QCOMPARE(reader->highlightFormatAt(16).property(AnnotationHighlighter::DepthProperty).toInt(), 0);
    QCOMPARE(reader->highlightFormatAt(21).property(AnnotationHighlighter::DepthProperty).toInt(), 1);

    // And the list takes the reader back to exactly that text.
    reader->scrollToSpan(stored[0].start, stored[0].end);
    QCOMPARE(reader->textCursor().selectedText(), QStringLiteral("😀 text 北朝鮮"));
}

void TestMainWindow::readOnlyProjectDisablesEditing()
{
    const QString path = m_window->store().path();
    m_window.reset();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    std::unique_ptr<ProjectSession> store;
    try {
        store = ProjectSession::open(path);
    } catch (const ProjectError &e) {
        QFAIL(qPrintable(QStringLiteral("cannot open a read-only project: ") + e.message()));
    }
    // The permission bits decide, also for root, who may write any file.
    QVERIFY2(store->isReadOnly(), "a project without write permission was opened for writing");
    m_window = std::make_unique<MainWindow>(std::move(store), MainWindow::Options{false});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->openFirstArticle());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Read-only")));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("readOnlyBadge"))->isVisible());
    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(m_window->reader(), Qt::Key_1);
    QVERIFY(annotations().isEmpty());
}


void TestMainWindow::importedArticlesBecomeSearchableInTheBackground()
{
    QDir folder(m_dir->filePath(QStringLiteral("dispatches")));
    QVERIFY(folder.mkpath(QStringLiteral(".")));
    const int n = 1200; // more than two of the indexer's chunks
    for (int i = 0; i < n; ++i) {
        QFile f(folder.filePath(QStringLiteral("d%1.txt").arg(i)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Dispatch %1\n\nPyongyang commentary number %1 on Quelpart.\n")
                    .arg(i)
                    .toUtf8());
    }
    SearchIndexStatus *status = m_window->searchIndexStatus();
    QVERIFY(status);
    QStringList shown;
    connect(status, &SearchIndexStatus::indexAdvanced, status, [&] { shown << status->text(); });
    QSignalSpy advanced(status, &SearchIndexStatus::indexAdvanced);

    const QString summary = m_window->importPaths({folder.path()});
    QVERIFY2(summary.startsWith(QStringLiteral("Imported %1 articles").arg(n)), qPrintable(summary));
    // Listed at once; searchable as the indexer gets through them.
    QCOMPARE(m_window->store().articles().count(), n + 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->store().articles().unindexedCount(), 0, 30000);
    QTRY_VERIFY(!status->isIndexing());
    QTRY_VERIFY(status->isHidden());
    QVERIFY(advanced.size() >= 2);
    QVERIFY2(shown.constFirst().startsWith(QStringLiteral("Indexing for search:")), qPrintable(shown.join(u'|')));
    QVERIFY2(shown.constFirst().endsWith(QStringLiteral("of %1").arg(QLocale().toString(n))), qPrintable(shown.join(u'|')));
    QCOMPARE(m_window->store().articles().search(QStringLiteral("quelpart"), 5000).size(), n);
    QCOMPARE(m_window->store().articles().search(QStringLiteral("\"Dispatch 1199\"")).size(), 1);
}

void TestMainWindow::libraryKeepsImportOrderAndFitsCounts()
{
    ProjectSession &store = m_window->store();
    Article article;
    article.title = QStringLiteral("A much coded dispatch");
    article.text = QStringLiteral("Pyongyang commentary on Quelpart.");
    article.published = QStringLiteral("2025-12-28");
    const qint64 id = store.articles().add(article).id;
    const Code code = store.codebook().ensureCode(QStringLiteral("Claim"));
    QList<NewAnnotation> many;
    for (int i = 0; i < 12345; ++i)
        many.append({id, i % 20, i % 20 + 5, {code.id}, {}, {}});
    store.annotations().addMany(many);

    auto *table = m_window->findChild<QTableView *>(QStringLiteral("libraryView"));
    QVERIFY(table);
    // Import order, with no column sorted until the user asks.
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), -1);
    QCOMPARE(table->model()->index(0, LibraryModel::Title).data().toString(),
             StarterProject::sampleTitle());
    const QModelIndex coded = table->model()->index(1, LibraryModel::Annotations);
    QCOMPARE(coded.data().toInt(), 12345);
    // The count column is wide enough for the largest count.
    const int width = table->columnWidth(LibraryModel::Annotations);
    QVERIFY(width >= table->sizeHintForIndex(coded).width());
    QVERIFY(width >= table->horizontalHeader()->sectionSizeHint(LibraryModel::Annotations));
    // So is the date column for a date, shown the locale's way.
    const QModelIndex dated = table->model()->index(1, LibraryModel::Published);
    QVERIFY(!table->isColumnHidden(LibraryModel::Published));
    QCOMPARE(dated.data().toString(), QLocale().toString(QDate(2025, 12, 28), QLocale::ShortFormat));
    QVERIFY(table->columnWidth(LibraryModel::Published) >= table->sizeHintForIndex(dated).width());
    // The status bar's counts follow the store.
    auto *counts = m_window->findChild<QLabel *>(QStringLiteral("countsLabel"));
    QVERIFY(counts->text().contains(QStringLiteral("%1 annotations").arg(store.annotations().count())));
    QVERIFY(counts->text().contains(QStringLiteral("2 articles")));
}

void TestMainWindow::sqlConsoleIsBuiltWhenFirstShown()
{
    QVERIFY(!m_window->findChild<SqlConsole *>());
    m_window->sqlConsoleDock()->show();
    auto *console = m_window->findChild<SqlConsole *>();
    QVERIFY(console);
    QCOMPARE(m_window->sqlConsoleDock()->widget(), console);
    QCOMPARE(m_window->sqlConsole(), console);
}

// File > Import… and File > Export… from the menu bar: the dialog opens on
// the project, runs, reports, and the library follows the import.
void TestMainWindow::fileImportAndExportMenus()
{
    QAction *import = nullptr, *exporting = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *a : menu->menu()->actions()) {
            if (a->objectName() == QLatin1String("exchangeImport"))
                import = a;
            else if (a->objectName() == QLatin1String("exchangeExport"))
                exporting = a;
        }
    }
    QVERIFY(import && exporting);
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("libraryView"));
    QVERIFY(table);
    const int rows = table->model()->rowCount();
    const qint64 before = m_window->store().annotations().count();

    // The dialog is modal: drive it once it is up, then close it.
    QString report;
    const auto drive = [&](const QString &format, const QString &path) {
        QTimer::singleShot(0, this, [&, format, path] {
            auto *d = qobject_cast<ExchangeDialog *>(QApplication::activeModalWidget());
            if (!d)
                return;
            if (!format.isEmpty())
                d->setFormat(format);
            d->setPaths({path});
            d->run();
            report = d->reportText();
            d->reject();
        });
    };
    drive(QString(), QStringLiteral(FRAMEWISE_TEST_DATA "/ptc"));
    import->trigger();
    QVERIFY2(report.contains(QStringLiteral("annotations: 8 added")), qPrintable(report));
    QCOMPARE(table->model()->rowCount(), rows + 2);
    QCOMPARE(m_window->store().annotations().count(), before + 8);

    const QString out = m_dir->filePath(QStringLiteral("segments.csv"));
    report.clear();
    drive(QStringLiteral("csv"), out);
    exporting->trigger();
    QVERIFY2(report.contains(QStringLiteral("as csv")), qPrintable(report));
    QFile csv(out);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), before + 8 + 1); // header and one row per annotation
}

QTEST_MAIN(TestMainWindow)
#include "tst_ui_mainwindow.moc"
