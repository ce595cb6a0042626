#include "ReaderView.h"

#include "AnnotationHighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QDate>
#include <QHelpEvent>
#include <QLocale>
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

const QColor paper(0xfc, 0xfb, 0xf8);
const QColor ink(0x26, 0x25, 0x22);
const QColor quietInk(0x75, 0x72, 0x6b);

QStringList serifFamilies()
{
    return {QStringLiteral("Noto Serif"), QStringLiteral("Source Serif 4"), QStringLiteral("Charter"),
            QStringLiteral("Georgia"), QStringLiteral("DejaVu Serif"), QStringLiteral("serif")};
}
} // namespace

ReaderView::ReaderView(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFrameShape(QFrame::NoFrame);
    setAcceptRichText(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setFocusPolicy(Qt::StrongFocus);
    setPlaceholderText(tr("Choose an article in the Library, or drop files here to import them."));
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(0);

    QPalette pal = palette();
    pal.setColor(QPalette::Base, paper);
    pal.setColor(QPalette::Text, ink);
    // A soft selection keeps the code colours underneath recognisable.
    pal.setColor(QPalette::Highlight, QColor(0xb9, 0xd3, 0xf6));
    pal.setColor(QPalette::HighlightedText, ink);
    pal.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0xd3, 0xdf, 0xee));
    pal.setColor(QPalette::Inactive, QPalette::HighlightedText, ink);
    setPalette(pal);
    viewport()->setAutoFillBackground(true);

    m_highlighter = new AnnotationHighlighter(document());
    m_zoomStep = normalZoomIndex;
    document()->setDefaultFont(bodyFont());
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
    rebuild();
    // The caret waits where the text begins, ready for Shift+arrows.
    QTextCursor start(document());
    start.setPosition(m_textStart);
    setTextCursor(start);
    verticalScrollBar()->setValue(0);
}

void ReaderView::clearArticle()
{
    m_article = Article();
    m_offsets = TextOffsets(QString());
    m_annotations.clear();
    m_highlighter->resetEntries({});
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

    // Highlight entries are set first so inserting the text paints them.
    QList<AnnotationHighlighter::Entry> entries;
    entries.reserve(m_annotations.size());
    for (const Annotation &a : std::as_const(m_annotations)) {
        const qint64 firstCode = a.codeIds.value(0);
        const QColor colour = m_codes.contains(firstCode) ? QColor(m_codes.value(firstCode).colour)
                                                          : QColor(0x88, 0x88, 0x88);
        entries.append({a.id, documentPosition(a.start), documentPosition(a.end), colour});
    }
    m_highlighter->resetEntries(std::move(entries));

    const qreal zoom = zoomFactor();
    QTextDocument *doc = document();
    doc->clear();
    doc->setDefaultFont(bodyFont());

    QTextCursor cursor(doc);
    cursor.beginEditBlock();

    QTextBlockFormat titleBlock;
    titleBlock.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
    titleBlock.setBottomMargin(10 * zoom);
    QTextCharFormat titleChar;
    QFont titleFont = bodyFont();
    titleFont.setPointSizeF(basePointSize * 1.6 * zoom);
    titleFont.setWeight(QFont::DemiBold);
    titleChar.setFont(titleFont);
    titleChar.setForeground(ink);
    cursor.setBlockFormat(titleBlock);
    cursor.setBlockCharFormat(titleChar);
    cursor.insertText(title, titleChar);

    QTextBlockFormat metaBlock;
    metaBlock.setBottomMargin(30 * zoom);
    QTextCharFormat metaChar;
    QFont metaFont = font(); // the UI sans, set apart from the text
    metaFont.setPointSizeF(qMax(8.0, metaFont.pointSizeF() * zoom));
    metaChar.setFont(metaFont);
    metaChar.setForeground(quietInk);
    cursor.insertBlock(metaBlock, metaChar);
    cursor.insertText(meta, metaChar);

    QTextBlockFormat bodyBlock;
    bodyBlock.setLineHeight(150, QTextBlockFormat::ProportionalHeight);
    bodyBlock.setBottomMargin(14 * zoom);
    QTextCharFormat bodyChar;
    bodyChar.setFont(bodyFont());
    bodyChar.setForeground(ink);
    cursor.insertBlock(bodyBlock, bodyChar);
    Q_ASSERT(cursor.position() == m_textStart);
    // New blocks made from the text's line breaks inherit these formats.
    cursor.insertText(m_article.text, bodyChar);
    cursor.endEditBlock();

    m_sideMargin = -1;
    updateMargins();
}

void ReaderView::setAnnotations(const QList<Annotation> &annotations)
{
    m_annotations = annotations;
    QList<AnnotationHighlighter::Entry> entries;
    entries.reserve(annotations.size());
    for (const Annotation &a : annotations) {
        const qint64 firstCode = a.codeIds.value(0);
        const QColor colour = m_codes.contains(firstCode) ? QColor(m_codes.value(firstCode).colour)
                                                          : QColor(0x88, 0x88, 0x88);
        entries.append({a.id, documentPosition(a.start), documentPosition(a.end), colour});
    }
    m_highlighter->setEntries(std::move(entries));
}

void ReaderView::setCodes(const QList<Code> &codes)
{
    m_codes.clear();
    for (const Code &c : codes)
        m_codes.insert(c.id, c);
    if (m_article.id)
        setAnnotations(m_annotations);
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
    return Span{m_offsets.toCodePoint(from), m_offsets.toCodePoint(to)};
}

void ReaderView::scrollToSpan(qint64 start, qint64 end)
{
    if (!m_article.id)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(documentPosition(start));
    cursor.setPosition(documentPosition(end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    // cursorRect() is in viewport coordinates; centre the start of the span.
    QScrollBar *bar = verticalScrollBar();
    QTextCursor at(document());
    at.setPosition(documentPosition(start));
    const QRect rect = cursorRect(at);
    bar->setValue(bar->value() + rect.center().y() - viewport()->height() / 2);
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
    const int pos = documentPosition(codePoint);
    const QTextBlock block = document()->findBlock(pos);
    if (!block.isValid() || !block.layout())
        return {};
    const int inBlock = pos - block.position();
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.start <= inBlock && inBlock < range.start + range.length)
            return range.format;
    }
    return {};
}

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
    const int topPosition = cursorForPosition(QPoint(0, 0)).position();
    const QTextCursor selection = textCursor();
    const int anchor = selection.anchor();
    const int position = selection.position();
    m_zoomStep = step;
    if (m_article.id) {
        rebuild();
        QTextCursor restored(document());
        restored.setPosition(anchor);
        restored.setPosition(position, QTextCursor::KeepAnchor);
        setTextCursor(restored);
        QTextCursor top(document());
        top.setPosition(topPosition);
        verticalScrollBar()->setValue(verticalScrollBar()->value() + cursorRect(top).top());
    } else {
        document()->setDefaultFont(bodyFont());
        m_sideMargin = -1;
        updateMargins();
    }
    Q_EMIT zoomChanged(zoomFactor());
}

void ReaderView::updateMargins()
{
    // A ~70-character measure is what makes long reading comfortable; the
    // rest of the width becomes margin on both sides.
    const QFontMetricsF metrics(bodyFont());
    const qreal column = metrics.averageCharWidth() * columnCharacters;
    const int available = viewport()->width();
    const int minimum = 28;
    const int side = std::max(minimum, int((available - column) / 2));
    if (side == m_sideMargin)
        return;
    m_sideMargin = side;
    QTextFrameFormat frame = document()->rootFrame()->frameFormat();
    frame.setLeftMargin(side);
    frame.setRightMargin(side);
    frame.setTopMargin(44 * zoomFactor());
    frame.setBottomMargin(96);
    document()->rootFrame()->setFrameFormat(frame);
}

void ReaderView::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    updateMargins();
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

QString ReaderView::tooltipAt(const QPoint &viewportPos) const
{
    if (!m_article.id)
        return {};
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const int pos = cursor.position();
    // cursorForPosition() rounds to the nearest gap; use the character under
    // the pointer, which lies before the gap when the pointer is left of it.
    const QRect gap = cursorRect(cursor);
    const int charPos = viewportPos.x() < gap.left() ? pos - 1 : pos;
    if (charPos < m_textStart)
        return {};
    const QList<Annotation> hits = annotationsAt(codePointAt(charPos));
    if (hits.isEmpty())
        return {};
    QString html;
    for (const Annotation &a : hits) {
        if (!html.isEmpty())
            html += QStringLiteral("<hr>");
        QStringList codes;
        for (qint64 id : a.codeIds) {
            const Code code = m_codes.value(id);
            codes.append(QStringLiteral("<span style='color:%1'>■</span> <b>%2</b>")
                             .arg(code.colour, (code.name.isEmpty() ? tr("(deleted code)") : code.name)
                                                   .toHtmlEscaped()));
        }
        html += codes.join(QStringLiteral("<br>"));
        html += QStringLiteral("<br><span style='color:#666'>%1</span>")
                    .arg(tr("Coder: %1").arg(a.coderName.toHtmlEscaped()));
        if (!a.note.isEmpty())
            html += QStringLiteral("<br><i>%1</i>").arg(a.note.toHtmlEscaped());
    }
    return QStringLiteral("<qt>%1</qt>").arg(html);
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
