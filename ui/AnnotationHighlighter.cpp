#include "AnnotationHighlighter.h"

#include <QHash>
#include <QTextDocument>

#include <algorithm>

namespace {
// Past this many changed spans one full pass is cheaper than many small ones.
constexpr qsizetype incrementalLimit = 200;

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

QColor mix(const QColor &a, const QColor &b)
{
    return QColor((a.red() + b.red()) / 2, (a.green() + b.green()) / 2, (a.blue() + b.blue()) / 2);
}
} // namespace

AnnotationHighlighter::AnnotationHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void AnnotationHighlighter::resetEntries(QList<Entry> entries)
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
}

void AnnotationHighlighter::setEntries(QList<Entry> entries)
{
    QHash<qint64, Entry> before;
    for (const Entry &e : std::as_const(m_entries))
        before.insert(e.id, e);
    QList<std::pair<int, int>> changed;
    for (const Entry &e : std::as_const(entries)) {
        const auto it = before.constFind(e.id);
        if (it == before.cend() || !(*it == e)) {
            changed.append({e.start, e.end});
            if (it != before.cend())
                changed.append({it->start, it->end});
        }
        before.remove(e.id);
    }
    for (const Entry &gone : std::as_const(before))
        changed.append({gone.start, gone.end});

    resetEntries(std::move(entries));
    if (changed.size() > incrementalLimit) {
        rehighlight();
        return;
    }
    for (const auto &[from, to] : std::as_const(changed))
        rehighlightRange(from, to);
}

void AnnotationHighlighter::rehighlightRange(int from, int to)
{
    QTextDocument *doc = document();
    if (!doc)
        return;
    for (QTextBlock block = doc->findBlock(from); block.isValid() && block.position() < to;
         block = block.next())
        rehighlightBlock(block);
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

QTextCharFormat AnnotationHighlighter::formatFor(const QList<QColor> &layers)
{
    QTextCharFormat format;
    format.setProperty(DepthProperty, int(layers.size()));
    if (layers.isEmpty())
        return format;
    if (layers.size() == 1) {
        format.setBackground(withAlpha(layers[0], 62));
        return format;
    }
    format.setBackground(withAlpha(mix(layers[0], layers[1]), 112));
    format.setUnderlineStyle(layers.size() == 2 ? QTextCharFormat::SingleUnderline
                                                : QTextCharFormat::WaveUnderline);
    format.setUnderlineColor(layers[layers.size() == 2 ? 1 : 2].darker(115));
    return format;
}

void AnnotationHighlighter::highlightBlock(const QString &text)
{
    if (m_entries.isEmpty())
        return;
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + int(text.size());
    const QList<int> hits = entriesIn(blockStart, blockEnd);
    if (hits.isEmpty())
        return;

    QList<int> cuts{blockStart, blockEnd};
    for (int i : hits) {
        cuts.append(std::clamp(m_entries[i].start, blockStart, blockEnd));
        cuts.append(std::clamp(m_entries[i].end, blockStart, blockEnd));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    QList<QColor> layers;
    for (qsizetype c = 0; c + 1 < cuts.size(); ++c) {
        const int from = cuts[c];
        const int to = cuts[c + 1];
        layers.clear();
        for (int i : hits) {
            if (m_entries[i].start <= from && m_entries[i].end >= to)
                layers.append(m_entries[i].colour);
        }
        if (!layers.isEmpty())
            setFormat(from - blockStart, to - from, formatFor(layers));
    }
}
