#pragma once

#include <QList>
#include <QString>

// Converts between Unicode code point offsets (what the store and exports
// use) and UTF-16 indexes (what QString and QTextDocument use) for one text.
// Built once per text; conversions are O(log n) in the number of
// supplementary-plane characters, O(1) for texts without any.
class TextOffsets
{
public:
    explicit TextOffsets(const QString &text);

    qsizetype codePointCount() const { return m_utf16Length - m_surrogatePairs.size(); }
    qsizetype utf16Length() const { return m_utf16Length; }

    // Code point offset -> UTF-16 index. Offsets past the end clamp to it.
    qsizetype toUtf16(qint64 codePoint) const;
    // UTF-16 index -> code point offset. An index inside a surrogate pair
    // counts as the start of that character.
    qint64 toCodePoint(qsizetype utf16) const;

    // Code point count of any string, without building a table.
    static qint64 codePointLength(const QString &text);

private:
    qsizetype m_utf16Length = 0;
    QList<qsizetype> m_surrogatePairs; // UTF-16 index of each high surrogate, ascending
};
