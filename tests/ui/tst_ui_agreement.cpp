// The inter-coder agreement window end to end: two coders' annotations on
// the sample article, computed per sentence, coloured, exported, explained
// in methods text; a disagreement opens in the reader.
#include "StarterWindow.h"
#include "agreement/AgreementResultModel.h"
#include "agreement/AgreementWindow.h"
#include "base/ProjectError.h"
#include "reader/ReaderView.h"
#include "text/TextSegments.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBrush>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

class TestAgreementUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void computeColourExportAndJump();
    void refusesOneCoder();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_article = 0;
    QList<TextSegments::Segment> m_sentences;
};

void TestAgreementUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAgreementUi::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
    ProjectSession &s = m_window->store();
    m_article = m_window->reader()->articleId();
    m_sentences = TextSegments::sentences(s.articles().get(m_article)->text);
    QVERIFY(m_sentences.size() >= 8);
    const qint64 code = s.codebook().codes().front().id;
    // alice codes sentences 0-5, bob 0-3 and 6: they differ on 4, 5 and 6.
    QList<NewAnnotation> list;
    const auto add = [&](const QString &coder, int sentence) {
        NewAnnotation n;
        n.articleId = m_article;
        n.start = m_sentences[sentence].start;
        n.end = m_sentences[sentence].start + 3;
        n.coderName = coder;
        n.codeIds = {code};
        list.append(n);
    };
    for (int i = 0; i <= 5; ++i)
        add(QStringLiteral("alice"), i);
    for (int i : {0, 1, 2, 3, 6})
        add(QStringLiteral("bob"), i);
    // New coders in a batch: created before the batch's statements run.
    try {
        s.annotations().addMany(list);
    } catch (const ProjectError &e) {
        QFAIL(qPrintable(e.message()));
    }
}

void TestAgreementUi::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestAgreementUi::computeColourExportAndJump()
{
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("agreementAction"));
    QVERIFY(action);
    action->trigger();
    auto *w = m_window->findChild<AgreementWindow *>();
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QAbstractItemModelTester tester(w->results());

    // Both coders who annotated are ticked.
    QStringList ticked;
    for (int i = 0; i < w->coderList()->count(); ++i)
        if (w->coderList()->item(i)->checkState() == Qt::Checked)
            ticked.append(w->coderList()->item(i)->text());
    QCOMPARE(ticked, (QStringList {"alice", "bob"}));

    const QString codeName = m_window->store().codebook().codes().front().name;
    w->codeChoice()->setCurrentIndex(
        w->codeChoice()->findText(QStringLiteral("Code: ") + codeName));
    w->unitChoice()->setCurrentIndex(w->unitChoice()->findData(int(AgreementUnit::Sentence)));
    w->bootstrap()->setValue(200);
    QVERIFY2(w->compute(), qPrintable(w->status()->text()));

    // The default measures plus alpha_U, each a row for the code.
    const QList<AgreementRow> &rows = w->results()->rows();
    QVERIFY(rows.size() >= 8);
    const auto percent = std::find_if(rows.begin(), rows.end(), [](const AgreementRow &r) {
        return r.measure == AgreementMeasure::Percent;
    });
    QVERIFY(percent != rows.end());
    const int sentences = int(m_sentences.size());
    QCOMPARE(percent->result.units, sentences);
    QCOMPARE(*percent->result.value, double(sentences - 3) / sentences);
    QVERIFY(percent->result.ciLow && percent->result.ciHigh);
    // Colour: the verdict of each value, grey where there is none.
    for (int r = 0; r < rows.size(); ++r) {
        const QModelIndex value = w->results()->index(r, AgreementResultModel::Value);
        const QColor colour = value.data(Qt::BackgroundRole).value<QBrush>().color();
        const auto &result = rows[r].result;
        const int shown = result.value ? qRound(*result.value * 1000) : 0; // judged as shown
        if (!result.value)
            QCOMPARE(colour, QColor(0xd0, 0xd0, 0xd0));
        else if (shown >= 800)
            QCOMPARE(colour, QColor(0x9f, 0xd8, 0x9f));
        else if (shown >= 667)
            QCOMPARE(colour, QColor(0xf5, 0xd0, 0x7a));
        else
            QCOMPARE(colour, QColor(0xf0, 0x9a, 0x9a));
        QVERIFY(!value.data().toString().contains(QLatin1String("nan")));
    }

    // Methods text names the coefficient, the code and the interval.
    const QString methods = w->methodsText()->toPlainText();
    QVERIFY2(
        methods.contains(QStringLiteral("Krippendorff's alpha (nominal) for %1 was").arg(codeName)),
        qPrintable(methods));
    QVERIFY(methods.contains(QLatin1String("95% bootstrap confidence interval")));
    QVERIFY(methods.contains(QLatin1String("alice and bob")));

    // CSV export.
    const QString csv = m_dir->filePath(QStringLiteral("agreement.csv"));
    QVERIFY(w->exportCsv(csv));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.front(),
             QByteArray("code,measure,unit,coders,units,value,ci_low,ci_high,note\r"));
    QVERIFY(lines.size() >= rows.size() + 1);

    // Disagreements: the first result is selected; three sentences differ.
    w->resultView()->selectRow(int(percent - rows.begin()));
    QCOMPARE(w->disagreementTable()->rowCount(), 3);
    QCOMPARE(w->disagreementTable()->item(0, 2)->text(),
             QStringLiteral("present")); // alice, sentence 4
    QCOMPARE(w->disagreementTable()->item(0, 3)->text(), QStringLiteral("absent")); // bob
    QCOMPARE(w->disagreementTable()->item(2, 2)->text(), QStringLiteral("absent")); // sentence 6
    if (qEnvironmentVariableIsSet("FRAMEWISE_AGREEMENT_SCREENSHOT"))
        w->grab().save(qEnvironmentVariable("FRAMEWISE_AGREEMENT_SCREENSHOT"));

    // Double-click: the reader shows the article at that sentence.
    QSignalSpy opened(w, &AgreementWindow::openSpan);
    Q_EMIT w->disagreementTable()->cellDoubleClicked(2, 1);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.front().at(0).toLongLong(), m_article);
    QCOMPARE(opened.front().at(1).toLongLong(), m_sentences[6].start);
    QCOMPARE(m_window->reader()->articleId(), m_article);
}

void TestAgreementUi::refusesOneCoder()
{
    AgreementWindow *w = m_window->showAgreement();
    for (int i = 0; i < w->coderList()->count(); ++i)
        w->coderList()->item(i)->setCheckState(i == 0 ? Qt::Checked : Qt::Unchecked);
    QVERIFY(!w->compute());
    QCOMPARE(w->status()->text(), QStringLiteral("Choose at least two coders."));
    QCOMPARE(w->results()->rowCount(), 0);
}

QTEST_MAIN(TestAgreementUi)
#include "tst_ui_agreement.moc"
