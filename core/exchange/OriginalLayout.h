#pragma once

#include <QList>
#include <QString>

// How a corpus file's text differs from the text the store keeps: a
// leading BOM (counted as character 0 by the corpus, dropped by the store),
// CRLF line ends (two characters there, LF here) and lone CRs (made LF).
// Offsets on both sides are Unicode code points. Converts offsets both ways
// and gives back the original text exactly.
class OriginalLayout
{
public:
    OriginalLayout() = default;

    // Splits a decoded file into the text to store and its layout.
    static OriginalLayout fromOriginal(const QString &original, QString *stored);

    bool hasByteOrderMark() const { return m_bom; }
    bool isIdentity() const { return !m_bom && m_crlf.isEmpty() && m_cr.isEmpty(); }
    int crlfCount() const { return int(m_crlf.size()); }

    // Original offset -> stored offset. An offset on a dropped character
    // (the BOM, the CR of a CRLF) moves to the stored character after it.
    qint64 toStored(qint64 original) const;
    // Stored offset -> original offset; a stored LF that was CRLF maps to
    // its CR, so a span ending before a line break ends before the CR.
    qint64 toOriginal(qint64 stored) const;
    // The original text from the stored one.
    QString original(const QString &stored) const;

    QString toJson() const;
    // Throws ProjectError on a layout that is not ours.
    static OriginalLayout fromJson(const QString &json);

private:
    bool m_bom = false;
    QList<qint64> m_crlf; // stored code point of each LF that was CRLF, ascending
    QList<qint64> m_cr; // stored code point of each LF that was a lone CR
};
