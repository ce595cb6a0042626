// Drives the annotation workbench through the real main window: several
// codes on one span, Shift+arrow span adjustment merged into one undo step,
// the quick-code palette, repeat last code, coding every occurrence with a
// preview, the claim form, actors (create, suggest, link, merge) and
// whole-article frames with the primary flag.
#include "actors/ActorListModel.h"
#include "actors/ActorPanel.h"
#include "annotating/AnnotatingController.h"
#include "reader/AnnotationHighlighter.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "annotating/ClaimForm.h"
#include "shell/MainWindow.h"
#include "codebook/OccurrencesDialog.h"
#include "annotating/QuickCodePalette.h"
#include "reader/ReaderView.h"
#include "ReaderSelection.h"
#include "StarterWindow.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

class TestAnnotatingUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void secondCodeOnOneSpan();
    void shiftArrowsAdjustInOneUndoStep();
    void startEdgeMovesByWord();
    void boundaryMovesKeepGraphemeClusters();
    void selectionSnapsToGraphemeClusters();
    void setSpanToSelection();
    void altDragMovesABoundary();
    void paletteFindsSecdef();
    void paletteRanksWordStartsFirst();
    void repeatLastCode();
    void codeEveryOccurrenceWithPreview();
    void claimFormRoundTrip();
    void actorFromSelectionAndSuggestion();
    void mergeActorsUndoably();
    void wholeArticleFrameWithPrimaryFlag();
    void shortcutsHelpListsTheNewKeys();

private:
    void selectPhrase(const QString &phrase, int occurrence = 0);
    qint64 codeId(const QString &name) const { return m_window->store().codebook().codeByName(name)->id; }
    QList<Annotation> annotations() const;
    Annotation only() const;
    QTreeView *annotationView() const { return m_window->annotationPanel()->view(); }
    template<typename T> T *visible() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestAnnotatingUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().setValue(QStringLiteral("annotating/snapToWords"), false);
}

void TestAnnotatingUi::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
}

void TestAnnotatingUi::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestAnnotatingUi::selectPhrase(const QString &phrase, int occurrence)
{
    QVERIFY2(selectPhraseInReader(m_window->reader(), phrase, occurrence), qPrintable(phrase));
}

QList<Annotation> TestAnnotatingUi::annotations() const
{
    return m_window->store().annotations().forArticle(m_window->reader()->articleId());
}

Annotation TestAnnotatingUi::only() const
{
    const QList<Annotation> list = annotations();
    return list.size() == 1 ? list.first() : Annotation {};
}

template<typename T> T *TestAnnotatingUi::visible() const
{
    for (T *w : m_window->findChildren<T *>()) {
        if (w->isVisible())
            return w;
    }
    return nullptr;
}

void TestAnnotatingUi::secondCodeOnOneSpan()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(reader, Qt::Key_1);
    QCOMPARE(annotations().size(), 1);
    // No text selected, the new annotation is the selected one: a second
    // key adds its code to it.
    QTest::keyClick(reader, Qt::Key_9);
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(only().codeIds.size(), 2);
    // Selecting exactly the same span again adds a third.
    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(reader, Qt::Key_7);
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(only().codeIds.size(), 3);
    const QString codes = m_window->annotationPanel()
                              ->model()
                              ->index(0, AnnotationListModel::Codes)
                              .data()
                              .toString();
    QVERIFY2(codes.contains(QStringLiteral("Us versus them"))
                 && codes.contains(QStringLiteral("Security")),
             qPrintable(codes));
    // Each code was its own step.
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(only().codeIds.size(), 2);

    // Ctrl+Alt+K lists the annotation's own codes; Enter takes one away.
    m_window->annotationPanel()->selectAnnotation(only().id);
    QTest::keyClick(reader, Qt::Key_K, Qt::ControlModifier | Qt::AltModifier);
    auto *palette = visible<QuickCodePalette>();
    QVERIFY(palette);
    QCOMPARE(palette->list()->count(), 2);
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("usvs"));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Return);
    QCOMPARE(only().codeIds, QList<qint64> {codeId(QStringLiteral("Factual claim"))});
}

void TestAnnotatingUi::shiftArrowsAdjustInOneUndoStep()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Kim Jong Un"));
    QTest::keyClick(reader, Qt::Key_4);
    QCOMPARE(only().quote, QStringLiteral("Kim Jong Un"));
    const int steps = m_window->undoStack()->count();

    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), annotationView());
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(annotationView(), Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("Kim Jong"));
    QTest::keyClick(annotationView(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("Kim"));
    QCOMPARE(only().end, 3);
    QCOMPARE(m_window->annotationPanel()->selectedAnnotationId(), only().id);
    QCOMPARE(m_window->annotationPanel()
                 ->model()
                 ->index(0, AnnotationListModel::Quote)
                 .data()
                 .toString(),
             QStringLiteral("Kim"));
    // Four presses, one step.
    QCOMPARE(m_window->undoStack()->count(), steps + 1);
    QTest::keyClick(annotationView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(only().quote, QStringLiteral("Kim Jong Un"));
    QCOMPARE(only().end, 11);
    QTest::keyClick(annotationView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("Kim"));
    // The span never collapses.
    m_window->annotationPanel()->selectAnnotation(only().id);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(annotationView(), Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("K"));
}

void TestAnnotatingUi::startEdgeMovesByWord()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Korean security concerns"));
    QTest::keyClick(reader, Qt::Key_7);
    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(annotationView(), Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral(" Korean security concerns"));
    QTest::keyClick(annotationView(), Qt::Key_Left,
                    Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("to Korean security concerns"));
    QTest::keyClick(annotationView(), Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("o Korean security concerns"));
    // With snapping on, plain Shift+arrows move by words.
    m_window->annotating()->snapAction()->setChecked(true);
    QTest::keyClick(annotationView(), Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("Korean security concerns"));
    QTest::keyClick(annotationView(), Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("Korean security"));
    m_window->annotating()->snapAction()->setChecked(false);
    QVERIFY(!only().prefix.isEmpty());
    QVERIFY(
        m_window->reader()->article().text.contains(only().prefix + only().quote + only().suffix));
}

namespace {
// Combining accents, Vietnamese stacked marks (decomposed), a skin-tone
// emoji, a ZWJ sequence and two flags: each one user-perceived character.
const QString kClusters = QStringLiteral("Xin chào 👍🏽 team 👩‍💻 dev 🇰🇷🇯🇵 e\u0301te\u0301 "
                                         "Vie\u0302\u0323t end.");

qint64 codePoints(const QString &prefix)
{
    return TextOffsets::codePointLength(prefix);
}
} // namespace

void TestAnnotatingUi::boundaryMovesKeepGraphemeClusters()
{
    Article article;
    article.title = QStringLiteral("Clusters");
    article.text = kClusters;
    QVERIFY(m_window->openArticle(m_window->store().articles().add(article).id));
    ReaderView *reader = m_window->reader();
    const auto annotate = [&](const QString &phrase) {
        for (const Annotation &a : annotations())
            m_window->store().annotations().remove(a.id);
        selectPhrase(phrase);
        QTest::keyClick(reader, Qt::Key_4);
        QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        return only().quote == phrase;
    };
    const auto press = [&](Qt::Key key, Qt::KeyboardModifiers modifiers) {
        QTest::keyClick(annotationView(), key, modifiers);
    };
    const Qt::KeyboardModifiers endKeys = Qt::ShiftModifier;
    const Qt::KeyboardModifiers startKeys = Qt::AltModifier | Qt::ShiftModifier;

    // Skin tone: the start steps over 👍 and 🏽 together (two code points).
    QVERIFY(annotate(QStringLiteral("team")));
    press(Qt::Key_Left, startKeys);
    press(Qt::Key_Left, startKeys);
    QCOMPARE(only().start, codePoints(QStringLiteral("Xin chào ")));
    QCOMPARE(only().quote, QStringLiteral("👍🏽 team"));
    press(Qt::Key_Right, startKeys);
    QCOMPARE(only().start, codePoints(QStringLiteral("Xin chào 👍🏽")));

    // ZWJ sequence: woman, ZWJ, laptop in one step (three code points).
    press(Qt::Key_Right, endKeys);
    press(Qt::Key_Right, endKeys);
    QCOMPARE(only().end, codePoints(QStringLiteral("Xin chào 👍🏽 team 👩‍💻")));
    press(Qt::Key_Left, endKeys);
    QCOMPARE(only().end, codePoints(QStringLiteral("Xin chào 👍🏽 team ")));

    // Flags: one step is one flag, two regional indicators, never one.
    QVERIFY(annotate(QStringLiteral("dev")));
    press(Qt::Key_Right, endKeys);
    press(Qt::Key_Right, endKeys);
    QCOMPARE(only().end,
             codePoints(QStringLiteral("Xin chào 👍🏽 team 👩‍💻 dev 🇰🇷")));
    press(Qt::Key_Right, endKeys);
    QCOMPARE(only().quote, QStringLiteral("dev 🇰🇷🇯🇵"));

    // Combining acute: "é" as e + U+0301 goes whole from either edge.
    QVERIFY(annotate(QStringLiteral("e\u0301te\u0301")));
    const qint64 word
        = codePoints(QStringLiteral("Xin chào 👍🏽 team 👩‍💻 dev 🇰🇷🇯🇵 "));
    press(Qt::Key_Left, endKeys);
    QCOMPARE(only().end, word + 3);
    QCOMPARE(only().quote, QStringLiteral("e\u0301t"));
    press(Qt::Key_Right, startKeys);
    QCOMPARE(only().start, word + 2);
    QCOMPARE(only().quote, QStringLiteral("t"));
    // The span keeps its one character.
    press(Qt::Key_Right, startKeys);
    QCOMPARE(only().quote, QStringLiteral("t"));

    // Vietnamese ệ spelled e + circumflex + dot below: three code points.
    QVERIFY(annotate(QStringLiteral("Vie\u0302\u0323t")));
    press(Qt::Key_Left, endKeys);
    press(Qt::Key_Left, endKeys);
    QCOMPARE(only().quote, QStringLiteral("Vi"));
    press(Qt::Key_Right, endKeys);
    QCOMPARE(only().quote, QStringLiteral("Vie\u0302\u0323"));
    QCOMPARE(only().end - only().start, 5);
}

void TestAnnotatingUi::selectionSnapsToGraphemeClusters()
{
    Article article;
    article.title = QStringLiteral("Clusters");
    article.text = kClusters;
    QVERIFY(m_window->openArticle(m_window->store().articles().add(article).id));
    ReaderView *reader = m_window->reader();
    // A selection (as a drag may leave) from inside 👍🏽 to between "e" and
    // its accent: the new annotation takes both clusters whole.
    const QString &text = reader->article().text;
    const int from = reader->textStart() + int(text.indexOf(QStringLiteral("🏽")));
    const int to = reader->textStart() + int(text.indexOf(QStringLiteral("e\u0301t"))) + 1;
    QTextCursor cursor(reader->document());
    cursor.setPosition(from);
    cursor.setPosition(to, QTextCursor::KeepAnchor);
    reader->setTextCursor(cursor);
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_4);
    QCOMPARE(only().start, codePoints(QStringLiteral("Xin chào ")));
    QCOMPARE(only().end,
             codePoints(QStringLiteral(
                 "Xin chào 👍🏽 team 👩‍💻 dev 🇰🇷🇯🇵 e\u0301")));

    // Setting the span to a selection inside a flag and inside the ZWJ
    // sequence: both widen to the whole character.
    m_window->annotationPanel()->selectAnnotation(only().id);
    const int inFlag = reader->textStart() + int(text.indexOf(QStringLiteral("🇰🇷"))) + 2;
    const int inZwj = reader->textStart() + int(text.indexOf(QStringLiteral("👩‍💻"))) + 3;
    cursor.setPosition(inZwj);
    cursor.setPosition(inFlag, QTextCursor::KeepAnchor);
    reader->setTextCursor(cursor);
    QTest::keyClick(reader, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("👩‍💻 dev 🇰🇷"));
}

void TestAnnotatingUi::setSpanToSelection()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Russian Embassy"));
    QTest::keyClick(reader, Qt::Key_5);
    // Select new text (as with the mouse), then Ctrl+Shift+S.
    selectPhrase(QStringLiteral("the Russian Embassy in Pyongyang"));
    QTest::keyClick(reader, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(only().quote, QStringLiteral("the Russian Embassy in Pyongyang"));
    // Snapping widens a ragged selection to whole words.
    m_window->annotating()->snapAction()->setChecked(true);
    m_window->annotationPanel()->selectAnnotation(only().id);
    selectPhrase(QStringLiteral("ssian Emb"));
    QTest::keyClick(reader, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    m_window->annotating()->snapAction()->setChecked(false);
    QCOMPARE(only().quote, QStringLiteral("Russian Embassy"));
}

void TestAnnotatingUi::altDragMovesABoundary()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Russian Embassy"));
    QTest::keyClick(reader, Qt::Key_5);
    const Annotation before = only();
    const QString &text = reader->article().text;
    const auto pointAt = [&](qint64 codePoint) {
        QTextCursor c(reader->document());
        c.setPosition(reader->documentPosition(codePoint));
        return reader->cursorRect(c).center();
    };
    reader->scrollToSpan(before.start, before.end);
    QWidget *viewport = reader->viewport();
    // Press inside, near the end: the end moves with the pointer.
    QTest::mousePress(viewport, Qt::LeftButton, Qt::AltModifier, pointAt(before.end - 1));
    const qint64 target = text.indexOf(QStringLiteral(" in Pyongyang")) + 13;
    QTest::mouseMove(viewport, pointAt(target));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::AltModifier, pointAt(target));
    QCOMPARE(only().quote, QStringLiteral("Russian Embassy in Pyongyang"));
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(only().quote, QStringLiteral("Russian Embassy"));
    // Without Alt a drag selects text as always.
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, pointAt(before.end - 1));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, pointAt(before.end - 1));
    QCOMPARE(only().quote, QStringLiteral("Russian Embassy"));
}

void TestAnnotatingUi::paletteFindsSecdef()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Korean security concerns"));
    QTest::keyClick(reader, Qt::Key_K, Qt::ControlModifier);
    auto *palette = visible<QuickCodePalette>();
    QVERIFY(palette);
    QTRY_COMPARE(QApplication::focusWidget(), palette->searchEdit());
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("secdef"));
    QVERIFY(palette->list()->count() >= 1);
    QVERIFY2(palette->list()->item(0)->text().startsWith(QStringLiteral("Security and defense")),
             qPrintable(palette->list()->item(0)->text()));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Return);
    QTRY_VERIFY(!palette->isVisible() || palette->isHidden());
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(only().codeIds, QList<qint64> {codeId(QStringLiteral("Security and defense"))});
    QCOMPARE(only().quote, QStringLiteral("Korean security concerns"));

    // Arrow keys move in the list while the box keeps focus; the palette
    // adds to the selected annotation when nothing is selected in the text.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(reader, Qt::Key_K, Qt::ControlModifier);
    palette = visible<QuickCodePalette>();
    QVERIFY(palette);
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("hist"));
    QVERIFY(palette->list()->item(0)->text().startsWith(QStringLiteral("Historical analogy")));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Escape);
    QTRY_VERIFY(!visible<QuickCodePalette>());
    QCOMPARE(only().codeIds.size(), 1);
}

void TestAnnotatingUi::paletteRanksWordStartsFirst()
{
    // Codebook order puts the weaker matches first: only the ranking can
    // lift the word-start abbreviations above them.
    QList<Code> codes;
    for (const char *name : {"Second-order effects defined", "Whataboutism, straw man",
                             "Security and defense", "Historical analogy", "Us versus them"}) {
        Code c;
        c.id = codes.size() + 1;
        c.name = QString::fromUtf8(name);
        c.colour = QStringLiteral("#336699");
        codes.append(c);
    }
    QuickCodePalette palette(codes, {});
    const auto listed = [&](const QString &pattern) {
        palette.searchEdit()->setText(pattern);
        QStringList names;
        for (int i = 0; i < palette.list()->count(); ++i)
            names.append(palette.list()->item(i)->text());
        return names;
    };
    QCOMPARE(listed(QStringLiteral("secdef")),
             (QStringList {QStringLiteral("Security and defense"),
                           QStringLiteral("Second-order effects defined")}));
    QCOMPARE(listed(QStringLiteral("SECDEF")).value(0), QStringLiteral("Security and defense"));
    QCOMPARE(palette.currentCodeId(), 3);
    QCOMPARE(listed(QStringLiteral("hist")),
             (QStringList {QStringLiteral("Historical analogy"),
                           QStringLiteral("Whataboutism, straw man")}));
    // Letters out of order, or missing, match nothing.
    QVERIFY(listed(QStringLiteral("fedces")).isEmpty());
    QVERIFY(listed(QStringLiteral("secdefz")).isEmpty());
    QCOMPARE(palette.currentCodeId(), 0);
    // Nothing typed: the whole codebook, in its own order.
    QCOMPARE(listed(QString()).size(), 5);
    QCOMPARE(listed(QString()).value(0), QStringLiteral("Second-order effects defined"));
}

void TestAnnotatingUi::repeatLastCode()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(reader, Qt::Key_2);
    selectPhrase(QStringLiteral("reciprocal support"));
    QTest::keyClick(reader, Qt::Key_Period);
    QCOMPARE(annotations().size(), 2);
    for (const Annotation &a : annotations())
        QCOMPARE(a.codeIds, QList<qint64> {codeId(QStringLiteral("Justification"))});
    // In a text box '.' is typed, not applied.
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("libraryFilter"));
    filter->setFocus();
    selectPhrase(QStringLiteral("Red Square parade"));
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Period);
    QCOMPARE(filter->text(), QStringLiteral("."));
    QCOMPARE(annotations().size(), 2);
}

void TestAnnotatingUi::codeEveryOccurrenceWithPreview()
{
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Kim Jong Un"));
    QTest::keyClick(reader, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = visible<OccurrencesDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->list()->count(), 4);
    dialog->codeBox()->setCurrentIndex(
        dialog->codeBox()->findData(codeId(QStringLiteral("Person"))));
    // Uncheck the second with the keyboard.
    dialog->list()->setFocus();
    dialog->list()->setCurrentRow(1);
    QTest::keyClick(dialog->list(), Qt::Key_Space);
    QCOMPARE(dialog->checkedHits().size(), 3);
    QCOMPARE(dialog->buttons()->button(QDialogButtonBox::Ok)->text(),
             QStringLiteral("Code 3 Occurrences"));
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(annotations().size(), 3);
    for (const Annotation &a : annotations()) {
        QCOMPARE(a.quote, QStringLiteral("Kim Jong Un"));
        QCOMPARE(a.codeIds, QList<qint64> {codeId(QStringLiteral("Person"))});
    }
    // One step takes all of them back, and brings them back.
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(annotations().size(), 0);
    QTest::keyClick(reader, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(annotations().size(), 3);
    // Again: the three coded ones are skipped, only the fourth is new.
    selectPhrase(QStringLiteral("Kim Jong Un"));
    QTest::keyClick(reader, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    dialog = visible<OccurrencesDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->codeBox()->currentData().toLongLong(), codeId(QStringLiteral("Person")));
    QTest::keyClick(dialog->list(), Qt::Key_Return);
    QTRY_COMPARE(annotations().size(), 4);
}

void TestAnnotatingUi::claimFormRoundTrip()
{
    ProjectSession &store = m_window->store();
    Actor kim, seoul;
    kim.name = QStringLiteral("Kim Jong Un");
    seoul.name = QStringLiteral("South Korea");
    const qint64 kimId = store.actors().add(kim);
    const qint64 seoulId = store.actors().add(seoul);

    ReaderView *reader = m_window->reader();
    ClaimForm *form = m_window->annotating()->claimForm();
    QVERIFY(!form->isEditing());
    selectPhrase(QStringLiteral("a stern regional response"));
    QTest::keyClick(reader, Qt::Key_5); // not a claim code
    QVERIFY(!form->isEditing());
    selectPhrase(QStringLiteral("Kim Jong Un linked Ukraine war to Korean security concerns"));
    QTest::keyClick(reader, Qt::Key_1); // Factual claim
    QVERIFY(form->isEditing());
    const qint64 claimId = m_window->annotationPanel()->selectedAnnotationId();

    QTest::keyClick(m_window.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), form->speakerBox());
    QTest::keyClick(form->speakerBox(), Qt::Key_Down); // (none) -> Kim Jong Un
    QTest::keyClick(form->speakerBox(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), form->targetBox());
    QTest::keyClick(form->targetBox(), Qt::Key_Down);
    QTest::keyClick(form->targetBox(), Qt::Key_Down); // South Korea
    QTest::keyClick(form->stanceBox(), Qt::Key_Down);
    QTest::keyClick(form->stanceBox(), Qt::Key_Down); // opposes
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(form->kindBox(), Qt::Key_Down); // prediction
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(form->statusBox(), Qt::Key_Down); // misleading
    form->evidenceEdit()->setFocus();
    QTest::keyClicks(form->evidenceEdit(), QStringLiteral("KCNA transcript, 9 May"));
    QTest::keyClick(form->evidenceEdit(), Qt::Key_Return);

    Claim expected;
    expected.annotationId = claimId;
    expected.speakerId = kimId;
    expected.targetId = seoulId;
    expected.stance = QStringLiteral("opposes");
    expected.kind = QStringLiteral("prediction");
    expected.status = QStringLiteral("misleading");
    expected.evidence = QStringLiteral("KCNA transcript, 9 May");
    QCOMPARE(*store.annotations().claim(claimId), expected);

    // Undo steps back one field at a time.
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store.annotations().claim(claimId)->evidence, QString());
    QCOMPARE(form->evidenceEdit()->text(), QString());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);

    // Reopen the project: the values come back into the form.
    const QString path = store.path();
    m_window->replaceProject(ProjectSession::open(path));
    form = m_window->annotating()->claimForm();
    m_window->annotationPanel()->selectAnnotation(claimId);
    QVERIFY(form->isEditing());
    QCOMPARE(form->speakerBox()->currentText(), QStringLiteral("Kim Jong Un"));
    QCOMPARE(form->targetBox()->currentText(), QStringLiteral("South Korea"));
    QCOMPARE(form->stanceBox()->currentData().toString(), QStringLiteral("opposes"));
    QCOMPARE(form->kindBox()->currentData().toString(), QStringLiteral("prediction"));
    QCOMPARE(form->statusBox()->currentData().toString(), QStringLiteral("misleading"));
    QCOMPARE(form->evidenceEdit()->text(), QStringLiteral("KCNA transcript, 9 May"));

    // For the README: FRAMEWISE_SCREENSHOT_DIR=dir keeps a picture of it.
    const QString shots = qEnvironmentVariable("FRAMEWISE_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        const auto claim = m_window->store().annotations().get(claimId);
        m_window->reader()->scrollToSpan(claim->start, claim->end);
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(shots + QStringLiteral("/annotating-claim.png")));
    }
}

void TestAnnotatingUi::actorFromSelectionAndSuggestion()
{
    ReaderView *reader = m_window->reader();
    ProjectSession &store = m_window->store();
    ActorPanel *panel = m_window->annotating()->actorPanel();
    QAbstractItemModelTester tester(panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    selectPhrase(QStringLiteral("Kim Jong Un"));
    QTest::keyClick(reader, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(store.actors().all().size(), 1);
    const Actor kim = store.actors().all().first();
    QCOMPARE(kim.name, QStringLiteral("Kim Jong Un"));
    QCOMPARE(only().actorId, kim.id); // the mention, coded and linked
    QCOMPARE(only().codeIds, QList<qint64> {codeId(QStringLiteral("Person"))});
    QCOMPARE(panel->model()->index(0, ActorListModel::Mentions).data().toInt(), 1);
    QVERIFY(panel->addAlias(kim.id, QStringLiteral("Kim")));

    // "Kim" alone is suggested as Kim Jong Un.
    selectPhrase(QStringLiteral("Kim"), 2); // "Though Kim skipped…"
    QVERIFY(panel->suggestionLabel()->isVisible());
    QVERIFY2(panel->suggestionLabel()->text().contains(QStringLiteral("Kim Jong Un")),
             qPrintable(panel->suggestionLabel()->text()));
    QTest::keyClick(reader, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(annotations().size(), 2);
    QCOMPARE(panel->model()->index(0, ActorListModel::Mentions).data().toInt(), 2);
    // Linked: no suggestion left for the selected mention.
    QVERIFY(!panel->suggestionLabel()->isVisible());

    // Undo takes the link and then the actor (with its first mention) back.
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(annotations().size(), 1);
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier); // alias
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier); // actor + mention
    QVERIFY(store.actors().all().isEmpty());
    QVERIFY(annotations().isEmpty());
    QTest::keyClick(reader, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(store.actors().all().first().id, kim.id);
    QCOMPARE(only().actorId, kim.id);
}

void TestAnnotatingUi::mergeActorsUndoably()
{
    ProjectSession &store = m_window->store();
    ActorPanel *panel = m_window->annotating()->actorPanel();
    Actor a, b;
    a.name = QStringLiteral("Kim Jong Un");
    b.name = QStringLiteral("Kim Jong-un");
    a.id = store.actors().add(a);
    b.id = store.actors().add(b);
    ReaderView *reader = m_window->reader();
    selectPhrase(QStringLiteral("Kim Jong Un"), 0);
    QTest::keyClick(reader, Qt::Key_4);
    panel->selectActor(a.id);
    panel->view()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    m_window->annotating()->linkActor(b.id);
    QCOMPARE(only().actorId, b.id);

    QVERIFY(panel->mergeActors(a.id, b.id));
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(only().actorId, a.id);
    QCOMPARE(panel->model()->index(0, ActorListModel::Mentions).data().toInt(), 1);
    QVERIFY(store.actors().get(a.id)->aliases.contains(QStringLiteral("Kim Jong-un")));

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(panel->model()->rowCount(), 2);
    QCOMPARE(only().actorId, b.id);
    QVERIFY(store.actors().get(a.id)->aliases.isEmpty());
    QCOMPARE(store.actors().get(b.id)->name, QStringLiteral("Kim Jong-un"));

    // Rename keeps the old name as an alias; undo puts it back.
    QVERIFY(panel->renameActor(b.id, QStringLiteral("Chairman Kim")));
    QCOMPARE(store.actors().get(b.id)->aliases, QStringList {QStringLiteral("Kim Jong-un")});
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store.actors().get(b.id)->name, QStringLiteral("Kim Jong-un"));
}

void TestAnnotatingUi::wholeArticleFrameWithPrimaryFlag()
{
    ReaderView *reader = m_window->reader();
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    auto *palette = visible<QuickCodePalette>();
    QVERIFY(palette);
    QVERIFY(palette->primaryBox()->isVisible());
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("secdef"));
    QTest::keyClick(palette->primaryBox(), Qt::Key_Space);
    QVERIFY(palette->primaryBox()->isChecked());
    QTest::keyClick(palette->searchEdit(), Qt::Key_Return);

    const Annotation frame = only();
    QVERIFY(frame.document);
    QVERIFY(frame.primary);
    QCOMPARE(frame.codeIds, QList<qint64> {codeId(QStringLiteral("Security and defense"))});
    AnnotationListModel *list = m_window->annotationPanel()->model();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0, AnnotationListModel::Quote).data().toString(),
             QStringLiteral("★ Whole article (primary)"));
    QVERIFY(list->index(0, AnnotationListModel::Codes)
                .data()
                .toString()
                .contains(QStringLiteral("primary")));
    // Not painted over the whole text.
    QCOMPARE(reader->highlightFormatAt(5).property(AnnotationHighlighter::DepthProperty).toInt(),
             0);

    // Ctrl+Shift+P toggles the flag on the selected annotation, undoably.
    QTest::keyClick(reader, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!only().primary);
    QCOMPARE(list->index(0, AnnotationListModel::Quote).data().toString(),
             QStringLiteral("Whole article"));
    QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(only().primary);
    // Span codes and the whole-article code live side by side.
    selectPhrase(QStringLiteral("neo-Nazi"));
    QTest::keyClick(reader, Qt::Key_7);
    QCOMPARE(annotations().size(), 2);
}

void TestAnnotatingUi::shortcutsHelpListsTheNewKeys()
{
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    auto *tree = m_window->findChild<QTreeWidget *>(QStringLiteral("shortcutList"));
    QVERIFY(tree);
    QStringList rows;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        rows << tree->topLevelItem(i)->text(0) + QLatin1Char('=') + tree->topLevelItem(i)->text(1);
    const QString all = rows.join(QLatin1Char('\n'));
    for (const char *expected :
         {"Quick Code…=Ctrl+K", "Repeat Last Code=.", "Code Every Occurrence…=Ctrl+Shift+E",
          "Move End Right (annotation list)=Shift+Right", "New Actor from Selection=Ctrl+Shift+N"})
        QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(all));
}

QTEST_MAIN(TestAnnotatingUi)
#include "tst_ui_annotating.moc"
