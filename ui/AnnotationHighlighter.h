#pragma once

#include <QColor>
#include <QList>
#include <QSyntaxHighlighter>

// Paints annotations behind the reader's text. One annotation gets a
// translucent wash of its first code's colour; where annotations overlap the
// wash is stronger and mixed, and an underline in the next annotation's
// colour (wavy from three deep) keeps the layers telling apart.
//
// Entries are kept sorted by start with a running maximum of ends, so each
// block finds its annotations by binary search: thousands of annotations on
// a long article cost O(log n + k) per block.
class AnnotationHighlighter final : public QSyntaxHighlighter
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

    // Stored in each format: how many annotations cover the text.
    static constexpr int DepthProperty = QTextFormat::UserProperty + 1;

    explicit AnnotationHighlighter(QTextDocument *document);

    // Replaces the entries and repaints only the blocks whose annotations
    // changed.
    void setEntries(QList<Entry> entries);
    // Replaces the entries without repainting; for use before the document
    // text is (re)inserted, which highlights every block anyway.
    void resetEntries(QList<Entry> entries);
    const QList<Entry> &entries() const { return m_entries; }

    // Indexes into entries() of those covering [from, to), in start order.
    QList<int> entriesIn(int from, int to) const;

    static QTextCharFormat formatFor(const QList<QColor> &layers);

protected:
    void highlightBlock(const QString &text) override;

private:
    void rehighlightRange(int from, int to);

    QList<Entry> m_entries;
    QList<int> m_maxEnd; // m_maxEnd[i] = max end of entries 0..i
};
