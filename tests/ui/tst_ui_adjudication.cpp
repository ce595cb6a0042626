// Adjudication in the agreement window end to end: two coders disagree on
// three sentences; accepting one coder's version writes the consensus
// coder's annotation and advances the progress, undo takes it back, redo
// puts it back; "Accept Both" merges; accepting a version that says
// "absent" replaces an earlier decision; Edit opens the place in the
// reader, where coding by hand as the consensus coder resolves the row.
#include "StarterWindow.h"
#include "agreement/AdjudicationPanel.h"
#include "agreement/AgreementResultModel.h"
#include "agreement/AgreementWindow.h"
#include "base/ProjectError.h"
#include "reader/ReaderView.h"
#include "text/TextSegments.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

class TestAdjudicationUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void acceptUndoMergeReplaceAndEdit();
    void refusesTheConsensusAmongTheCoders();

private:
    AgreementWindow *openDisagreements();
    QList<Annotation> consensus() const;
    QString progress() const { return m_panel->progress()->text(); }
    QString resolution(int row) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    AgreementWindow *m_agreement = nullptr;
    AdjudicationPanel *m_panel = nullptr;
    qint64 m_article = 0;
    qint64 m_code = 0;
    QList<TextSegments::Segment> m_sentences;
};

void TestAdjudicationUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAdjudicationUi::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
    ProjectSession &s = m_window->store();
    m_article = m_window->reader()->articleId();
    m_sentences = TextSegments::sentences(s.articles().get(m_article)->text);
    QVERIFY(m_sentences.size() >= 8);
    m_code = s.codebook().codes().front().id;
    // alice codes sentences 0-5, bob 0-3 and 6: they differ on 4, 5 and 6.
    QList<NewAnnotation> list;
    const auto add = [&](const QString &coder, int sentence) {
        NewAnnotation n;
        n.articleId = m_article;
        n.start = m_sentences[sentence].start;
        n.end = m_sentences[sentence].start + 3;
        n.coderName = coder;
        n.codeIds = {m_code};
        list.append(n);
    };
    for (int i = 0; i <= 5; ++i)
        add(QStringLiteral("alice"), i);
    for (int i : {0, 1, 2, 3, 6})
        add(QStringLiteral("bob"), i);
    try {
        s.annotations().addMany(list);
    } catch (const ProjectError &e) {
        QFAIL(qPrintable(e.message()));
    }
}

void TestAdjudicationUi::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

AgreementWindow *TestAdjudicationUi::openDisagreements()
{
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("agreementAction"));
    [&] { QVERIFY(action); }();
    action->trigger();
    auto *w = m_window->findChild<AgreementWindow *>();
    [&] {
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowExposed(w));
    }();
    const QString codeName = m_window->store().codebook().codes().front().name;
    w->codeChoice()->setCurrentIndex(
        w->codeChoice()->findText(QStringLiteral("Code: ") + codeName));
    w->unitChoice()->setCurrentIndex(w->unitChoice()->findData(int(AgreementUnit::Sentence)));
    w->bootstrap()->setValue(0);
    [&] { QVERIFY2(w->compute(), qPrintable(w->status()->text())); }();
    const QList<AgreementRow> &rows = w->results()->rows();
    const auto percent = std::find_if(rows.begin(), rows.end(), [](const AgreementRow &r) {
        return r.measure == AgreementMeasure::Percent;
    });
    w->resultView()->selectRow(int(percent - rows.begin()));
    m_agreement = w;
    m_panel = w->adjudication();
    return w;
}

QList<Annotation> TestAdjudicationUi::consensus() const
{
    QList<Annotation> out;
    for (const Annotation &a : m_window->store().annotations().forArticle(m_article))
        if (a.coderName == QLatin1String("Consensus"))
            out.append(a);
    return out;
}

QString TestAdjudicationUi::resolution(int row) const
{
    QTableWidget *t = m_agreement->disagreementTable();
    const QTableWidgetItem *item = t->item(row, t->columnCount() - 1);
    return item ? item->text() : QString();
}

void TestAdjudicationUi::acceptUndoMergeReplaceAndEdit()
{
    openDisagreements();
    QTableWidget *table = m_agreement->disagreementTable();
    QCOMPARE(table->rowCount(), 3); // sentences 4, 5 and 6
    QCOMPARE(table->horizontalHeaderItem(table->columnCount() - 1)->text(),
             QStringLiteral("Consensus"));
    QCOMPARE(progress(), QStringLiteral("0 of 3 resolved"));
    // One button per coder, in the order of their columns.
    const QList<QPushButton *> accept = m_panel->acceptButtons();
    QCOMPARE(accept.size(), 2);
    QCOMPARE(accept[0]->text(), QStringLiteral("Accept alice’s Version"));
    QCOMPARE(accept[1]->text(), QStringLiteral("Accept bob’s Version"));
    QCOMPARE(m_panel->bothButton()->text(), QStringLiteral("Accept Both"));
    QVERIFY(!accept[0]->isEnabled()); // nothing selected yet
    QVERIFY(!m_window->store().coders().byName(QStringLiteral("Consensus")));

    // Sentence 4: alice present, bob absent. Accept alice's.
    table->selectRow(0);
    QVERIFY(accept[0]->isEnabled());
    QTest::mouseClick(accept[0], Qt::LeftButton);
    QVERIFY(m_window->store().coders().byName(QStringLiteral("Consensus")));
    QList<Annotation> c = consensus();
    QCOMPARE(c.size(), 1);
    QCOMPARE(c[0].start, m_sentences[4].start);
    QCOMPARE(c[0].end, m_sentences[4].start + 3);
    QCOMPARE(c[0].codeIds, QList<qint64> {m_code});
    const QString uuid = c[0].uuid;
    QCOMPARE(progress(), QStringLiteral("1 of 3 resolved"));
    QCOMPARE(resolution(0), QStringLiteral("✓ alice’s version"));
    QVERIFY(m_panel->isResolved(0));
    QCOMPARE(table->currentRow(), 1); // on to the next open row
    // The row shows the reader's way of saying "done": a green cell.
    QCOMPARE(table->item(0, table->columnCount() - 1)->background().color(),
             QColor(0x9f, 0xd8, 0x9f));

    // One undo step takes the annotation and the decision back ...
    QUndoStack *undo = m_window->undoStack();
    QCOMPARE(undo->undoText(), QStringLiteral("Accept alice’s Version"));
    undo->undo();
    QVERIFY(consensus().isEmpty());
    QCOMPARE(progress(), QStringLiteral("0 of 3 resolved"));
    QCOMPARE(resolution(0), QString());
    // ... and redo puts back the very same annotation.
    undo->redo();
    c = consensus();
    QCOMPARE(c.size(), 1);
    QCOMPARE(c[0].uuid, uuid);
    QCOMPARE(progress(), QStringLiteral("1 of 3 resolved"));

    // Sentence 5: Accept Both, the union (alice's span; bob has none).
    table->selectRow(1);
    QTest::mouseClick(m_panel->bothButton(), Qt::LeftButton);
    c = consensus();
    QCOMPARE(c.size(), 2);
    QCOMPARE(c[1].start, m_sentences[5].start);
    QCOMPARE(progress(), QStringLiteral("2 of 3 resolved"));
    QCOMPARE(resolution(1), QStringLiteral("✓ alice + bob merged"));
    QCOMPARE(table->currentRow(), 2);

    // Sentence 4 again: bob's version says "absent"; it replaces alice's.
    table->selectRow(0);
    QTest::mouseClick(accept[1], Qt::LeftButton);
    c = consensus();
    QCOMPARE(c.size(), 1);
    QCOMPARE(c[0].start, m_sentences[5].start);
    QCOMPARE(resolution(0), QStringLiteral("✓ bob’s version"));
    QCOMPARE(progress(), QStringLiteral("2 of 3 resolved"));
    undo->undo();
    QCOMPARE(consensus().size(), 2);
    QCOMPARE(consensus()[0].uuid, uuid);
    QCOMPARE(resolution(0), QStringLiteral("✓ alice’s version"));

    // Sentence 6: Edit opens it in the reader as the consensus coder ...
    const QString me = m_window->store().coders().current();
    table->selectRow(2);
    QTest::mouseClick(m_panel->editButton(), Qt::LeftButton);
    ReaderView *reader = m_window->reader();
    QCOMPARE(reader->articleId(), m_article);
    QCOMPARE(m_window->store().coders().current(), QStringLiteral("Consensus"));
    const auto selected = reader->selectedSpan();
    QVERIFY(selected);
    QCOMPARE(selected->start, m_sentences[6].start);
    // ... where coding by hand resolves the row.
    QVERIFY(m_window->applyCode(m_code));
    QCOMPARE(progress(), QStringLiteral("3 of 3 resolved"));
    QCOMPARE(resolution(2), QStringLiteral("✓ coded by hand"));
    QCOMPARE(consensus().size(), 3);
    // The user's own name stays in the settings: switching back is one step.
    QVERIFY(m_window->setCoder(me));
    QCOMPARE(m_window->store().coders().current(), me);

    if (qEnvironmentVariableIsSet("FRAMEWISE_ADJUDICATION_SCREENSHOT")) {
        table->selectRow(0);
        m_agreement->grab().save(qEnvironmentVariable("FRAMEWISE_ADJUDICATION_SCREENSHOT"));
    }

    // The consensus is a coder like any other, left out of the coders
    // compared by default.
    m_window->showAgreement();
    const QList<QListWidgetItem *> items
        = m_agreement->coderList()->findItems(QStringLiteral("Consensus"), Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.front()->checkState(), Qt::Unchecked);
}

void TestAdjudicationUi::refusesTheConsensusAmongTheCoders()
{
    openDisagreements();
    m_agreement->disagreementTable()->selectRow(0);
    m_panel->consensusEdit()->setText(QStringLiteral("alice"));
    QVERIFY(!m_panel->acceptButtons()[1]->isEnabled());
    QVERIFY(!m_panel->editButton()->isEnabled());
    QCOMPARE(progress(),
             QStringLiteral("“alice” is one of the coders compared: give the consensus another "
                            "name."));
    QVERIFY(!m_panel->accept(0, {m_window->store().coders().byName(QStringLiteral("bob"))->id}));
    QCOMPARE(m_window->undoStack()->count(), 0);
    // Another name: allowed again, and created on first use.
    m_panel->consensusEdit()->setText(QStringLiteral("Panel"));
    QVERIFY(m_panel->acceptButtons()[1]->isEnabled());
    QVERIFY(m_panel->accept(0, {m_window->store().coders().byName(QStringLiteral("bob"))->id}));
    QVERIFY(m_window->store().coders().byName(QStringLiteral("Panel")));
    QCOMPARE(progress(), QStringLiteral("1 of 3 resolved"));
    QCOMPARE(resolution(0), QStringLiteral("✓ bob’s version"));

    // The keys: Ctrl+1 accepts the first coder's version, Ctrl+B both.
    QCOMPARE(m_agreement->disagreementTable()->currentRow(), 1);
    m_agreement->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_agreement));
    // A button's shortcut clicks it a moment later (it shows the press).
    QTest::keyClick(m_agreement, Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(resolution(1), QStringLiteral("✓ alice’s version"));
    QCOMPARE(m_agreement->disagreementTable()->currentRow(), 2);
    QTest::keyClick(m_agreement, Qt::Key_B, Qt::ControlModifier);
    QTRY_COMPARE(resolution(2), QStringLiteral("✓ alice + bob merged"));
    QCOMPARE(progress(), QStringLiteral("3 of 3 resolved"));
    // Ctrl+E: Edit, as the consensus coder of the moment.
    m_agreement->disagreementTable()->selectRow(0);
    QTest::keyClick(m_agreement, Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE(m_window->store().coders().current(), QStringLiteral("Panel"));
    QCOMPARE(m_window->reader()->selectedSpan()->start, m_sentences[4].start);
}

QTEST_MAIN(TestAdjudicationUi)
#include "tst_ui_adjudication.moc"
