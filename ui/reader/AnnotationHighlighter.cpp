#include "reader/AnnotationHighlighter.h"

#include <QPainter>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>

namespace {
// Light pages: the code colour at 62/255 over the paper, as it always was.
constexpr int lightWashAlpha = 62;
// Dark pages absorb colour: a stronger wash keeps it recognisable.
constexpr int darkWashAlpha = 92;

QColor blend(const QColor &under, const QColor &over, int alpha)
{
    const auto mixed = [alpha](int u, int o) { return u + (o - u) * alpha / 255; };
    return QColor(mixed(under.red(), over.red()), mixed(under.green(), over.green()),
                  mixed(under.blue(), over.blue()));
}
} // namespace

AnnotationHighlighter::AnnotationHighlighter(QObject *parent)
    : QObject(parent)
{
}

AnnotationHighlighter::~AnnotationHighlighter() = default;

void AnnotationHighlighter::setEntries(QList<Entry> entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    m_entries = std::move(entries);
    m_maxEnd.resize(m_entries.size());
    int maxEnd = 0;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        maxEnd = std::max(maxEnd, m_entries[i].end);
        m_maxEnd[i] = maxEnd;
    }
    Q_EMIT changed();
}

QList<int> AnnotationHighlighter::entriesIn(int from, int to) const
{
    QList<int> hits;
    // Entries starting before `to`; walk back while some earlier entry may
    // still reach past `from`.
    const auto first = std::lower_bound(m_entries.cbegin(), m_entries.cend(), to,
                                        [](const Entry &e, int pos) { return e.start < pos; });
    for (qsizetype i = (first - m_entries.cbegin()) - 1; i >= 0 && m_maxEnd[i] > from; --i) {
        if (m_entries[i].end > from)
            hits.append(int(i));
    }
    std::reverse(hits.begin(), hits.end());
    return hits;
}

QList<AnnotationHighlighter::Segment> AnnotationHighlighter::segments(int from, int to) const
{
    QList<Segment> result;
    if (m_entries.isEmpty() || from >= to)
        return result;
    const QList<int> hits = entriesIn(from, to);
    if (hits.isEmpty())
        return result;
    QList<int> cuts{from, to};
    cuts.reserve(2 + 2 * hits.size());
    for (int i : hits) {
        cuts.append(std::clamp(m_entries[i].start, from, to));
        cuts.append(std::clamp(m_entries[i].end, from, to));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (qsizetype c = 0; c + 1 < cuts.size(); ++c) {
        Segment segment{cuts[c], cuts[c + 1], {}};
        for (int i : hits) {
            if (m_entries[i].start <= segment.from && m_entries[i].end >= segment.to)
                segment.layers.append(i);
        }
        if (!segment.layers.isEmpty())
            result.append(std::move(segment));
    }
    return result;
}

QTextCharFormat AnnotationHighlighter::formatAt(int position) const
{
    QList<QColor> layers;
    for (int i : entriesIn(position, position + 1))
        layers.append(m_entries[i].colour);
    return formatFor(layers);
}

void AnnotationHighlighter::setBaseColour(const QColor &base)
{
    if (base == m_base)
        return;
    m_base = base;
    m_formatCache.clear();
    Q_EMIT changed();
}

bool AnnotationHighlighter::isDark() const
{
    return m_base.lightnessF() < 0.5;
}

QColor AnnotationHighlighter::washColour(const QColor &code, int depth) const
{
    const int alpha = isDark() ? darkWashAlpha : lightWashAlpha;
    return blend(m_base, code, depth > 1 ? alpha * 3 / 2 : alpha);
}

QColor AnnotationHighlighter::lineColour(const QColor &code) const
{
    if (!isDark())
        return code.darker(115);
    // Lift dark code colours so a thin line still reads on a dark page.
    QColor c = code.toHsl();
    return QColor::fromHslF(c.hslHueF(), std::min(1.0f, c.hslSaturationF() * 0.9f),
                            std::max(0.62f, c.lightnessF()));
}

QTextCharFormat AnnotationHighlighter::formatFor(const QList<QColor> &layers) const
{
    QString key;
    for (const QColor &c : layers)
        key += c.name(QColor::HexArgb);
    const auto cached = m_formatCache.constFind(key);
    if (cached != m_formatCache.cend())
        return *cached;

    QTextCharFormat format;
    format.setProperty(DepthProperty, int(layers.size()));
    if (!layers.isEmpty()) {
        // The code colour at the wash's strength; painted over the page it
        // gives washColour().
        QColor wash = layers[0];
        const int alpha = isDark() ? darkWashAlpha : lightWashAlpha;
        wash.setAlpha(layers.size() > 1 ? alpha * 3 / 2 : alpha);
        format.setBackground(wash);
        QVariantList underlines;
        for (qsizetype i = 1; i < layers.size(); ++i)
            underlines.append(lineColour(layers[i]));
        if (!underlines.isEmpty()) {
            format.setProperty(UnderlineColoursProperty, underlines);
            // Describes the first painted underline for code reading formats.
            format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
            format.setUnderlineColor(underlines.constFirst().value<QColor>());
        }
    }
    m_formatCache.insert(key, format);
    return format;
}

void AnnotationHighlighter::addDecorator(BlockDecorator *decorator)
{
    if (!decorator || m_decorators.contains(decorator))
        return;
    m_decorators.append(decorator);
    Q_EMIT changed();
}

void AnnotationHighlighter::removeDecorator(BlockDecorator *decorator)
{
    if (m_decorators.removeAll(decorator))
        Q_EMIT changed();
}

QList<QTextLayout::FormatRange> AnnotationHighlighter::decorations(const QTextBlock &block) const
{
    QList<QTextLayout::FormatRange> all;
    for (BlockDecorator *decorator : m_decorators) {
        QList<QTextLayout::FormatRange> ranges = decorator->decorate(block);
        for (QTextLayout::FormatRange &range : ranges) {
            // The wash belongs to the annotations; a decorator's background
            // would hide it.
            range.format.clearBackground();
            all.append(std::move(range));
        }
    }
    return all;
}

template<typename Fn>
void AnnotationHighlighter::forEachRect(const QTextBlock &block, const QPointF &offset, Fn &&fn) const
{
    const QTextLayout *layout = block.layout();
    if (!layout || layout->lineCount() == 0 || m_entries.isEmpty())
        return;
    const int blockStart = block.position();
    const QList<Segment> runs = segments(blockStart, blockStart + block.length() - 1);
    if (runs.isEmpty())
        return;
    const QPointF origin = offset + layout->position();
    for (int l = 0; l < layout->lineCount(); ++l) {
        const QTextLine line = layout->lineAt(l);
        const int lineStart = line.textStart();
        const int lineEnd = lineStart + line.textLength();
        for (const Segment &run : runs) {
            const int a = std::max(run.from - blockStart, lineStart);
            const int b = std::min(run.to - blockStart, lineEnd);
            if (a >= b)
                continue;
            const qreal x1 = line.cursorToX(a);
            const qreal x2 = line.cursorToX(b);
            const QRectF rect(origin.x() + std::min(x1, x2), origin.y() + line.y(), std::abs(x2 - x1),
                              line.height());
            fn(rect, line, run);
        }
    }
}

void AnnotationHighlighter::paintWashes(QPainter &painter, const QTextBlock &block, const QPointF &offset) const
{
    forEachRect(block, offset, [&](const QRectF &rect, const QTextLine &, const Segment &run) {
        painter.fillRect(rect, washColour(m_entries[run.layers.constFirst()].colour, int(run.layers.size())));
    });
}

void AnnotationHighlighter::paintUnderlines(QPainter &painter, const QTextBlock &block,
                                            const QPointF &offset) const
{
    forEachRect(block, offset, [&](const QRectF &rect, const QTextLine &line, const Segment &run) {
        // Below the descent, in the room the 150 % line height leaves, so
        // the lines neither touch the glyphs nor a lens's own underline.
        const qreal base = rect.top() + line.ascent() + line.descent() + 1.5;
        for (qsizetype k = 1; k < run.layers.size() && k <= 4; ++k) {
            const qreal y = base + (k - 1) * underlineGap;
            painter.fillRect(QRectF(rect.left(), y, rect.width(), 1.6),
                             lineColour(m_entries[run.layers[k]].colour));
        }
    });
}
