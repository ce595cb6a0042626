// The coded-segments window: a query lists the segments with context,
// codes and coder; a wrong query says where and puts the cursor there; a
// double-click opens the reader at the segment; the results export as CSV,
// JSON Lines and HTML; queries are saved, run again, used as set:NAME and
// restrict the code matrix, and saving and deleting them undo. Runs on the
// hand-built analysis project.
#include "../core/AnalysisFixture.h"
#include "analysis/CodeMatrixPanel.h"
#include "analysis/CodedSegmentsPanel.h"
#include "reader/ReaderView.h"
#include "shell/MainWindow.h"
#include "store/ProjectSession.h"
#include "store/SavedQueryRepository.h"

#include <QAction>
#include <QBarSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

class TestUiCodedSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void shortcutShowsTheDock();
    void queryListsSegmentsWithContext();
    void wrongQuerySaysWhere();
    void doubleClickOpensTheReaderAtTheSegment();
    void exportsCsvJsonLinesAndHtml();
    void matrixByMonthWithChart();
    void matrixCellListsItsSegments();
    void cooccurrenceMatrixIsSymmetric();
    void chartExportsPngAndSvg();
    void savedQuerySaveRunDeleteAndUndo();
    void wrongQueriesAreNotSaved();
    void matrixByWeek();
    void matrixCountsOnlyASavedQuery();
    void matrixMonthsWithoutGaps();
    void matrixFollowsEdits();

private:
    void query(const QString &text);
    CodedSegmentsPanel *panel() const { return m_window->codedSegmentsPanel(); }

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiCodedSegments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_project = m_dir.filePath(QStringLiteral("analysis.framewise"));
    AnalysisFixture::build(m_project);
}

void TestUiCodedSegments::init()
{
    m_window = std::make_unique<MainWindow>(ProjectSession::open(m_project),
                                            MainWindow::Options {false});
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiCodedSegments::cleanup()
{
    m_window.reset();
}

void TestUiCodedSegments::query(const QString &text)
{
    m_window->codedSegmentsDock()->show();
    panel()->queryEdit()->setFocus();
    panel()->queryEdit()->setText(text);
    QTest::keyClick(panel()->queryEdit(), Qt::Key_Return);
}

void TestUiCodedSegments::shortcutShowsTheDock()
{
    QVERIFY(!m_window->codedSegmentsDock()->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_G, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(m_window->codedSegmentsDock()->isVisible());
    QCOMPARE(m_window->codedSegmentsDock()->widget(), panel());
}

void TestUiCodedSegments::queryListsSegmentsWithContext()
{
    query(QStringLiteral("\"Loaded language\" SAME-PARAGRAPH Person"));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("3 segments"));
    QStandardItemModel *model = panel()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Loaded language"));
    QCOMPARE(model->index(1, 2).data().toString(), QStringLiteral("bob"));
    QCOMPARE(model->index(2, 1).data().toString(), QStringLiteral("Slur"));
    QCOMPARE(
        model->index(1, 3).data().toString(),
        QStringLiteral(
            "…sion. He called South Korean forces the 【“most faithful lackeys”】 of Washington "
            "and warned of their “cont…"));
    QVERIFY(panel()->exportButton()->isEnabled());
}

void TestUiCodedSegments::wrongQuerySaysWhere()
{
    query(QStringLiteral("Person AND Nonexistent"));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("position 12: no code “Nonexistent”"));
    QCOMPARE(panel()->queryEdit()->cursorPosition(), 11);
    QCOMPARE(panel()->model()->rowCount(), 0);
    QVERIFY(!panel()->exportButton()->isEnabled());
}

void TestUiCodedSegments::doubleClickOpensTheReaderAtTheSegment()
{
    query(QStringLiteral("coder:bob"));
    QCOMPARE(panel()->model()->rowCount(), 3);
    // Row 3: "praised the alliance" in article 2, after an emoji.
    QTableView *view = panel()->view();
    const QRect cell = view->visualRect(panel()->model()->index(2, 3));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_window->reader()->articleId(), 2);
    const auto span = m_window->reader()->selectedSpan();
    QVERIFY(span);
    QCOMPARE(span->start, 8);
    QCOMPARE(span->end, 28);
}

void TestUiCodedSegments::exportsCsvJsonLinesAndHtml()
{
    query(QStringLiteral("Person FOLLOWED-BY 3 Justification"));
    QCOMPARE(panel()->model()->rowCount(), 1);
    const QString csv = m_dir.filePath(QStringLiteral("s.csv"));
    QVERIFY(panel()->exportTo(csv, CodedSegmentsPanel::ExportFormat::Csv));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QCOMPARE(
        QString::fromUtf8(c.readAll()),
        QStringLiteral(
            "annotation,article,start,end,codes,coder,outlet,published,actor,quote,before,after,"
            "note\n"
            "10,2,0,5,Person,alice,Daily,2025-06-01,Putin,Putin,, 🙂 praised the alliance with "
            "Kim Jong Un,\n"));
    const QString jsonl = m_dir.filePath(QStringLiteral("s.jsonl"));
    QVERIFY(panel()->exportTo(jsonl, CodedSegmentsPanel::ExportFormat::JsonLines));
    QFile j(jsonl);
    QVERIFY(j.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = j.readAll().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject row = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(row.value("annotation").toInteger(), 10);
    QCOMPARE(row.value("quote").toString(), QStringLiteral("Putin"));
    QCOMPARE(row.value("actor").toString(), QStringLiteral("Putin"));
    const QString htmlPath = m_dir.filePath(QStringLiteral("s.html"));
    QVERIFY(panel()->exportTo(htmlPath, CodedSegmentsPanel::ExportFormat::Html));
    QFile h(htmlPath);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(h.readAll());
    QVERIFY(html.contains(
        QStringLiteral("<b>Putin</b><span class=\"ctx\"> 🙂 praised the alliance")));
    QCOMPARE(panel()->statusLabel()->text(),
             QStringLiteral("1 segment exported to %1").arg(htmlPath));
    QVERIFY(!panel()->exportTo(m_dir.filePath(QStringLiteral("missing/dir/s.csv")),
                               CodedSegmentsPanel::ExportFormat::Csv));
    QVERIFY(panel()->statusLabel()->text().contains(QStringLiteral("cannot write")));
}

void TestUiCodedSegments::matrixByMonthWithChart()
{
    QTest::keyClick(m_window.get(), Qt::Key_X, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(m_window->codeMatrixDock()->isVisible());
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    QCOMPARE(matrix->dimensionBox()->currentText(), QStringLiteral("Codes by month"));
    QTableWidget *table = matrix->table();
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("2025-05"));
    QCOMPARE(table->verticalHeaderItem(3)->text(), QStringLiteral("Person"));
    QCOMPARE(table->item(3, 0)->text(), QStringLiteral("3"));
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("2"));
    // The largest cell is the darkest of the heat map.
    QVERIFY(table->item(3, 0)->background().color().lightness()
            < table->item(3, 1)->background().color().lightness());
    matrix->measureBox()->setCurrentIndex(int(CodeMatrixPanel::Measure::ArticleShare));
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("50.0%"));
    // One bar set per code, one bar per month.
    QChart *chart = matrix->chartView()->chart();
    QCOMPARE(chart->series().size(), 1);
    auto *bars = qobject_cast<QBarSeries *>(chart->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 6);
    matrix->chartBox()->setCurrentIndex(int(CodeMatrixPanel::Chart::StackedBars));
    QVERIFY(qobject_cast<QStackedBarSeries *>(matrix->chartView()->chart()->series().first()));
    matrix->chartBox()->setCurrentIndex(int(CodeMatrixPanel::Chart::TimeSeries));
    QCOMPARE(matrix->chartView()->chart()->series().size(), 6);
    QCOMPARE(matrix->chartView()->chart()->theme(), QChart::ChartThemeLight);
}

void TestUiCodedSegments::matrixCellListsItsSegments()
{
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Codes by outlet"));
    QTableWidget *table = matrix->table();
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Daily"));
    QCOMPARE(matrix->queryFor(3, 0), QStringLiteral("code:\"Person\" AND outlet:\"Daily\""));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(3, 0)).center());
    QVERIFY(m_window->codedSegmentsDock()->isVisible());
    QCOMPARE(panel()->queryEdit()->text(), QStringLiteral("code:\"Person\" AND outlet:\"Daily\""));
    QCOMPARE(panel()->model()->rowCount(), 2);
}

void TestUiCodedSegments::cooccurrenceMatrixIsSymmetric()
{
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Co-occurrence in paragraphs"));
    QTableWidget *table = matrix->table();
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(table->columnCount(), 6);
    QCOMPARE(matrix->statusLabel()->text(), QStringLiteral("11 pairs of codes found together"));
    const QStringList codes = {"Factual claim", "Justification", "Loaded language",
                               "Person",        "Slur",          "Threat or warning"};
    for (int i = 0; i < codes.size(); ++i)
        QCOMPARE(table->verticalHeaderItem(i)->text(), codes[i]);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("2")); // Factual claim and Loaded language
    QCOMPARE(table->item(2, 0)->text(), QStringLiteral("2"));
    QCOMPARE(table->item(4, 5)->text(), QStringLiteral("1"));
    QCOMPARE(matrix->queryFor(0, 2),
             QStringLiteral("code:\"Factual claim\" SAME-PARAGRAPH code:\"Loaded language\""));
}

void TestUiCodedSegments::chartExportsPngAndSvg()
{
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    const QString png = m_dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(matrix->exportChart(png));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 640);
    const QString svg = m_dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY(matrix->exportChart(svg));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("<svg"));
    QVERIFY(bytes.size() > 2000); // the bars and axes, drawn
}

void TestUiCodedSegments::savedQuerySaveRunDeleteAndUndo()
{
    QUndoStack *undo = m_window->undoStack();
    QComboBox *saved = panel()->savedQueriesBox();
    QCOMPARE(saved->count(), 0);
    QVERIFY(!panel()->deleteQueryButton()->isEnabled());
    query(QStringLiteral("coder:bob"));
    QVERIFY(panel()->saveQuery(QStringLiteral("bobs")));
    QCOMPARE(undo->undoText(), QStringLiteral("Save Query “bobs”"));
    QCOMPARE(saved->count(), 1);
    QCOMPARE(saved->currentText(), QStringLiteral("bobs"));
    QCOMPARE(saved->itemData(0, Qt::ToolTipRole).toString(), QStringLiteral("coder:bob"));
    QVERIFY(panel()->deleteQueryButton()->isEnabled());
    QCOMPARE(panel()->statusLabel()->text(),
             QStringLiteral("Saved as “bobs”; use it in other queries as set:bobs"));

    // Chosen from the list, it runs again.
    query(QStringLiteral("Person"));
    QCOMPARE(panel()->model()->rowCount(), 5);
    Q_EMIT saved->activated(0);
    QCOMPARE(panel()->queryEdit()->text(), QStringLiteral("coder:bob"));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("3 segments"));
    // And inside other queries.
    query(QStringLiteral("set:bobs AND NOT Justification"));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("2 segments"));

    undo->undo();
    QCOMPARE(saved->count(), 0);
    QVERIFY(!SavedQueryRepository(m_window->store().database()).text(QStringLiteral("bobs")));
    query(QStringLiteral("set:bobs"));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("position 1: no saved query “bobs”"));
    undo->redo();
    QCOMPARE(saved->count(), 1);
    query(QStringLiteral("set:bobs"));
    QCOMPARE(panel()->model()->rowCount(), 3);

    saved->setCurrentIndex(0);
    QTest::mouseClick(panel()->deleteQueryButton(), Qt::LeftButton);
    QCOMPARE(saved->count(), 0);
    QCOMPARE(undo->undoText(), QStringLiteral("Delete Saved Query “bobs”"));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("Deleted the saved query “bobs”"));
    undo->undo();
    QCOMPARE(saved->count(), 1);
    QCOMPARE(SavedQueryRepository(m_window->store().database()).text(QStringLiteral("bobs")),
             std::optional(QStringLiteral("coder:bob")));

    // Saving again under the name replaces the text; undo brings the old one back.
    query(QStringLiteral("coder:bob AND Slur OR Justification"));
    QVERIFY(panel()->saveQuery(QStringLiteral("bobs")));
    QCOMPARE(saved->itemData(0, Qt::ToolTipRole).toString(),
             QStringLiteral("coder:bob AND Slur OR Justification"));
    undo->undo();
    QCOMPARE(saved->itemData(0, Qt::ToolTipRole).toString(), QStringLiteral("coder:bob"));
    undo->undo(); // the first save: nothing left for the other tests
    QVERIFY(SavedQueryRepository(m_window->store().database()).all().isEmpty());
}

void TestUiCodedSegments::wrongQueriesAreNotSaved()
{
    QUndoStack *undo = m_window->undoStack();
    m_window->codedSegmentsDock()->show();
    panel()->queryEdit()->setText(QStringLiteral("Person AND (Slur"));
    QVERIFY(!panel()->saveQuery(QStringLiteral("bad")));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("position 12: “(” is never closed"));
    QCOMPARE(panel()->queryEdit()->cursorPosition(), 11);
    panel()->queryEdit()->setText(QStringLiteral("Person AND Nonexistent"));
    QVERIFY(!panel()->saveQuery(QStringLiteral("bad")));
    QCOMPARE(panel()->statusLabel()->text(), QStringLiteral("position 12: no code “Nonexistent”"));
    panel()->queryEdit()->setText(QStringLiteral("Person OR set:self"));
    QVERIFY(!panel()->saveQuery(QStringLiteral("self")));
    QCOMPARE(panel()->statusLabel()->text(),
             QStringLiteral("position 11: the saved query “self” leads back to itself "
                            "(self → self)"));
    QVERIFY(!panel()->saveQuery(QStringLiteral("  ")));
    QCOMPARE(panel()->savedQueriesBox()->count(), 0);
    QCOMPARE(undo->count(), 0);
}

void TestUiCodedSegments::matrixByWeek()
{
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Codes by week"));
    QTableWidget *table = matrix->table();
    // Weeks 19 and 22 coded; 20 and 21 put in so the time series is even.
    QCOMPARE(table->columnCount(), 4);
    QStringList headers;
    for (int c = 0; c < table->columnCount(); ++c)
        headers << table->horizontalHeaderItem(c)->text();
    QCOMPARE(headers, (QStringList {"2025-W19", "2025-W20", "2025-W21", "2025-W22"}));
    QCOMPARE(table->verticalHeaderItem(3)->text(), QStringLiteral("Person"));
    QStringList person;
    for (int c = 0; c < table->columnCount(); ++c)
        person << table->item(3, c)->text();
    QCOMPARE(person, (QStringList {"3", "0", "0", "2"}));
    QCOMPARE(matrix->queryFor(3, 3),
             QStringLiteral("code:\"Person\" AND date:2025-05-26..2025-06-01"));
    matrix->chartBox()->setCurrentIndex(int(CodeMatrixPanel::Chart::TimeSeries));
    const QList<QAbstractSeries *> series = matrix->chartView()->chart()->series();
    QCOMPARE(series.size(), 6);
    auto *line = qobject_cast<QLineSeries *>(series.at(3));
    QVERIFY(line);
    QCOMPARE(line->name(), QStringLiteral("Person"));
    QCOMPARE(line->points(), (QList<QPointF> {{0, 3}, {1, 0}, {2, 0}, {3, 2}}));
    // A cell's segments: the week from Monday to Sunday.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(3, 3)).center());
    QCOMPARE(panel()->model()->rowCount(), 2);
}

void TestUiCodedSegments::matrixCountsOnlyASavedQuery()
{
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    QComboBox *filter = matrix->filterBox();
    QCOMPARE(filter->count(), 1);
    QCOMPARE(filter->currentText(), QStringLiteral("All segments"));
    query(QStringLiteral("coder:bob"));
    QVERIFY(panel()->saveQuery(QStringLiteral("bobs")));
    QCOMPARE(filter->count(), 2);
    QCOMPARE(filter->itemText(1), QStringLiteral("Only bobs"));
    QTableWidget *table = matrix->table();
    QCOMPARE(table->rowCount(), 6);
    filter->setCurrentIndex(1);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(matrix->statusLabel()->text(),
             QStringLiteral("3 codes × 2 columns, counting only bobs"));
    QCOMPARE(table->verticalHeaderItem(2)->text(), QStringLiteral("Loaded language"));
    QCOMPARE(table->item(2, 0)->text(), QStringLiteral("1"));
    QCOMPARE(matrix->queryFor(2, 0),
             QStringLiteral("code:\"Loaded language\" AND date:2025-05 AND set:\"bobs\""));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(2, 0)).center());
    QCOMPARE(panel()->model()->rowCount(), 1);
    QCOMPARE(panel()->results().at(0).annotationId, 7);
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Co-occurrence in articles"));
    QCOMPARE(matrix->statusLabel()->text(),
             QStringLiteral("1 pairs of codes found together, counting only bobs"));
    QCOMPARE(matrix->queryFor(0, 1),
             QStringLiteral("(code:\"Factual claim\" SAME-ARTICLE code:\"Loaded language\") AND "
                            "set:\"bobs\""));

    // Undoing the save takes the filter away: every segment counts again.
    m_window->undoStack()->undo();
    QCOMPARE(filter->count(), 1);
    QCOMPARE(filter->currentIndex(), 0);
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Codes by month"));
    QCOMPARE(table->rowCount(), 6);
}

void TestUiCodedSegments::matrixMonthsWithoutGaps()
{
    // An article coded in September: July and August come in between.
    ProjectSession &store = m_window->store();
    Article a;
    a.title = QStringLiteral("Later");
    a.outlet = QStringLiteral("Daily");
    a.published = QStringLiteral("2025-09-02");
    a.text = QStringLiteral("Kim Jong Un again.");
    const qint64 id = store.articles().add(a).id;
    NewAnnotation n;
    n.articleId = id;
    n.start = 0;
    n.end = 11;
    n.codeIds = {store.codebook().codeByName(QStringLiteral("Person"))->id};
    n.coderName = QStringLiteral("alice");
    store.annotations().add(n);
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    QTableWidget *table = matrix->table();
    QStringList headers;
    for (int c = 0; c < table->columnCount(); ++c)
        headers << table->horizontalHeaderItem(c)->text();
    QCOMPARE(headers, (QStringList {"2025-05", "2025-06", "2025-07", "2025-08", "2025-09"}));
    QCOMPARE(table->item(3, 2)->text(), QStringLiteral("0"));
    QCOMPARE(table->item(3, 4)->text(), QStringLiteral("1"));
    store.articles().remove({id}); // the fixture as it was, for any test after this one
}

void TestUiCodedSegments::matrixFollowsEdits()
{
    // Coding goes on while the matrix is open: its counts follow, and a
    // hidden matrix counts again when it is shown.
    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Codes by month"));
    matrix->measureBox()->setCurrentIndex(int(CodeMatrixPanel::Measure::Segments));
    QTableWidget *table = matrix->table();
    QCOMPARE(table->verticalHeaderItem(3)->text(), QStringLiteral("Person"));
    QCOMPARE(table->item(3, 0)->text(), QStringLiteral("3"));
    ProjectSession &session = m_window->store();
    const auto person = session.codebook().codeByName(QStringLiteral("Person"));
    QVERIFY(person);
    const Annotation added
        = session.annotations().add({1, 0, 4, {person->id}, QStringLiteral("alice"), {}});
    QTRY_COMPARE(table->item(3, 0)->text(), QStringLiteral("4"));
    m_window->codeMatrixDock()->hide();
    session.annotations().remove(added.id);
    QCOMPARE(table->item(3, 0)->text(), QStringLiteral("4")); // hidden: not yet
    m_window->codeMatrixDock()->show();
    QCOMPARE(table->item(3, 0)->text(), QStringLiteral("3"));
}

QTEST_MAIN(TestUiCodedSegments)
#include "tst_ui_codedsegments.moc"
