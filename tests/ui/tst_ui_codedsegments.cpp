// The coded-segments window: a query lists the segments with context,
// codes and coder; a wrong query says where and puts the cursor there; a
// double-click opens the reader at the segment; the results export as CSV,
// JSON Lines and HTML. Runs on the hand-built analysis project.
#include "../core/AnalysisFixture.h"
#include "analysis/CodeMatrixPanel.h"
#include "analysis/CodedSegmentsPanel.h"
#include "reader/ReaderView.h"
#include "shell/MainWindow.h"
#include "store/ProjectSession.h"

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
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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

QTEST_MAIN(TestUiCodedSegments)
#include "tst_ui_codedsegments.moc"
