#pragma once

#include "reader/BlockDecorator.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTextCharFormat>

class QPainter;

// Paints annotations behind the reader's text, only for the blocks being
// painted: nothing is written into the document, so opening an article with
// thousands of annotations costs no formatting or re-layout at all.
//
// The outermost annotation gets a wash of its first code's colour; every
// further (nested or overlapping) layer adds an underline in its own
// colour, stacked downwards by depth, so layers stay readable.
//
// Entries are kept sorted by start with a running maximum of ends, so a
// block finds its annotations by binary search: O(log n + k) per block.
//
// Colours are derived from the code colours for the reader's base colour:
// on a dark page the wash is stronger and the underlines lighter, so both
// stay visible on light and dark themes.
class AnnotationHighlighter final : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        qint64 id = 0;
        int start = 0; // document positions (UTF-16), end exclusive
        int end = 0;
        QColor colour;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    // A run of text covered by the same annotations.
    struct Segment
    {
        int from = 0;
        int to = 0;
        QList<int> layers; // indexes into entries(), outermost first
    };

    // Stored in each format: how many annotations cover the text.
    static constexpr int DepthProperty = QTextFormat::UserProperty + 1;
    // The stacked underline colours (layers 2..n), as a QVariantList.
    static constexpr int UnderlineColoursProperty = QTextFormat::UserProperty + 2;

    explicit AnnotationHighlighter(QObject *parent = nullptr);
    ~AnnotationHighlighter() override;

    void setEntries(QList<Entry> entries);
    // Same as setEntries(); kept for callers that replace all at once.
    void resetEntries(QList<Entry> entries) { setEntries(std::move(entries)); }
    const QList<Entry> &entries() const { return m_entries; }

    // Indexes into entries() of those covering [from, to), in start order.
    QList<int> entriesIn(int from, int to) const;
    // [from, to) cut into runs of equal coverage; runs without any
    // annotation are left out.
    QList<Segment> segments(int from, int to) const;
    // The format describing the annotations at a document position.
    QTextCharFormat formatAt(int position) const;

    // The page colour the washes are blended against.
    void setBaseColour(const QColor &base);
    QColor baseColour() const { return m_base; }
    bool isDark() const;
    // The opaque colour a wash of `code` has on the page; where other
    // annotations nest inside (depth > 1) it is a little stronger.
    QColor washColour(const QColor &code, int depth = 1) const;
    // The colour of an underline or margin bar for `code`.
    QColor lineColour(const QColor &code) const;
    // Cached per colour set: many segments share few formats.
    QTextCharFormat formatFor(const QList<QColor> &layers) const;

    void addDecorator(BlockDecorator *decorator);
    void removeDecorator(BlockDecorator *decorator);
    const QList<BlockDecorator *> &decorators() const { return m_decorators; }
    // All decorators' formats for the block, in block coordinates.
    QList<QTextLayout::FormatRange> decorations(const QTextBlock &block) const;

    // Paint one laid-out block. `offset` maps document to painter
    // coordinates. Washes go under the text, underlines over it.
    void paintWashes(QPainter &painter, const QTextBlock &block, const QPointF &offset) const;
    void paintUnderlines(QPainter &painter, const QTextBlock &block, const QPointF &offset) const;

    static constexpr qreal underlineGap = 3.0;

Q_SIGNALS:
    // Entries, colours or decorators changed: repaint.
    void changed();

private:
    template<typename Fn>
    void forEachRect(const QTextBlock &block, const QPointF &offset, Fn &&fn) const;

    QList<Entry> m_entries;
    QList<int> m_maxEnd; // m_maxEnd[i] = max end of entries 0..i
    QColor m_base{0xfc, 0xfb, 0xf8};
    QList<BlockDecorator *> m_decorators;
    mutable QHash<QString, QTextCharFormat> m_formatCache;
};
