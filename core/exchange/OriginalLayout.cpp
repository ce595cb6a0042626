#include "OriginalLayout.h"

#include "base/ProjectError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

OriginalLayout OriginalLayout::fromOriginal(const QString &original, QString *stored)
{
    OriginalLayout layout;
    qsizetype i = 0;
    if (original.startsWith(QChar(0xFEFF))) {
        layout.m_bom = true;
        i = 1;
    }
    QString out;
    out.reserve(original.size());
    const QChar *p = original.constData();
    const qsizetype n = original.size();
    qint64 codePoint = 0;
    for (; i < n; ++i) {
        const QChar c = p[i];
        if (c == QLatin1Char('\r')) {
            if (i + 1 < n && p[i + 1] == QLatin1Char('\n'))
                layout.m_crlf.append(codePoint);
            else {
                layout.m_cr.append(codePoint);
                out += QLatin1Char('\n');
                ++codePoint;
            }
            continue;
        }
        out += c;
        if (!(c.isLowSurrogate() && i > 0 && p[i - 1].isHighSurrogate()))
            ++codePoint;
    }
    *stored = out;
    return layout;
}

qint64 OriginalLayout::toStored(qint64 original) const
{
    qint64 o = original - (m_bom ? 1 : 0);
    if (o <= 0)
        return 0;
    // The k-th dropped CR sits at original (minus BOM) m_crlf[k] + k; count
    // those before o.
    qsizetype lo = 0, hi = m_crlf.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_crlf[mid] + mid < o)
            lo = mid + 1;
        else
            hi = mid;
    }
    return o - lo;
}

qint64 OriginalLayout::toOriginal(qint64 stored) const
{
    const qsizetype before
        = std::lower_bound(m_crlf.cbegin(), m_crlf.cend(), stored) - m_crlf.cbegin();
    return stored + before + (m_bom ? 1 : 0);
}

QString OriginalLayout::original(const QString &stored) const
{
    if (isIdentity())
        return stored;
    QString out;
    out.reserve(stored.size() + m_crlf.size() + 1);
    if (m_bom)
        out += QChar(0xFEFF);
    qsizetype nextCrlf = 0, nextCr = 0;
    qint64 codePoint = 0;
    const QChar *p = stored.constData();
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const QChar c = p[i];
        const bool trailing = c.isLowSurrogate() && i > 0 && p[i - 1].isHighSurrogate();
        if (!trailing) {
            if (nextCrlf < m_crlf.size() && m_crlf[nextCrlf] == codePoint) {
                out += QLatin1Char('\r');
                ++nextCrlf;
            }
            if (nextCr < m_cr.size() && m_cr[nextCr] == codePoint) {
                out += QLatin1Char('\r');
                ++nextCr;
                ++codePoint;
                continue;
            }
            ++codePoint;
        }
        out += c;
    }
    return out;
}

QString OriginalLayout::toJson() const
{
    QJsonObject o;
    if (m_bom)
        o.insert(QStringLiteral("bom"), true);
    const auto list = [](const QList<qint64> &values) {
        QJsonArray a;
        for (qint64 v : values)
            a.append(v);
        return a;
    };
    if (!m_crlf.isEmpty())
        o.insert(QStringLiteral("crlf"), list(m_crlf));
    if (!m_cr.isEmpty())
        o.insert(QStringLiteral("cr"), list(m_cr));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

OriginalLayout OriginalLayout::fromJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!doc.isObject())
        throw ProjectError(
            QStringLiteral("a stored offset map is damaged: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    OriginalLayout layout;
    layout.m_bom = o.value(QLatin1String("bom")).toBool();
    for (const QJsonValue v : o.value(QLatin1String("crlf")).toArray())
        layout.m_crlf.append(v.toInteger());
    for (const QJsonValue v : o.value(QLatin1String("cr")).toArray())
        layout.m_cr.append(v.toInteger());
    return layout;
}
