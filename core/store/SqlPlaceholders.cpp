#include "SqlPlaceholders.h"

#include "base/ProjectError.h"

namespace {
// Calls found(i, at) for each placeholder and returns how many there were.
template<typename Found> int scan(const QString &sql, QString &out, Found &&found)
{
    int next = 0;
    QChar quote;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            out += c;
            if (c == quote)
                quote = QChar(); // a doubled quote opens again at once
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
        } else if (c == QLatin1Char('-') && sql.mid(i, 2) == QLatin1String("--")) {
            const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
            out += sql.mid(i, end < 0 ? -1 : end - i);
            i = end < 0 ? sql.size() : end - 1;
        } else if (c == QLatin1Char('?')) {
            out += found(next++);
        } else {
            out += c;
        }
    }
    return next;
}
} // namespace

QString SqlPlaceholders::replace(const QString &sql, int count,
                                 const std::function<QString(int)> &value)
{
    QString out;
    out.reserve(sql.size() + 16 * count);
    const int found = scan(sql, out, [&](int i) {
        if (i >= count)
            throw ProjectError(QStringLiteral("database error: more placeholders than values "
                                              "(in: %1)")
                                   .arg(sql.simplified().left(200)));
        return value(i);
    });
    if (found != count)
        throw ProjectError(QStringLiteral("database error: %1 values for %2 placeholders (in: %3)")
                               .arg(count)
                               .arg(found)
                               .arg(sql.simplified().left(200)));
    return out;
}

QString SqlPlaceholders::numbered(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 16);
    scan(sql, out, [](int i) { return QLatin1Char('$') + QString::number(i + 1); });
    return out;
}
