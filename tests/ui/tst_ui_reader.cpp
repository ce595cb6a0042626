// Drives the reader on the sample article: layered highlights, filters,
// annotation navigation, find, themes, decorators and the minimap.
#include "coders/CoderVisibilityActions.h"
#include "reader/AnnotationHighlighter.h"
#include "reader/AnnotationMinimap.h"
#include "reader/BlockDecorator.h"
#include "reader/FindBar.h"
#include "shell/MainWindow.h"
#include "reader/ReaderView.h"
#include "StarterWindow.h"
#include "shell/ThemeSettings.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <cmath>
#include <tuple>

namespace {
// Relative luminance contrast between two colours (WCAG).
double contrast(const QColor &a, const QColor &b)
{
    const auto lum = [](const QColor &c) {
        const auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    const double la = lum(a) + 0.05;
    const double lb = lum(b) + 0.05;
    return std::max(la, lb) / std::min(la, lb);
}

// Marks every "Kim" with a dotted underline in a text colour, as the
// reading lens would.
class KimDecorator final : public BlockDecorator
{
public:
    QList<QTextLayout::FormatRange> decorate(const QTextBlock &block) override
    {
        ++calls;
        QList<QTextLayout::FormatRange> ranges;
        const QString text = block.text();
        for (qsizetype at = text.indexOf(QStringLiteral("Kim")); at >= 0;
             at = text.indexOf(QStringLiteral("Kim"), at + 3)) {
            QTextLayout::FormatRange range;
            range.start = int(at);
            range.length = 3;
            range.format.setForeground(QColor(0x80, 0x20, 0x90));
            range.format.setUnderlineStyle(QTextCharFormat::DotLine);
            range.format.setBackground(Qt::red); // must not hide annotation washes
            ranges.append(range);
        }
        return ranges;
    }
    int calls = 0;
};
} // namespace

class TestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void nestedAnnotationsGetWashAndStackedUnderlines();
    void marginBarsShowEachAnnotation();
    void categoryAndCoderTogglesHideHighlights();
    void f8MovesBetweenAnnotationsInOrder();
    void ctrlFFindsAndCountsMatches();
    void themeSwitchKeepsHighlightsVisible();
    void decoratorFormatsAreMerged();
    void minimapClickJumps();
    void zoomDoesNotRebuildTheDocument();
    void longArticleOpensLazily();

private:
    qint64 annotate(const QString &phrase, const QString &codeName, const QString &coder = {});
    ReaderView *reader() const { return m_window->reader(); }
    void reopen();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestReader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReader::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
}

void TestReader::cleanup()
{
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        ThemeSettings::apply(*app, ThemeSettings::Theme::Light);
    m_window.reset();
    m_dir.reset();
}

qint64 TestReader::annotate(const QString &phrase, const QString &codeName, const QString &coder)
{
    ProjectSession &store = m_window->store();
    const Article article = reader()->article();
    const qsizetype at = article.text.indexOf(phrase);
    if (at < 0)
        return 0;
    const auto code = store.codebook().codeByName(codeName);
    if (!code)
        return 0;
    NewAnnotation request;
    request.articleId = article.id;
    request.start = at; // the sample's prefix is BMP-only: UTF-16 == code points
    request.end = at + phrase.size();
    request.codeIds = {code->id};
    request.coderName = coder;
    return store.annotations().add(request).id;
}

void TestReader::reopen()
{
    const qint64 id = reader()->articleId();
    QVERIFY(m_window->openArticle(id));
    QCoreApplication::processEvents();
}

void TestReader::nestedAnnotationsGetWashAndStackedUnderlines()
{
    // Three layers: a sentence, a phrase in it, a word in the phrase.
    QVERIFY(annotate(QStringLiteral("Kim Jong Un has offered"), QStringLiteral("Factual claim")));
    QVERIFY(annotate(QStringLiteral("Jong Un has"), QStringLiteral("Person")));
    QVERIFY(annotate(QStringLiteral("Un"), QStringLiteral("Factual claim")));
    reopen();
    const qint64 base = reader()->article().text.indexOf(QStringLiteral("Kim Jong Un has offered"));

    const QTextCharFormat one = reader()->highlightFormatAt(base + 1);
    const QTextCharFormat two = reader()->highlightFormatAt(base + 5);
    const QTextCharFormat three = reader()->highlightFormatAt(base + 9);
    QCOMPARE(one.property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    QCOMPARE(two.property(AnnotationHighlighter::DepthProperty).toInt(), 2);
    QCOMPARE(three.property(AnnotationHighlighter::DepthProperty).toInt(), 3);
    // The outer annotation's colour stays the wash throughout.
    const QColor factual(m_window->store().codebook().codeByName(QStringLiteral("Factual claim"))->colour);
    QCOMPARE(one.background().color().rgb(), factual.rgb());
    QCOMPARE(three.background().color().rgb(), factual.rgb());
    QVERIFY(reader()->highlighter()->washColour(factual) != reader()->palette().color(QPalette::Base));
    // One stacked underline per further layer, in that layer's colour.
    QVERIFY(!one.hasProperty(AnnotationHighlighter::UnderlineColoursProperty));
    QCOMPARE(two.property(AnnotationHighlighter::UnderlineColoursProperty).toList().size(), 1);
    const QVariantList lines = three.property(AnnotationHighlighter::UnderlineColoursProperty).toList();
    QCOMPARE(lines.size(), 2);
    const QColor actor(m_window->store().codebook().codeByName(QStringLiteral("Person"))->colour);
    QCOMPARE(lines[0].value<QColor>(), reader()->highlighter()->lineColour(actor));
    QCOMPARE(lines[1].value<QColor>(), reader()->highlighter()->lineColour(factual));

    // The painted picture has the stacked lines below the text.
    reader()->scrollToSpan(base, base + 2);
    QTextCursor c(reader()->document());
    c.setPosition(reader()->documentPosition(base + 9));
    const QRect caret = reader()->cursorRect(c);
    const QImage shot = reader()->viewport()->grab().toImage();
    const int x = caret.left() + 3;
    int lineRows = 0;
    const QColor first = lines[0].value<QColor>();
    for (int y = caret.top(); y < caret.bottom() + 12 && y < shot.height(); ++y) {
        const QColor px = shot.pixelColor(x, y);
        if (qAbs(px.red() - first.red()) < 40 && qAbs(px.green() - first.green()) < 40
            && qAbs(px.blue() - first.blue()) < 40)
            ++lineRows;
    }
    QVERIFY2(lineRows >= 1, "no stacked underline painted under the nested annotation");
}

void TestReader::marginBarsShowEachAnnotation()
{
    const qint64 outer = annotate(QStringLiteral("Kim Jong Un has offered"), QStringLiteral("Factual claim"));
    const qint64 inner = annotate(QStringLiteral("Jong Un"), QStringLiteral("Person"));
    reopen();
    const qint64 base = reader()->article().text.indexOf(QStringLiteral("Kim Jong Un has offered"));
    reader()->scrollToSpan(base, base + 3);
    reader()->viewport()->repaint();
    QSet<qint64> ids;
    QRectF outerRect, innerRect;
    for (const ReaderView::MarginBar &bar : reader()->marginBars()) {
        ids.insert(bar.annotationId);
        if (bar.annotationId == outer)
            outerRect = bar.rect;
        if (bar.annotationId == inner)
            innerRect = bar.rect;
    }
    QVERIFY(ids.contains(outer));
    QVERIFY(ids.contains(inner));
    QVERIFY(outerRect.right() <= ReaderView::gutterWidth);
    QVERIFY(innerRect.left() < outerRect.left()); // nested bar in the next lane out
}

void TestReader::categoryAndCoderTogglesHideHighlights()
{
    ProjectSession &store = m_window->store();
    const Code actor = *store.codebook().codeByName(QStringLiteral("Person"));
    QVERIFY(annotate(QStringLiteral("Kim Jong Un"), QStringLiteral("Person")));
    QVERIFY(annotate(QStringLiteral("has offered"), QStringLiteral("Factual claim"), QStringLiteral("Second Coder")));
    reopen();
    const qint64 kim = reader()->article().text.indexOf(QStringLiteral("Kim Jong Un has offered"));
    const qint64 offered = kim + 12;
    QCOMPARE(reader()->highlightFormatAt(kim).property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    QCOMPARE(reader()->highlightFormatAt(offered).property(AnnotationHighlighter::DepthProperty).toInt(), 1);

    reader()->setCategoryVisible(actor.categoryId, false);
    QCOMPARE(reader()->highlightFormatAt(kim).property(AnnotationHighlighter::DepthProperty).toInt(), 0);
    QCOMPARE(reader()->highlightFormatAt(offered).property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    m_window->coderVisibility()->setCoderShown(QStringLiteral("Second Coder"), false);
    QCOMPARE(reader()->highlightFormatAt(offered).property(AnnotationHighlighter::DepthProperty).toInt(), 0);
    reader()->setCategoryVisible(actor.categoryId, true);
    m_window->coderVisibility()->setCoderShown(QStringLiteral("Second Coder"), true);
    QCOMPARE(reader()->highlightFormatAt(kim).property(AnnotationHighlighter::DepthProperty).toInt(), 1);

    // The View menu offers the same toggles.
    QMenu *categories = m_window->findChild<QMenu *>(QStringLiteral("showCategoriesMenu"));
    QMenu *coders = m_window->findChild<QMenu *>(QStringLiteral("codersMenu"));
    QVERIFY(categories && coders);
    QMetaObject::invokeMethod(categories, "aboutToShow");
    QAction *actorCategory = nullptr;
    for (QAction *a : categories->actions()) {
        if (store.codebook().categoryByName(a->text()) && store.codebook().categoryByName(a->text())->id == actor.categoryId)
            actorCategory = a;
    }
    QVERIFY(actorCategory);
    QVERIFY(actorCategory->isChecked());
    actorCategory->trigger();
    QCOMPARE(reader()->highlightFormatAt(kim).property(AnnotationHighlighter::DepthProperty).toInt(), 0);
    QMetaObject::invokeMethod(coders, "aboutToShow");
    QVERIFY(!coders->actions().isEmpty());
}

void TestReader::f8MovesBetweenAnnotationsInOrder()
{
    const qint64 b = annotate(QStringLiteral("has offered"), QStringLiteral("Factual claim"));
    const qint64 a = annotate(QStringLiteral("Kim Jong Un"), QStringLiteral("Person"));
    reopen();
    QList<qint64> order;
    for (const Annotation &x : reader()->shownAnnotations())
        order.append(x.id);
    QVERIFY(order.indexOf(a) >= 0 && order.indexOf(a) + 1 == order.indexOf(b));
    QList<qint64> seen;
    reader()->setFocus();
    for (int i = 0; i < order.size(); ++i) {
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        seen.append(reader()->currentAnnotationId());
    }
    QCOMPARE(seen, order);
    // The selection is the annotation itself.
    const auto span = reader()->selectedSpan();
    QVERIFY(span);
    QCOMPARE(span->start, reader()->shownAnnotations().last().start);
    QTest::keyClick(m_window.get(), Qt::Key_F8); // wraps to the first
    QCOMPARE(reader()->currentAnnotationId(), order.first());
    QTest::keyClick(m_window.get(), Qt::Key_F8, Qt::ShiftModifier); // back to the last
    QCOMPARE(reader()->currentAnnotationId(), order.last());
    QTest::keyClick(m_window.get(), Qt::Key_F8, Qt::ShiftModifier);
    QCOMPARE(reader()->currentAnnotationId(), order.value(order.size() - 2));
}

void TestReader::ctrlFFindsAndCountsMatches()
{
    const QString text = reader()->article().text;
    const int expected = int(text.count(QStringLiteral("Kim"), Qt::CaseInsensitive));
    QVERIFY(expected >= 2);
    reader()->setFocus();
    QTest::keySequence(m_window.get(), QKeySequence::Find);
    FindBar *bar = reader()->findBar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->edit()->hasFocus());
    QTest::keyClicks(bar->edit(), QStringLiteral("Kim"));
    QCOMPARE(reader()->findMatchCount(), expected);
    QCOMPARE(reader()->textCursor().selectedText().toLower(), QStringLiteral("kim"));
    QVERIFY(bar->matchText().contains(QString::number(expected)));
    const int first = reader()->currentFindMatch();
    QTest::keyClick(bar->edit(), Qt::Key_Return);
    QCOMPARE(reader()->currentFindMatch(), (first + 1) % expected);
    QTest::keyClick(bar->edit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(reader()->currentFindMatch(), first);
    QTest::keyClick(bar->edit(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(reader()->hasFocus());
    QCOMPARE(reader()->find(QStringLiteral("no such phrase anywhere")), 0);
}

void TestReader::themeSwitchKeepsHighlightsVisible()
{
    QVERIFY(annotate(QStringLiteral("Kim Jong Un has offered"), QStringLiteral("Factual claim")));
    reopen();
    const qint64 at = reader()->article().text.indexOf(QStringLiteral("Kim Jong Un has offered")) + 2;
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());

    ThemeSettings::apply(*app, ThemeSettings::Theme::Light);
    QCoreApplication::processEvents();
    QVERIFY(!reader()->isDarkTheme());
    const QColor lightBase = reader()->palette().color(QPalette::Base);
    const QColor lightText = reader()->palette().color(QPalette::Text);
    const QColor factual(m_window->store().codebook().codeByName(QStringLiteral("Factual claim"))->colour);
    const QColor lightWash = reader()->highlighter()->washColour(factual);

    ThemeSettings::apply(*app, ThemeSettings::Theme::Dark);
    QCoreApplication::processEvents();
    QVERIFY(reader()->isDarkTheme());
    const QColor darkBase = reader()->palette().color(QPalette::Base);
    const QColor darkText = reader()->palette().color(QPalette::Text);
    const QColor darkWash = reader()->highlighter()->washColour(factual);
    QVERIFY(darkBase.lightness() < 80);
    QVERIFY(lightBase.lightness() > 200);
    QVERIFY(darkWash != lightWash);

    // The wash must differ visibly from the page, and the text on it must
    // stay readable, in both themes.
    for (const auto &[base, wash, text] : {std::tuple{lightBase, lightWash, lightText},
                                           std::tuple{darkBase, darkWash, darkText}}) {
        const int distance = qAbs(base.red() - wash.red()) + qAbs(base.green() - wash.green())
                             + qAbs(base.blue() - wash.blue());
        QVERIFY2(distance >= 40, qPrintable(QStringLiteral("wash %1 too close to page %2").arg(wash.name(), base.name())));
        QVERIFY2(contrast(text, wash) >= 7.0, qPrintable(QStringLiteral("text on %1: %2").arg(wash.name()).arg(contrast(text, wash))));
    }
    // Underline colours stand out from the dark page too.
    QVERIFY(contrast(reader()->highlighter()->lineColour(factual), darkBase) >= 3.0);

    // And on screen: the wash is painted on the dark page.
    reader()->scrollToSpan(at, at + 1);
    QTextCursor collapsed = reader()->textCursor();
    collapsed.clearSelection();
    reader()->setTextCursor(collapsed);
    const QImage shot = reader()->viewport()->grab().toImage();
    QTextCursor c(reader()->document());
    c.setPosition(reader()->documentPosition(at));
    const QRect caret = reader()->cursorRect(c);
    QCOMPARE(shot.pixelColor(caret.left() + 1, caret.top() + 1).rgb(), darkWash.rgb());
}

void TestReader::decoratorFormatsAreMerged()
{
    QVERIFY(annotate(QStringLiteral("Kim Jong Un has offered"), QStringLiteral("Factual claim")));
    reopen();
    KimDecorator lens;
    reader()->addDecorator(&lens);
    const qint64 kim = reader()->article().text.indexOf(QStringLiteral("Kim Jong Un has offered"));
    reader()->scrollToSpan(kim, kim + 3);
    reader()->viewport()->repaint();
    QVERIFY(lens.calls > 0);
    // Only blocks in view were asked.
    QVERIFY(lens.calls < reader()->document()->blockCount());

    const QTextCharFormat merged = reader()->mergedFormatAt(kim + 1);
    QCOMPARE(merged.foreground().color(), QColor(0x80, 0x20, 0x90));
    QCOMPARE(merged.underlineStyle(), QTextCharFormat::DotLine);
    QCOMPARE(merged.property(AnnotationHighlighter::DepthProperty).toInt(), 1);
    QCOMPARE(merged.background().color(), reader()->highlightFormatAt(kim + 1).background().color());

    // The lens formats sit in the laid-out block, without a background.
    QTextCursor c(reader()->document());
    c.setPosition(reader()->documentPosition(kim));
    const QTextBlock block = c.block();
    bool found = false;
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.start == c.positionInBlock() && r.length == 3) {
            found = r.format.underlineStyle() == QTextCharFormat::DotLine && !r.format.hasProperty(QTextFormat::BackgroundBrush);
        }
    }
    QVERIFY(found);

    reader()->removeDecorator(&lens);
    reader()->viewport()->repaint();
    QCOMPARE(reader()->mergedFormatAt(kim + 1).underlineStyle(), QTextCharFormat::NoUnderline);
    const QTextBlock after = reader()->document()->findBlock(c.position());
    QVERIFY2(after.layout()->formats().isEmpty(), qPrintable(QStringLiteral("%1 ranges left, state %2").arg(after.layout()->formats().size()).arg(after.userState())));
}

void TestReader::minimapClickJumps()
{
    QVERIFY(annotate(QStringLiteral("Kim Jong Un has offered"), QStringLiteral("Factual claim")));
    // Something near the end of the article.
    const QString text = reader()->article().text;
    const QString tail = text.mid(text.size() - 40, 12);
    const qint64 last = annotate(tail, QStringLiteral("Person"));
    QVERIFY(last);
    reopen();
    AnnotationMinimap *map = reader()->minimap();
    QVERIFY(map->isVisible());
    QCOMPARE(map->marks().size(), reader()->shownAnnotations().size());
    QCOMPARE(reader()->verticalScrollBar()->value(), 0);
    // A click at the bottom of the strip jumps to the last annotation.
    QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(map->width() / 2, map->height() - 10));
    QCOMPARE(reader()->currentAnnotationId(), last);
    QVERIFY(reader()->verticalScrollBar()->value() > 0);
    QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(map->width() / 2, 9));
    QVERIFY(reader()->verticalScrollBar()->value() < 200);
}

void TestReader::zoomDoesNotRebuildTheDocument()
{
    const int blocks = reader()->document()->blockCount();
    QTextBlock third = reader()->document()->findBlockByNumber(3);
    third.setUserState(4242); // lost if the document were rebuilt
    const qreal before = reader()->document()->defaultFont().pointSizeF();
    reader()->zoomIn();
    QVERIFY(reader()->document()->defaultFont().pointSizeF() > before);
    QCOMPARE(reader()->document()->blockCount(), blocks);
    QCOMPARE(reader()->document()->findBlockByNumber(3).userState(), 4242);
    QCOMPARE(reader()->document()->toPlainText().mid(reader()->textStart()), reader()->article().text);
    reader()->resetZoom();
}

void TestReader::longArticleOpensLazily()
{
    // About 1 MB of text in paragraphs, 5,000 annotations.
    QString text;
    const QString sentence = QStringLiteral("Kim Jong Un has offered to meet the President, officials said on Tuesday. ");
    while (text.size() < 1000000) {
        for (int s = 0; s < 8; ++s)
            text += sentence;
        text += QLatin1Char('\n');
    }
    Article article;
    article.id = 999;
    article.title = QStringLiteral("Long");
    article.text = text;
    QList<Annotation> annotations;
    const qint64 codeId = m_window->store().codebook().codes().first().id;
    for (int i = 0; i < 5000; ++i) {
        Annotation a;
        a.id = i + 1;
        a.start = qint64(i) * 200;
        a.end = a.start + 30 + (i % 7) * 20;
        a.codeIds = {codeId};
        a.coderName = QStringLiteral("x");
        annotations.append(a);
    }
    ReaderView view;
    view.setCodes(m_window->store().codebook().codes());
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    view.setArticle(article, annotations);
    view.repaint();
    const qint64 ms = timer.elapsed();
    qInfo("1 MB article with 5,000 annotations shown in %lld ms", ms);
    // Not a benchmark (see framewise-bench): what matters is that the
    // document was not laid out as a whole to show its first screen.
    QTextBlock last = view.document()->lastBlock();
    QVERIFY(last.isValid());
    QCOMPARE(last.layout()->lineCount(), 0);
    QCOMPARE(view.highlightFormatAt(annotations[10].start + 1).property(AnnotationHighlighter::DepthProperty).toInt(), 1);
}

QTEST_MAIN(TestReader)
#include "tst_ui_reader.moc"
