#include "reader/ReaderView.h"

#include "reader/AnnotationHighlighter.h"
#include "reader/AnnotationMinimap.h"
#include "reader/FindBar.h"
#include "shell/ThemeSettings.h"
#include "text/GraphemeBoundaries.h"

#include <algorithm>

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QDate>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextFrame>
#include <QToolTip>
#include <QWheelEvent>

namespace {
constexpr qreal basePointSize = 12.5;
constexpr int columnCharacters = 70;
const qreal zoomFactors[] = {0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4};
constexpr int normalZoomIndex = 3;
constexpr int zoomSteps = int(std::size(zoomFactors));
constexpr int minimapWidth = 12;
constexpr int maxBarLanes = 5;
constexpr int coderLaneWidth = 7; // between the innermost bar and the text

struct PageColours
{
    QColor paper, ink, quietInk, selection, inactiveSelection, frame, match;
};

PageColours pageColours(bool dark)
{
    if (dark)
        return {QColor(0x1f, 0x1f, 0x1d), QColor(0xe3, 0xe0, 0xd8), QColor(0x9b, 0x97, 0x8e),
                QColor(0x2e, 0x4a, 0x70), QColor(0x33, 0x3d, 0x4a), QColor(0x3a, 0x39, 0x36),
                QColor(0x8a, 0x6d, 0x1c)};
    return {QColor(0xfc, 0xfb, 0xf8), QColor(0x26, 0x25, 0x22), QColor(0x75, 0x72, 0x6b),
            QColor(0xb9, 0xd3, 0xf6), QColor(0xd3, 0xdf, 0xee), QColor(0xdc, 0xd9, 0xd2),
            QColor(0xf3, 0xd5, 0x6b)};
}

QStringList serifFamilies()
{
    return {QStringLiteral("Noto Serif"), QStringLiteral("Source Serif 4"), QStringLiteral("Charter"),
            QStringLiteral("Georgia"), QStringLiteral("DejaVu Serif"), QStringLiteral("serif")};
}

using Entries = QList<AnnotationHighlighter::Entry>;

// Puts key in or out of a hidden set; true if that changed anything.
template<typename T>
bool putInSet(QSet<T> &hidden, const T &key, bool hide)
{
    if (hide == hidden.contains(key))
        return false;
    if (hide)
        hidden.insert(key);
    else
        hidden.remove(key);
    return true;
}

// Calls fn(block) from `block` on while blocks are laid out and start above
// bottomY: the blocks in view, since hitTest() lays out no further.
template<typename Fn>
void forEachLaidOutBlock(const QAbstractTextDocumentLayout *layout, QTextBlock block, qreal bottomY, Fn fn)
{
    for (; block.isValid(); block = block.next()) {
        if (!block.layout() || block.layout()->lineCount() == 0 || layout->blockBoundingRect(block).top() > bottomY)
            break;
        fn(block);
    }
}

// The first entry starting at or after pos (entries are in start order);
// entries.size() if none does.
int firstEntryFrom(const Entries &entries, int pos)
{
    const auto it = std::lower_bound(entries.cbegin(), entries.cend(), pos,
                                     [](const AnnotationHighlighter::Entry &e, int p) { return e.start < p; });
    return int(it - entries.cbegin());
}

// The entry of annotation id spanning exactly the selection, -1 if none: F8
// steps on from it, not from the cursor, so same-start entries are all visited.
int selectedEntry(const Entries &entries, qint64 id, const QTextCursor &cursor)
{
    for (qsizetype i = 0; i < entries.size() && id; ++i) {
        if (entries[i].id == id && entries[i].start == cursor.selectionStart()
            && entries[i].end == cursor.selectionEnd())
            return int(i);
    }
    return -1;
}
} // namespace

ReaderView::ReaderView(QWidget *parent)
    : QTextEdit(parent)
    , m_highlighter(new AnnotationHighlighter(this))
    , m_minimap(new AnnotationMinimap(this))
    , m_findBar(new FindBar(this))
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFrameShape(QFrame::NoFrame);
    setAcceptRichText(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    // A scroll bar that comes and goes would change the text width and
    // relayout the whole article.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus);
    setPlaceholderText(tr("Choose an article in the Library, or drop files here to import them."));
    setAutoFillBackground(true);
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(0);
    viewport()->setAutoFillBackground(true);
    viewport()->setMouseTracking(true);

    m_zoomStep = normalZoomIndex;
    document()->setDefaultFont(bodyFont());
    applyTheme();

    connect(m_highlighter, &AnnotationHighlighter::changed, viewport(), qOverload<>(&QWidget::update));
    connect(m_minimap, &AnnotationMinimap::jumpRequested, this, &ReaderView::jumpToFraction);

    m_findBar->hide();
    connect(m_findBar, &FindBar::searchChanged, this, &ReaderView::find);
    connect(m_findBar, &FindBar::nextRequested, this, &ReaderView::findNext);
    connect(m_findBar, &FindBar::previousRequested, this, &ReaderView::findPrevious);
    connect(m_findBar, &FindBar::closed, this, [this] {
        m_matches.clear();
        m_currentMatch = -1;
        viewport()->update();
        setFocus(Qt::OtherFocusReason);
    });

    m_findAction = new QAction(tr("&Find in Article…"), this);
    m_findAction->setObjectName(QStringLiteral("findInArticleAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        placeOverlays();
        m_findBar->open(textCursor().selectedText());
        find(m_findBar->text());
    });
    m_nextAnnotationAction = new QAction(tr("&Next Annotation"), this);
    m_nextAnnotationAction->setObjectName(QStringLiteral("nextAnnotationAction"));
    m_nextAnnotationAction->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_nextAnnotationAction, &QAction::triggered, this, &ReaderView::nextAnnotation);
    m_previousAnnotationAction = new QAction(tr("&Previous Annotation"), this);
    m_previousAnnotationAction->setObjectName(QStringLiteral("previousAnnotationAction"));
    m_previousAnnotationAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(m_previousAnnotationAction, &QAction::triggered, this, &ReaderView::previousAnnotation);
    for (QAction *action : {m_findAction, m_nextAnnotationAction, m_previousAnnotationAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
}

ReaderView::~ReaderView() = default;

QFont ReaderView::bodyFont() const
{
    QFont font;
    font.setFamilies(serifFamilies());
    font.setPointSizeF(basePointSize * zoomFactor());
    return font;
}

qreal ReaderView::zoomFactor() const
{
    return zoomFactors[m_zoomStep];
}

QString ReaderView::metadataLine() const
{
    QStringList parts;
    if (!m_article.outlet.isEmpty())
        parts.append(m_article.outlet);
    if (!m_article.author.isEmpty())
        parts.append(m_article.author);
    if (!m_article.published.isEmpty()) {
        const QDate date = QDate::fromString(m_article.published.left(10), Qt::ISODate);
        parts.append(date.isValid() ? QLocale().toString(date, QLocale::LongFormat) : m_article.published);
    }
    // Counted by hand: splitting a megabyte of text just to count is slow.
    qsizetype words = 0;
    bool inWord = false;
    for (const QChar c : m_article.text) {
        const bool space = c.isSpace();
        words += (!space && !inWord) ? 1 : 0;
        inWord = !space;
    }
    parts.append(words == 1 ? tr("1 word") : tr("%1 words").arg(QLocale().toString(words)));
    return parts.join(QStringLiteral("  ·  ")).simplified();
}

void ReaderView::setArticle(const Article &article, const QList<Annotation> &annotations)
{
    m_article = article;
    m_offsets = TextOffsets(article.text);
    m_annotations = annotations;
    m_currentAnnotation = 0;
    m_matches.clear();
    m_currentMatch = -1;
    rebuild();
    rebuildEntries();
    if (m_findBar->isVisible())
        find(m_findBar->text());
    // The caret waits where the text begins (placed by rebuild()).
    verticalScrollBar()->setValue(0);
    updateMinimapRange();
}

void ReaderView::clearArticle()
{
    m_article = Article();
    m_offsets = TextOffsets(QString());
    m_annotations.clear();
    m_annotationIndex.clear();
    m_matches.clear();
    m_currentMatch = -1;
    m_currentAnnotation = 0;
    m_highlighter->setEntries({});
    m_minimap->setMarks({});
    m_textStart = 0;
    document()->clear();
}

void ReaderView::rebuild()
{
    const QString title = m_article.title.simplified().isEmpty() ? tr("Untitled article")
                                                                  : m_article.title.simplified();
    const QString meta = metadataLine();
    // Two blocks precede the text: title and metadata, each ending in a
    // block separator.
    m_textStart = int(title.size() + 1 + meta.size() + 1);

    // One edit block that starts with clear(): the layout then sees a
    // single change covering the whole document and lays it out lazily,
    // the visible part first. Any change reaching past the inserted text
    // (a frame format set afterwards, a block format set before inserting)
    // would make it lay out the whole megabyte at once.
    QTextDocument *doc = document();
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    doc->clear();
    doc->setDefaultFont(bodyFont());
    QTextFrameFormat frame = doc->rootFrame()->frameFormat();
    frame.setLeftMargin(gutterWidth); // the margin bars live here
    frame.setBottomMargin(96);
    doc->rootFrame()->setFrameFormat(frame);

    cursor.setPosition(0);
    cursor.insertText(title);
    cursor.insertBlock();
    cursor.insertText(meta);
    QTextBlockFormat bodyBlock;
    bodyBlock.setLineHeight(150, QTextBlockFormat::ProportionalHeight);
    bodyBlock.setBottomMargin(14);
    // No font or colour of its own: the default font (zoom) and the
    // palette (theme) apply without touching the text again.
    cursor.insertBlock(bodyBlock, QTextCharFormat());
    Q_ASSERT(cursor.position() == m_textStart);
    // New blocks made from the text's line breaks inherit these formats.
    // The caret is placed where the text begins while the document is
    // still small: QTextEdit::setTextCursor() on the finished document
    // would lay all of it out. Text inserted after the caret leaves it.
    cursor.insertText(m_article.text.left(1));
    QTextCursor caret(doc);
    caret.setPosition(m_textStart);
    setTextCursor(caret);
    cursor.insertText(m_article.text.mid(1));
    applyHeaderFormats();
    cursor.endEditBlock();
    m_decorationGeneration++;
    // The viewport margins depend on the width and zoom only: kept.
    updateMargins();
}

void ReaderView::applyHeaderFormats()
{
    if (document()->blockCount() < 3)
        return;
    const qreal zoom = zoomFactor();
    const PageColours colours = pageColours(m_dark);
    QTextCursor cursor(document());
    cursor.beginEditBlock();

    QTextBlockFormat titleBlock;
    titleBlock.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
    titleBlock.setTopMargin(44 * zoom);
    titleBlock.setBottomMargin(10 * zoom);
    QTextCharFormat titleChar;
    QFont titleFont = bodyFont();
    titleFont.setPointSizeF(basePointSize * 1.6 * zoom);
    titleFont.setWeight(QFont::DemiBold);
    titleChar.setFont(titleFont);
    cursor.setPosition(0);
    cursor.setBlockFormat(titleBlock);
    cursor.setBlockCharFormat(titleChar);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.setCharFormat(titleChar);

    QTextBlockFormat metaBlock;
    metaBlock.setBottomMargin(30 * zoom);
    QTextCharFormat metaChar;
    QFont metaFont = font(); // the UI sans, set apart from the text
    metaFont.setPointSizeF(qMax(8.0, metaFont.pointSizeF() * zoom));
    metaChar.setFont(metaFont);
    metaChar.setForeground(colours.quietInk);
    cursor.movePosition(QTextCursor::NextBlock);
    cursor.setBlockFormat(metaBlock);
    cursor.setBlockCharFormat(metaChar);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.setCharFormat(metaChar);
    cursor.endEditBlock();
}

bool ReaderView::isShown(const Annotation &a) const
{
    if (m_hiddenCategories.isEmpty() || a.codeIds.isEmpty())
        return true;
    for (qint64 id : a.codeIds) {
        const auto code = m_codes.constFind(id);
        if (code == m_codes.cend() || !m_hiddenCategories.contains(code->categoryId))
            return true;
    }
    return false;
}

QColor ReaderView::codeColour(const Annotation &a) const
{
    for (qint64 id : a.codeIds) {
        const auto code = m_codes.constFind(id);
        if (code != m_codes.cend() && !m_hiddenCategories.contains(code->categoryId))
            return QColor(code->colour);
    }
    return QColor(0x88, 0x88, 0x88);
}

QColor ReaderView::coderColour(qint64 coderId) const
{
    const auto coder = m_coders.constFind(coderId);
    return coder == m_coders.cend() ? QColor(0x88, 0x88, 0x88) : QColor(coder->colour);
}

void ReaderView::rebuildEntries()
{
    m_annotationIndex.clear();
    QList<AnnotationHighlighter::Entry> entries;
    entries.reserve(m_annotations.size());
    QList<AnnotationMinimap::Mark> marks;
    marks.reserve(m_annotations.size());
    const qreal length = std::max<qreal>(1, m_offsets.codePointCount());
    QSet<qint64> coders;
    for (qsizetype i = 0; i < m_annotations.size(); ++i) {
        const Annotation &a = m_annotations[i];
        m_annotationIndex.insert(a.id, int(i));
        if (!m_article.id || !isShown(a))
            continue;
        const QColor colour = codeColour(a);
        entries.append({a.id, documentPosition(a.start), documentPosition(a.end), colour});
        marks.append({a.start / length, a.end / length, m_highlighter->lineColour(colour)});
        coders.insert(a.coderId);
    }
    m_shownCoders = QList<qint64>(coders.cbegin(), coders.cend());
    std::sort(m_shownCoders.begin(), m_shownCoders.end(), [this](qint64 a, qint64 b) {
        const QString na = m_coders.value(a).name, nb = m_coders.value(b).name;
        return na != nb ? na < nb : a < b;
    });
    m_highlighter->setEntries(std::move(entries));
    m_minimap->setMarks(std::move(marks));
}

void ReaderView::setAnnotations(const QList<Annotation> &annotations)
{
    m_annotations = annotations;
    rebuildEntries();
    // One no longer here (deleted, or its coder hidden) is nobody's target.
    if (m_currentAnnotation && !m_annotationIndex.contains(m_currentAnnotation)) {
        m_currentAnnotation = 0;
        Q_EMIT currentAnnotationChanged(0);
    }
}

void ReaderView::setCoders(const QList<Coder> &coders)
{
    m_coders.clear();
    for (const Coder &c : coders)
        m_coders.insert(c.id, c);
    if (m_article.id)
        rebuildEntries(); // the coder lane's order follows names
}

void ReaderView::setCodes(const QList<Code> &codes)
{
    m_codes.clear();
    for (const Code &c : codes)
        m_codes.insert(c.id, c);
    if (m_article.id)
        rebuildEntries();
}

QList<Annotation> ReaderView::shownAnnotations() const
{
    QList<Annotation> shown;
    for (const AnnotationHighlighter::Entry &e : m_highlighter->entries())
        shown.append(annotationById(e.id));
    return shown;
}

void ReaderView::setCategoryVisible(qint64 categoryId, bool visible)
{
    if (putInSet(m_hiddenCategories, categoryId, !visible))
        rebuildEntries();
}

void ReaderView::addDecorator(BlockDecorator *decorator)
{
    m_highlighter->addDecorator(decorator);
    refreshDecorations();
}

void ReaderView::removeDecorator(BlockDecorator *decorator)
{
    m_highlighter->removeDecorator(decorator);
    if (m_highlighter->decorators().isEmpty()) {
        // Only blocks that were ever in view carry formats: few, and
        // setFormats() relayouts just those.
        for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
            if (b.layout() && !b.layout()->formats().isEmpty())
                b.layout()->clearFormats();
        }
    }
    refreshDecorations();
}

void ReaderView::refreshDecorations()
{
    ++m_decorationGeneration;
    viewport()->update();
}

int ReaderView::documentPosition(qint64 codePoint) const
{
    return m_textStart + int(m_offsets.toUtf16(codePoint));
}

qint64 ReaderView::codePointAt(int documentPosition) const
{
    const qsizetype utf16 = std::clamp<qsizetype>(documentPosition - m_textStart, 0, m_offsets.utf16Length());
    return m_offsets.toCodePoint(utf16);
}

std::optional<ReaderView::Span> ReaderView::selectedSpan() const
{
    const QTextCursor cursor = textCursor();
    if (!m_article.id || !cursor.hasSelection())
        return std::nullopt;
    const QString &text = m_article.text;
    qsizetype from = std::clamp<qsizetype>(cursor.selectionStart() - m_textStart, 0, text.size());
    qsizetype to = std::clamp<qsizetype>(cursor.selectionEnd() - m_textStart, 0, text.size());
    // A drag or triple-click picks up spaces and line ends nobody means to code.
    while (from < to && text.at(from).isSpace())
        ++from;
    while (to > from && text.at(to - 1).isSpace())
        --to;
    if (from >= to)
        return std::nullopt;
    // A mouse selection can end inside a cluster ("e" without its accent).
    GraphemeBoundaries::expand(text, from, to);
    return Span{m_offsets.toCodePoint(from), m_offsets.toCodePoint(to)};
}

qint64 ReaderView::nextGrapheme(qint64 codePoint) const
{
    return m_offsets.toCodePoint(
        GraphemeBoundaries::next(m_article.text, m_offsets.toUtf16(codePoint)));
}

qint64 ReaderView::previousGrapheme(qint64 codePoint) const
{
    return m_offsets.toCodePoint(
        GraphemeBoundaries::previous(m_article.text, m_offsets.toUtf16(codePoint)));
}

void ReaderView::scrollToSpan(qint64 start, qint64 end)
{
    if (!m_article.id)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(documentPosition(start));
    cursor.setPosition(documentPosition(end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    // Centre the start of the span.
    QTextCursor at(document());
    at.setPosition(documentPosition(start));
    centreVertically(cursorRect(at));
}

void ReaderView::centreVertically(const QRect &rect)
{
    // cursorRect() is in viewport coordinates, so this is the distance to scroll.
    verticalScrollBar()->setValue(verticalScrollBar()->value() + rect.center().y() - viewport()->height() / 2);
}

Annotation ReaderView::annotationById(qint64 id) const
{
    return m_annotations.value(m_annotationIndex.value(id, -1));
}

QList<Annotation> ReaderView::annotationsAt(qint64 codePoint) const
{
    QList<Annotation> hits;
    for (const Annotation &a : m_annotations) {
        if (a.start <= codePoint && codePoint < a.end)
            hits.append(a);
    }
    return hits;
}

QTextCharFormat ReaderView::highlightFormatAt(qint64 codePoint) const
{
    if (!m_article.id)
        return {};
    return m_highlighter->formatAt(documentPosition(codePoint));
}

QTextCharFormat ReaderView::mergedFormatAt(qint64 codePoint) const
{
    if (!m_article.id)
        return {};
    const int pos = documentPosition(codePoint);
    const QTextBlock block = document()->findBlock(pos);
    QTextCharFormat merged;
    for (const QTextLayout::FormatRange &range : m_highlighter->decorations(block)) {
        const int at = pos - block.position();
        if (range.start <= at && at < range.start + range.length)
            merged.merge(range.format);
    }
    merged.merge(highlightFormatAt(codePoint));
    return merged;
}

// --- Navigation --------------------------------------------------------

void ReaderView::selectAnnotationEntry(int index)
{
    const AnnotationHighlighter::Entry &e = m_highlighter->entries().at(index);
    const auto a = annotationById(e.id);
    scrollToSpan(a.start, a.end);
    m_currentAnnotation = e.id;
    Q_EMIT currentAnnotationChanged(e.id);
}

bool ReaderView::nextAnnotation()
{
    const auto &entries = m_highlighter->entries();
    if (entries.isEmpty())
        return false;
    const QTextCursor cursor = textCursor();
    int next = selectedEntry(entries, m_currentAnnotation, cursor);
    if (next >= 0)
        ++next;
    else
        next = firstEntryFrom(entries, cursor.hasSelection() ? cursor.selectionStart() + 1 : cursor.position());
    selectAnnotationEntry(next % int(entries.size())); // past the last: round to the first
    return true;
}

bool ReaderView::previousAnnotation()
{
    const auto &entries = m_highlighter->entries();
    if (entries.isEmpty())
        return false;
    const QTextCursor cursor = textCursor();
    int after = selectedEntry(entries, m_currentAnnotation, cursor);
    if (after < 0)
        after = firstEntryFrom(entries, cursor.hasSelection() ? cursor.selectionStart() : cursor.position());
    const int count = int(entries.size());
    selectAnnotationEntry((after + count - 1) % count); // before the first: round to the last
    return true;
}

void ReaderView::jumpToFraction(qreal fraction)
{
    if (!m_article.id)
        return;
    const qint64 length = m_offsets.codePointCount();
    const qint64 target = qint64(std::clamp(fraction, 0.0, 1.0) * length);
    // Prefer the annotation drawn there, else the text at that place.
    const auto &entries = m_highlighter->entries();
    const int pos = documentPosition(target);
    const auto it = entries.cbegin() + firstEntryFrom(entries, pos);
    int best = -1;
    int bestDistance = std::max<int>(1, int(m_article.text.size() / 50));
    for (auto c : {it - 1, it}) {
        if (c >= entries.cbegin() && c < entries.cend() && std::abs(c->start - pos) <= bestDistance) {
            bestDistance = std::abs(c->start - pos);
            best = int(c - entries.cbegin());
        }
    }
    if (best >= 0) {
        selectAnnotationEntry(best);
        return;
    }
    QTextCursor cursor(document());
    cursor.setPosition(pos);
    setTextCursor(cursor);
    centreVertically(cursorRect(cursor));
}

// --- Find --------------------------------------------------------------

int ReaderView::find(const QString &text)
{
    m_matches.clear();
    m_currentMatch = -1;
    m_matchLength = int(text.size());
    if (m_article.id && !text.isEmpty()) {
        const QString &body = m_article.text;
        for (qsizetype at = body.indexOf(text, 0, Qt::CaseInsensitive); at >= 0;
             at = body.indexOf(text, at + text.size(), Qt::CaseInsensitive))
            m_matches.append(int(at));
    }
    if (!m_matches.isEmpty()) {
        // The first match at or after the reader's place.
        const int from = textCursor().selectionStart() - m_textStart;
        const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from);
        selectMatch(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
    } else {
        m_findBar->setMatchInfo(0, 0);
    }
    viewport()->update();
    return int(m_matches.size());
}

void ReaderView::selectMatch(int index)
{
    m_currentMatch = index;
    const int at = m_textStart + m_matches.at(index);
    QTextCursor cursor(document());
    cursor.setPosition(at);
    cursor.setPosition(at + m_matchLength, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    const QRect rect = cursorRect(cursor);
    if (rect.top() < 0 || rect.bottom() > viewport()->height())
        centreVertically(rect);
    m_findBar->setMatchInfo(index + 1, int(m_matches.size()));
}

bool ReaderView::findNext()
{
    if (m_matches.isEmpty())
        return false;
    selectMatch(int((m_currentMatch + 1) % m_matches.size()));
    return true;
}

bool ReaderView::findPrevious()
{
    if (m_matches.isEmpty())
        return false;
    selectMatch(int((m_currentMatch + m_matches.size() - 1) % m_matches.size()));
    return true;
}

// --- Zoom, margins, theme ------------------------------------------------

void ReaderView::zoomIn()
{
    setZoomStep(m_zoomStep + 1);
}

void ReaderView::zoomOut()
{
    setZoomStep(m_zoomStep - 1);
}

void ReaderView::resetZoom()
{
    setZoomStep(normalZoomIndex);
}

void ReaderView::setZoomStep(int step)
{
    step = std::clamp(step, 0, zoomSteps - 1);
    if (step == m_zoomStep)
        return;
    // Keep the reader's place: the text at the top of the view stays there.
    const int topPosition = cursorForPosition(QPoint(gutterWidth + 1, 0)).position();
    m_zoomStep = step;
    // No rebuild: the body has no font of its own, so the default font is
    // all that changes (and the layout redoes only what is in view).
    applyHeaderFormats();
    document()->setDefaultFont(bodyFont());
    m_sideMargin = -1;
    updateMargins();
    if (m_article.id) {
        QTextCursor top(document());
        top.setPosition(topPosition);
        verticalScrollBar()->setValue(verticalScrollBar()->value() + cursorRect(top).top());
    }
    Q_EMIT zoomChanged(zoomFactor());
}

void ReaderView::updateMargins()
{
    // A ~70-character measure is what makes long reading comfortable; the
    // rest of the width becomes margin on both sides. Margins of the
    // viewport, not of the document: resizing the window then never
    // relayouts the text unless the column itself must shrink.
    const QFontMetricsF metrics(bodyFont());
    const int column = int(metrics.averageCharWidth() * columnCharacters);
    const int available = width() - verticalScrollBar()->sizeHint().width();
    const int side = std::max(gutterWidth, (available - column) / 2);
    if (side != m_sideMargin) {
        m_sideMargin = side;
        setViewportMargins(side - gutterWidth, 0, std::max(side, minimapWidth + 10), 0);
        // QTextEdit relayouts for a new text width only in its own
        // resizeEvent, which new viewport margins alone do not send.
        QResizeEvent resize(size(), QSize(-1, -1)); // "the width changed"
        QTextEdit::resizeEvent(&resize);
    }
    placeOverlays();
}

void ReaderView::placeOverlays()
{
    const int bar = verticalScrollBar()->isVisible() ? verticalScrollBar()->width()
                                                     : verticalScrollBar()->sizeHint().width();
    m_minimap->setGeometry(width() - bar - minimapWidth - 6, 0, minimapWidth, height());
    const QRect vp = viewport()->geometry();
    const int w = std::min(440, std::max(240, vp.width() - 24));
    m_findBar->resize(w, m_findBar->sizeHint().height());
    m_findBar->move(std::max(0, vp.right() - w - 8), vp.top() + 8);
}

void ReaderView::applyTheme()
{
    if (m_applyingTheme)
        return;
    m_applyingTheme = true;
    m_dark = ThemeSettings::isDark(QApplication::palette());
    const PageColours c = pageColours(m_dark);
    QPalette pal = palette();
    for (QPalette::ColorRole role : {QPalette::Base, QPalette::Window})
        pal.setColor(role, c.paper);
    pal.setColor(QPalette::Text, c.ink);
    pal.setColor(QPalette::WindowText, c.ink);
    // A soft selection keeps the code colours underneath recognisable.
    pal.setColor(QPalette::Highlight, c.selection);
    pal.setColor(QPalette::HighlightedText, c.ink);
    pal.setColor(QPalette::Inactive, QPalette::Highlight, c.inactiveSelection);
    pal.setColor(QPalette::Inactive, QPalette::HighlightedText, c.ink);
    pal.setColor(QPalette::PlaceholderText, c.quietInk);
    setPalette(pal);
    m_highlighter->setBaseColour(c.paper);
    m_minimap->setColours(c.paper, c.frame);
    applyHeaderFormats();
    if (m_article.id)
        rebuildEntries(); // the minimap's colours follow the page
    m_applyingTheme = false;
}

void ReaderView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::StyleChange)
        applyTheme();
}

void ReaderView::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    updateMargins();
    updateMinimapRange();
}

void ReaderView::scrollContentsBy(int dx, int dy)
{
    QTextEdit::scrollContentsBy(dx, dy);
    updateMinimapRange();
}

void ReaderView::updateMinimapRange()
{
    if (!m_article.id || m_article.text.isEmpty()) {
        m_minimap->setVisibleRange(0, 0);
        return;
    }
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    const int scroll = verticalScrollBar()->value();
    const int top = layout->hitTest(QPointF(gutterWidth + 1, scroll), Qt::FuzzyHit);
    const int bottom = layout->hitTest(QPointF(gutterWidth + 1, scroll + viewport()->height()), Qt::FuzzyHit);
    const qreal length = m_article.text.size();
    m_minimap->setVisibleRange(std::clamp((top - m_textStart) / length, 0.0, 1.0),
                               std::clamp((bottom - m_textStart) / length, 0.0, 1.0));
}

void ReaderView::wheelEvent(QWheelEvent *event)
{
    // QTextEdit would scale its widget font, which the formats override.
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
        event->accept();
        return;
    }
    QTextEdit::wheelEvent(event);
}

// --- Painting ------------------------------------------------------------

void ReaderView::decorateVisibleBlocks(QTextBlock block, int bottomY)
{
    // Collected first: setFormats() relayouts a block, which must not cut
    // the walk over the others short.
    QList<QTextBlock> stale;
    forEachLaidOutBlock(document()->documentLayout(), block, bottomY, [&](const QTextBlock &b) {
        if (b.userState() != m_decorationGeneration)
            stale.append(b);
    });
    for (QTextBlock &b : stale) {
        b.setUserState(m_decorationGeneration);
        const QList<QTextLayout::FormatRange> ranges = m_highlighter->decorations(b);
        // setFormats() relayouts the block; skip it when nothing changes.
        if (!ranges.isEmpty() || !b.layout()->formats().isEmpty()) {
            b.layout()->setFormats(ranges);
            // setFormats() drops the block's lines; have the document lay it
            // out again, as QSyntaxHighlighter does.
            document()->markContentsDirty(b.position(), b.length());
        }
    }
}

void ReaderView::paintEvent(QPaintEvent *event)
{
    m_marginBars.clear();
    m_coderMarks.clear();
    if (!m_article.id) {
        QTextEdit::paintEvent(event);
        return;
    }
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    const int scroll = verticalScrollBar()->value();
    const int height = viewport()->height();
    const QPointF offset(-horizontalScrollBar()->value(), -scroll);
    // hitTest() lays out down to the point asked for, no further.
    const int topPos = layout->hitTest(QPointF(gutterWidth + 1, scroll), Qt::FuzzyHit);
    const int bottomPos = layout->hitTest(QPointF(gutterWidth + 1, scroll + height), Qt::FuzzyHit);
    const QTextBlock first = document()->findBlock(std::max(0, topPos));
    if (!m_highlighter->decorators().isEmpty() || m_decorationGeneration > 2)
        decorateVisibleBlocks(first, scroll + height);

    const auto visibleBlocks = [&](auto &&fn) { forEachLaidOutBlock(layout, first, scroll + height, fn); };
    {
        QPainter painter(viewport());
        visibleBlocks([&](const QTextBlock &b) { m_highlighter->paintWashes(painter, b, offset); });
        // Find matches: a quiet marker under all of them.
        if (!m_matches.isEmpty()) {
            QColor match = pageColours(m_dark).match;
            match.setAlpha(m_dark ? 150 : 170);
            const auto from = std::lower_bound(m_matches.cbegin(), m_matches.cend(), topPos - m_textStart - m_matchLength);
            for (auto it = from; it != m_matches.cend() && *it + m_textStart <= bottomPos; ++it) {
                QTextCursor c(document());
                c.setPosition(m_textStart + *it);
                const QRect a = cursorRect(c);
                c.setPosition(m_textStart + *it + m_matchLength);
                const QRect b = cursorRect(c);
                if (a.top() == b.top())
                    painter.fillRect(QRect(a.left(), a.top(), b.left() - a.left(), a.height()), match);
            }
        }
    }
    QTextEdit::paintEvent(event);

    QPainter painter(viewport());
    visibleBlocks([&](const QTextBlock &b) { m_highlighter->paintUnderlines(painter, b, offset); });

    // Margin bars: each annotation in view as a bar of its vertical
    // extent, nested ones in lanes further out.
    const auto lineY = [&](int pos, bool bottom) -> qreal {
        const QTextBlock block = document()->findBlock(pos);
        const QTextLayout *tl = block.layout();
        if (!tl || tl->lineCount() == 0)
            return bottom ? height + 2 : -2;
        const QTextLine line = tl->lineForTextPosition(std::max(0, pos - block.position()));
        if (!line.isValid())
            return bottom ? height + 2 : -2;
        const qreal y = tl->position().y() + line.y() - scroll;
        return bottom ? y + line.height() : y;
    };
    const auto &entries = m_highlighter->entries();
    QList<qreal> laneEnds;
    // With a coder lane, the bars step aside so the two read apart.
    const int barShift = m_shownCoders.size() > 1 ? 3 : 0;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int i : m_highlighter->entriesIn(topPos, bottomPos + 1)) {
        const AnnotationHighlighter::Entry &e = entries[i];
        const qreal y1 = e.start < topPos ? -2 : lineY(e.start, false);
        const qreal y2 = e.end > bottomPos ? height + 2 : lineY(std::max(e.start, e.end - 1), true);
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > y1 - 1)
            ++lane;
        if (lane >= maxBarLanes)
            lane = maxBarLanes - 1;
        if (lane >= laneEnds.size())
            laneEnds.append(y2);
        else
            laneEnds[lane] = std::max(laneEnds[lane], y2);
        const QRectF rect(gutterWidth - 12 - lane * 5 - barShift, y1 + 1, 3, std::max(4.0, y2 - y1 - 2));
        const QColor colour = m_highlighter->lineColour(e.colour);
        painter.setBrush(colour);
        painter.drawRoundedRect(rect, 1.5, 1.5);
        m_marginBars.append({rect, e.id, colour});
        // The coder lane: between the bars and the text, a column per coder,
        // so two coders' marks on the same lines stay side by side.
        if (m_shownCoders.size() > 1) {
            const qint64 coder = annotationById(e.id).coderId;
            const qreal step = qreal(coderLaneWidth) / m_shownCoders.size();
            const qreal x = gutterWidth - coderLaneWidth + m_shownCoders.indexOf(coder) * step;
            const QRectF mark(x, rect.top(), std::max(1.0, step - 1), rect.height());
            const QColor coderColour = this->coderColour(coder);
            painter.setBrush(coderColour);
            painter.drawRect(mark);
            m_coderMarks.append({mark, e.id, coderColour});
        }
    }
}

// --- Tooltips ------------------------------------------------------------

QString ReaderView::tooltipFor(const QList<Annotation> &annotations) const
{
    QString html;
    for (const Annotation &a : annotations) {
        if (!html.isEmpty())
            html += QStringLiteral("<hr>");
        QStringList codes;
        for (qint64 id : a.codeIds) {
            const Code code = m_codes.value(id);
            codes.append(QStringLiteral("<span style='color:%1'>■</span> <b>%2</b>")
                             .arg(QColor(code.colour).name(), (code.name.isEmpty() ? tr("(deleted code)") : code.name)
                                                   .toHtmlEscaped()));
        }
        html += codes.join(QStringLiteral("<br>"));
        html += QStringLiteral("<br><span style='color:%1'>●</span> <span style='color:%2'>%3</span>")
                    .arg(coderColour(a.coderId).name(),
                         QToolTip::palette().color(QPalette::PlaceholderText).name(),
                         tr("Coder: %1").arg(a.coderName.toHtmlEscaped()));
        if (!a.note.isEmpty())
            html += QStringLiteral("<br><i>%1</i>").arg(a.note.toHtmlEscaped());
    }
    return html.isEmpty() ? QString() : QStringLiteral("<qt>%1</qt>").arg(html);
}

QString ReaderView::tooltipAt(const QPoint &viewportPos) const
{
    if (!m_article.id)
        return {};
    if (viewportPos.x() < gutterWidth) {
        QList<Annotation> hits;
        for (const MarginBar &bar : m_marginBars) {
            if (bar.rect.adjusted(-2, 0, 2, 0).contains(viewportPos))
                hits.append(annotationById(bar.annotationId));
        }
        return tooltipFor(hits);
    }
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const int pos = cursor.position();
    // cursorForPosition() rounds to the nearest gap; use the character under
    // the pointer, which lies before the gap when the pointer is left of it.
    const QRect gap = cursorRect(cursor);
    const int charPos = viewportPos.x() < gap.left() ? pos - 1 : pos;
    if (charPos < m_textStart)
        return {};
    QList<Annotation> hits;
    for (const Annotation &a : annotationsAt(codePointAt(charPos))) {
        if (isShown(a))
            hits.append(a);
    }
    return tooltipFor(hits);
}

bool ReaderView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = tooltipAt(viewport()->mapFromGlobal(help->globalPos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QTextEdit::viewportEvent(event);
}

bool ReaderView::showsAnyAnnotation(const QSet<qint64> &annotationIds) const
{
    return !annotationIds.isEmpty()
        && std::any_of(m_annotations.cbegin(), m_annotations.cend(),
                       [&](const Annotation &a) { return annotationIds.contains(a.id); });
}
