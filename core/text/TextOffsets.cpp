#include "TextOffsets.h"

#include <algorithm>

TextOffsets::TextOffsets(const QString &text)
    : m_utf16Length(text.size())
{
    const QChar *data = text.constData();
    for (qsizetype i = 0; i + 1 < m_utf16Length; ++i) {
        if (data[i].isHighSurrogate() && data[i + 1].isLowSurrogate()) {
            m_surrogatePairs.append(i);
            ++i;
        }
    }
}

qsizetype TextOffsets::toUtf16(qint64 codePoint) const
{
    if (codePoint <= 0)
        return 0;
    if (codePoint >= codePointCount())
        return m_utf16Length;
    // Pair k starts at UTF-16 index p_k, i.e. at code point p_k - k. Every
    // pair that starts before the target code point adds one UTF-16 unit.
    qsizetype lo = 0, hi = m_surrogatePairs.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_surrogatePairs[mid] - mid < codePoint)
            lo = mid + 1;
        else
            hi = mid;
    }
    return qsizetype(codePoint) + lo;
}

qint64 TextOffsets::toCodePoint(qsizetype utf16) const
{
    if (utf16 <= 0)
        return 0;
    if (utf16 >= m_utf16Length)
        return codePointCount();
    // Pairs starting strictly before utf16 each took two units; a pair that
    // starts at utf16 - 1 means the index is inside that pair.
    const auto it = std::lower_bound(m_surrogatePairs.cbegin(), m_surrogatePairs.cend(), utf16);
    qsizetype before = it - m_surrogatePairs.cbegin();
    if (before > 0 && m_surrogatePairs[before - 1] == utf16 - 1)
        return utf16 - 1 - (before - 1);
    return utf16 - before;
}

qint64 TextOffsets::codePointLength(const QString &text)
{
    qint64 n = 0;
    const QChar *data = text.constData();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i].isHighSurrogate() && i + 1 < size && data[i + 1].isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}
