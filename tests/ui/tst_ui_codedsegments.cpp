// The coded-segments window: a query lists the segments with context,
// codes and coder; a wrong query says where and puts the cursor there; a
// double-click opens the reader at the segment; the results export as CSV,
// JSON Lines and HTML. Runs on the hand-built analysis project.
#include "../core/AnalysisFixture.h"
#include "analysis/CodedSegmentsPanel.h"
#include "reader/ReaderView.h"
#include "shell/MainWindow.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
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

QTEST_MAIN(TestUiCodedSegments)
#include "tst_ui_codedsegments.moc"
