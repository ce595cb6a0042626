#include "reader/GoldOverlay.h"

#include "reader/GoldLegend.h"
#include "reader/ReaderView.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

GoldOverlay::GoldOverlay(ReaderView *reader)
    : QWidget(reader)
    , m_reader(reader)
    , m_legend(new GoldLegend(reader))
{
    setObjectName(QStringLiteral("goldOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    hide();
    m_legend->hide();
    reader->installEventFilter(this);
    reader->viewport()->installEventFilter(this);
    // A sibling above the viewport: scrolling moves the text, not this.
    connect(reader->verticalScrollBar(), &QScrollBar::valueChanged, this,
            qOverload<>(&QWidget::update));
}

GoldOverlay::~GoldOverlay()
{
    // No setActive(false) here: this may run while the reader itself is
    // being destroyed. Whoever turns the overlay off while the reader lives
    // does it (GoldComparisonWindow).
    delete m_legend;
}

GoldLegend *GoldOverlay::legend() const
{
    return m_legend;
}

void GoldOverlay::setComparison(const QString &gold, const QString &student,
                                const QList<GoldComparison::Span> &spans,
                                const QHash<qint64, QString> &codeNames)
{
    m_byArticle.clear();
    for (const GoldComparison::Span &s : spans)
        m_byArticle[s.articleId].append(s);
    m_codeNames = codeNames;
    m_legend->setCoders(gold, student);
    place();
    update();
}

void GoldOverlay::setActive(bool active, const QStringList &coders)
{
    if (!m_reader)
        return;
    if (active) {
        for (const QString &c : coders)
            if (m_coders.isShown && m_coders.isShown(c)) {
                m_coders.setShown(c, false);
                m_hidden.append(c);
            }
    } else {
        for (const QString &c : std::as_const(m_hidden))
            if (m_coders.setShown)
                m_coders.setShown(c, true);
        m_hidden.clear();
        m_painted.clear();
    }
    m_active = active;
    setVisible(active);
    m_legend->setVisible(active);
    place();
    m_reader->viewport()->update();
    update();
}

QList<GoldComparison::Span> GoldOverlay::spansShown() const
{
    return m_reader ? m_byArticle.value(m_reader->articleId()) : QList<GoldComparison::Span>();
}

void GoldOverlay::place()
{
    if (!m_reader)
        return;
    const QRect vp = m_reader->viewport()->geometry();
    setGeometry(vp);
    m_legend->resize(m_legend->sizeHint());
    // Bottom right: the text scrolls from under it, and the document's
    // bottom margin lets the last line clear it (the title could not).
    m_legend->move(std::max(vp.left(), vp.right() - m_legend->width() - 8),
                   std::max(vp.top(), vp.bottom() - m_legend->height() - 8));
    raise();
    m_legend->raise();
}

QColor GoldOverlay::colour(Verdict verdict, bool dark)
{
    switch (verdict) {
    case Verdict::Hit:
        return dark ? QColor(0x5f, 0xd0, 0x7a) : QColor(0x1f, 0x8a, 0x3b);
    case Verdict::Miss:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Verdict::FalseAlarm:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xd9, 0x7a, 0x00);
    }
    return {};
}

void GoldOverlay::paintMark(QPainter &p, const QRectF &rect, Verdict verdict, bool dark)
{
    const QColor c = colour(verdict, dark);
    QColor fill = c;
    p.save();
    switch (verdict) {
    case Verdict::Hit:
        // A wash and a solid underline: "you found this".
        fill.setAlpha(dark ? 90 : 60);
        p.fillRect(rect, fill);
        p.fillRect(QRectF(rect.left(), rect.bottom() + 1, rect.width(), 2), c);
        break;
    case Verdict::Miss: {
        // A dashed frame around text left bare: "this was to be marked".
        QPen pen(c, 1.6);
        pen.setDashPattern({3, 2});
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect.adjusted(-1, -1, 1, 2));
        break;
    }
    case Verdict::FalseAlarm: {
        // A faint wash and a wavy underline, as for a slip: "not this".
        fill.setAlpha(dark ? 45 : 30);
        p.fillRect(rect, fill);
        QPainterPath wave;
        const qreal y = rect.bottom() + 2.5, amplitude = 1.6, step = 3;
        wave.moveTo(rect.left(), y);
        int k = 0;
        for (qreal x = rect.left() + step; x <= rect.right() + step / 2; x += step, ++k)
            wave.lineTo(std::min(x, rect.right()), y + ((k % 2) ? -amplitude : amplitude));
        p.setPen(QPen(c, 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawPath(wave);
        break;
    }
    }
    p.restore();
}

void GoldOverlay::paintEvent(QPaintEvent *)
{
    m_painted.clear();
    if (!m_active || !m_reader || !m_reader->articleId())
        return;
    const QList<GoldComparison::Span> spans = spansShown();
    int counts[3] = {0, 0, 0};
    for (const GoldComparison::Span &s : spans)
        ++counts[int(s.verdict)];
    m_legend->setCounts(counts[int(Verdict::Hit)], counts[int(Verdict::Miss)],
                        counts[int(Verdict::FalseAlarm)]);

    QTextDocument *doc = m_reader->document();
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    const int scroll = m_reader->verticalScrollBar()->value();
    const QPointF offset(-m_reader->horizontalScrollBar()->value(), -scroll);
    const int top = layout->hitTest(QPointF(ReaderView::gutterWidth + 1, scroll), Qt::FuzzyHit);
    const int bottom
        = layout->hitTest(QPointF(ReaderView::gutterWidth + 1, scroll + height()), Qt::FuzzyHit);
    const bool dark = m_reader->isDarkTheme();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // Washes first, frames last, so a frame is never painted over.
    for (Verdict pass : {Verdict::Hit, Verdict::FalseAlarm, Verdict::Miss}) {
        for (const GoldComparison::Span &s : spans) {
            if (s.verdict != pass)
                continue;
            const int from = m_reader->documentPosition(s.start);
            const int to = m_reader->documentPosition(s.end);
            if (to < top || (bottom >= 0 && from > bottom))
                continue;
            for (QTextBlock b = doc->findBlock(from); b.isValid() && b.position() < to;
                 b = b.next()) {
                const QTextLayout *tl = b.layout();
                if (!tl || tl->lineCount() == 0)
                    break; // not laid out: below the view
                const QPointF origin = offset + tl->position();
                for (int l = 0; l < tl->lineCount(); ++l) {
                    const QTextLine line = tl->lineAt(l);
                    const int a = std::max(from - b.position(), line.textStart());
                    const int e = std::min(to - b.position(), line.textStart() + line.textLength());
                    if (a >= e)
                        continue;
                    const qreal x1 = line.cursorToX(a), x2 = line.cursorToX(e);
                    const QRectF rect(origin.x() + std::min(x1, x2), origin.y() + line.y(),
                                      std::abs(x2 - x1), line.ascent() + line.descent());
                    if (!rect.intersects(QRectF(this->rect())))
                        continue;
                    paintMark(painter, rect, s.verdict, dark);
                    m_painted.append({rect, s.verdict, s.codeId});
                }
            }
        }
    }
}

QString GoldOverlay::tooltipAt(const QPoint &pos) const
{
    QStringList lines;
    for (const Mark &m : m_painted) {
        if (!m.rect.adjusted(-1, -1, 1, 3).contains(pos))
            continue;
        const QString code = m_codeNames.value(m.codeId).toHtmlEscaped();
        switch (m.verdict) {
        case Verdict::Hit:
            lines.append(tr("<b>Hit</b>: %1").arg(code));
            break;
        case Verdict::Miss:
            lines.append(tr("<b>Miss</b>: %1 in the gold standard, not marked").arg(code));
            break;
        case Verdict::FalseAlarm:
            lines.append(tr("<b>False alarm</b>: %1, not in the gold standard").arg(code));
            break;
        }
    }
    lines.removeDuplicates();
    return lines.join(QStringLiteral("<br>"));
}

bool GoldOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_reader)
        return false;
    if (event->type() == QEvent::Resize || event->type() == QEvent::Move
        || event->type() == QEvent::Show)
        place();
    if (m_active && watched == m_reader->viewport() && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = tooltipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_reader->viewport());
        return true;
    }
    return false;
}
