// Compare with Gold end to end: students against a gold coder on the
// sample article; the window's figures equal `framewise compare` on the
// same project; the report exports as CSV and HTML; the reader draws one
// student's hits, misses and false alarms in three styles with a legend.
#include "CliRunner.h"
#include "StarterWindow.h"
#include "agreement/GoldComparisonWindow.h"
#include "agreement/GoldResultModel.h"
#include "base/ProjectError.h"
#include "reader/GoldLegend.h"
#include "reader/GoldOverlay.h"
#include "reader/ReaderView.h"
#include "text/TextSegments.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using Verdict = GoldComparison::Verdict;

class TestGoldUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void figuresEqualTheCommandLine();
    void exportsTheReport();
    void readerShowsThreeStyles();
    void closesWithTheViewOn();

private:
    GoldComparisonWindow *openAndCompare();
    void add(const QString &coder, int sentence, int from, int to, int code);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_article = 0;
    QList<TextSegments::Segment> m_sentences;
    QList<qint64> m_codes;
    QList<NewAnnotation> m_list;
};

void TestGoldUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestGoldUi::add(const QString &coder, int sentence, int from, int to, int code)
{
    NewAnnotation n;
    n.articleId = m_article;
    n.start = m_sentences[sentence].start + from;
    n.end = m_sentences[sentence].start + to;
    n.coderName = coder;
    n.codeIds = {m_codes[code]};
    m_list.append(n);
}

void TestGoldUi::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
    ProjectSession &s = m_window->store();
    m_article = m_window->reader()->articleId();
    m_sentences = TextSegments::sentences(s.articles().get(m_article)->text);
    QVERIFY(m_sentences.size() >= 4);
    for (const Code &c : s.codebook().codes())
        m_codes.append(c.id);
    QVERIFY(m_codes.size() >= 2);
    m_list.clear();
    // The teacher's gold standard, near the top of the article.
    add(QStringLiteral("teacher"), 0, 0, 20, 0);
    add(QStringLiteral("teacher"), 1, 0, 10, 1);
    add(QStringLiteral("teacher"), 2, 0, 15, 0);
    // amy: an exact hit, a partial hit, a false alarm; misses sentence 1.
    add(QStringLiteral("amy"), 0, 0, 20, 0);
    add(QStringLiteral("amy"), 2, 5, 25, 0);
    add(QStringLiteral("amy"), 3, 0, 8, 0);
    // ben: a partial hit of the second code, a false alarm of the first.
    add(QStringLiteral("ben"), 1, 2, 12, 1);
    add(QStringLiteral("ben"), 1, 0, 5, 0);
    try {
        s.annotations().addMany(m_list);
    } catch (const ProjectError &e) {
        QFAIL(qPrintable(e.message()));
    }
}

void TestGoldUi::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

GoldComparisonWindow *TestGoldUi::openAndCompare()
{
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("goldAction"));
    [&] { QVERIFY(action); }();
    action->trigger();
    auto *w = m_window->findChild<GoldComparisonWindow *>();
    [&] {
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowExposed(w));
    }();
    w->goldChoice()->setCurrentText(QStringLiteral("teacher"));
    // Everyone who coded is a student, except the gold coder.
    QStringList ticked;
    for (int i = 0; i < w->studentList()->count(); ++i)
        if (w->studentList()->item(i)->checkState() == Qt::Checked)
            ticked.append(w->studentList()->item(i)->text());
    [&] {
        QCOMPARE(ticked, (QStringList {QStringLiteral("amy"), QStringLiteral("ben")}));
        QVERIFY2(w->compute(), qPrintable(w->status()->text()));
    }();
    return w;
}

void TestGoldUi::figuresEqualTheCommandLine()
{
    GoldComparisonWindow *w = openAndCompare();
    QAbstractItemModelTester tester(w->results());
    const CliRunner cli(QStringLiteral(FRAMEWISE_BINARY), m_dir->path());
    const QList<int> columns {GoldResultModel::GoldSpans,   GoldResultModel::StudentSpans,
                              GoldResultModel::Precision,   GoldResultModel::Recall,
                              GoldResultModel::F1,          GoldResultModel::ExactPrecision,
                              GoldResultModel::ExactRecall, GoldResultModel::ExactF1};
    int compared = 0;
    for (const QString &student : {QStringLiteral("amy"), QStringLiteral("ben")}) {
        const CliRunner::Run r = cli.run({QStringLiteral("compare"), m_window->store().path(),
                                          QStringLiteral("--gold"), QStringLiteral("teacher"),
                                          QStringLiteral("--coder"), student});
        QCOMPARE(r.exitCode, 0);
        QList<QByteArray> lines = r.out.split('\n');
        lines.removeAll(QByteArray());
        QVERIFY(lines.size() >= 2);
        for (const QByteArray &line : lines.mid(1)) {
            const QStringList f = QString::fromUtf8(line).split(QLatin1Char('\t'));
            // code, gold_spans, coder_spans, precision, recall, f1, exact x3, note
            QCOMPARE(f.size(), 10);
            const int row = w->results()->rowOf(student, f[0]);
            QVERIFY2(row >= 0, qPrintable(student + QLatin1Char(' ') + f[0]));
            for (int k = 0; k < columns.size(); ++k) {
                QString shown = w->results()->index(row, columns[k]).data().toString();
                if (shown == QStringLiteral("—"))
                    shown.clear(); // the command line leaves a missing figure empty
                QCOMPARE(shown, f[k + 1]);
            }
            QCOMPARE(w->results()->index(row, GoldResultModel::Note).data().toString(), f[9]);
            ++compared;
        }
    }
    // Per student, both codes (used by the gold coder or the student) and
    // the total.
    QCOMPARE(compared, w->results()->rowCount());
    QCOMPARE(compared, 6);
    // amy's counts: two hits and a false alarm of the first code, the
    // second code's gold span missed.
    const int amy = w->results()->rowOf(QStringLiteral("amy"), QStringLiteral("(all codes)"));
    QCOMPARE(w->results()->index(amy, GoldResultModel::Hits).data().toInt(), 2);
    QCOMPARE(w->results()->index(amy, GoldResultModel::Misses).data().toInt(), 1);
    QCOMPARE(w->results()->index(amy, GoldResultModel::FalseAlarms).data().toInt(), 1);

    // The figures follow the coding: amy marks the missed span exactly.
    NewAnnotation n;
    n.articleId = m_article;
    n.start = m_sentences[1].start;
    n.end = m_sentences[1].start + 10;
    n.coderName = QStringLiteral("amy");
    n.codeIds = {m_codes[1]};
    m_window->store().annotations().add(n);
    QTRY_COMPARE(
        w->results()
            ->index(w->results()->rowOf(QStringLiteral("amy"), QStringLiteral("(all codes)")),
                    GoldResultModel::Misses)
            .data()
            .toInt(),
        0);
}

void TestGoldUi::exportsTheReport()
{
    GoldComparisonWindow *w = openAndCompare();
    w->studentChoice()->setCurrentText(QStringLiteral("ben"));
    const QString csv = m_dir->filePath(QStringLiteral("ben.csv"));
    QVERIFY(w->exportCsv(csv));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY(lines[0].startsWith("gold,coder,code,gold_spans,coder_spans,precision,recall,f1,"));
    QVERIFY(lines[1].startsWith("teacher,ben,"));
    QCOMPARE(lines.size(), 5); // header, two codes, the total, the empty end
    const QString html = m_dir->filePath(QStringLiteral("ben.html"));
    QVERIFY(w->exportHtml(html));
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(h.readAll());
    QVERIFY(page.contains(QLatin1String("<h1>ben against the gold standard (teacher)</h1>")));
    QVERIFY(page.contains(QLatin1String("<h2>False alarms")));
    QCOMPARE(w->status()->text(), QStringLiteral("Saved %1").arg(html));
}

void TestGoldUi::readerShowsThreeStyles()
{
    GoldComparisonWindow *w = openAndCompare();
    ReaderView *reader = m_window->reader();
    reader->verticalScrollBar()->setValue(0);
    QVERIFY(!reader->shownAnnotations().isEmpty());
    w->studentChoice()->setCurrentText(QStringLiteral("amy"));
    w->showInReader()->setChecked(true);
    GoldOverlay *overlay = w->overlay();
    QVERIFY(overlay->isActive());
    QVERIFY(overlay->isVisible());
    // The coders' own highlights step aside.
    QVERIFY(reader->shownAnnotations().isEmpty());
    QCOMPARE(overlay->spansShown().size(), 4);

    const QImage shot = reader->grab().toImage();
    const QPoint origin = overlay->pos(); // the overlay covers the viewport
    QSet<Verdict> drawn;
    // The style's hue, saturated: the page and the ink are nearly grey,
    // and antialiased edges keep the hue while they pale.
    const auto near = [](const QColor &a, const QColor &b) {
        const int d = std::abs(a.hue() - b.hue());
        return a.saturation() >= 90 && std::min(d, 360 - d) <= 15;
    };
    for (const GoldOverlay::Mark &m : overlay->paintedMarks()) {
        drawn.insert(m.verdict);
        const QColor c = GoldOverlay::colour(m.verdict, reader->isDarkTheme());
        const QRect r = m.rect.toRect().translated(origin);
        // Look for the style's colour where the style draws it: a hit's
        // solid underline, a miss's frame above the text, a false alarm's
        // wave below it.
        QList<QPoint> probes;
        for (int x = r.left() + 2; x < r.right() - 2; ++x) {
            if (m.verdict == Verdict::Hit)
                probes.append({x, int(m.rect.bottom() + 2) + origin.y()});
            else if (m.verdict == Verdict::Miss)
                for (int dy = -3; dy <= 1; ++dy)
                    probes.append({x, r.top() + dy});
            else
                for (int dy = 0; dy <= 5; ++dy)
                    probes.append({x, int(m.rect.bottom()) + origin.y() + dy});
        }
        const bool found = std::any_of(probes.begin(), probes.end(), [&](const QPoint &p) {
            return shot.rect().contains(p) && near(shot.pixelColor(p), c);
        });
        QVERIFY2(found, qPrintable(GoldComparison::verdictName(m.verdict)));
    }
    QCOMPARE(drawn, (QSet<Verdict> {Verdict::Hit, Verdict::Miss, Verdict::FalseAlarm}));
    // Hovering a mark names its verdict and code.
    for (const GoldOverlay::Mark &m : overlay->paintedMarks()) {
        if (m.verdict != Verdict::Miss)
            continue;
        const QPoint at = m.rect.center().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, reader->viewport()->mapToGlobal(at));
        QApplication::sendEvent(reader->viewport(), &help);
        const QString code = m_window->store().codebook().code(m.codeId)->name;
        QTRY_COMPARE(QToolTip::text(),
                     QStringLiteral("<b>Miss</b>: %1 in the gold standard, not marked").arg(code));
    }
    // The legend names the comparison and counts the article's spans.
    GoldLegend *legend = overlay->legend();
    QVERIFY(legend->isVisible());
    QCOMPARE(legend->lines(),
             (QStringList {QStringLiteral("amy against teacher (gold)"), QStringLiteral("Hits: 2"),
                           QStringLiteral("Misses: 1"), QStringLiteral("False alarms: 1")}));
    if (qEnvironmentVariableIsSet("FRAMEWISE_GOLD_SCREENSHOT_DIR")) {
        const QString dir = qEnvironmentVariable("FRAMEWISE_GOLD_SCREENSHOT_DIR");
        m_window->grab().save(dir + QStringLiteral("/gold-reader.png"));
        w->grab().save(dir + QStringLiteral("/gold-window.png"));
    }

    // Another student: the overlay follows.
    w->studentChoice()->setCurrentText(QStringLiteral("ben"));
    QCOMPARE(overlay->spansShown().size(), 4); // 1 hit, 1 false alarm, 2 misses
    QCOMPARE(legend->lines()[0], QStringLiteral("ben against teacher (gold)"));
    // Unticked: the reader is as it was.
    w->showInReader()->setChecked(false);
    QVERIFY(!overlay->isVisible());
    QVERIFY(!legend->isVisible());
    QVERIFY(!reader->shownAnnotations().isEmpty());
    // Closing the window does the same.
    w->showInReader()->setChecked(true);
    QVERIFY(reader->shownAnnotations().isEmpty());
    w->close();
    QVERIFY(!overlay->isActive());
    QVERIFY(!reader->shownAnnotations().isEmpty());
    // The window goes with its project; the reader keeps nothing of it.
    w->show();
    w->showInReader()->setChecked(true);
    QVERIFY(reader->shownAnnotations().isEmpty());
    const QPointer<GoldOverlay> gone(overlay);
    m_window->replaceProject(ProjectSession::open(m_window->store().path()));
    QVERIFY(!gone);
    QVERIFY(!reader->findChild<GoldLegend *>());
    QVERIFY(!reader->shownAnnotations().isEmpty());
}

void TestGoldUi::closesWithTheViewOn()
{
    GoldComparisonWindow *w = openAndCompare();
    w->showInReader()->setChecked(true);
    QVERIFY(w->overlay()->isActive());
    m_window.reset(); // the reader and the window go together: no crash
}

QTEST_MAIN(TestGoldUi)
#include "tst_ui_gold.moc"
