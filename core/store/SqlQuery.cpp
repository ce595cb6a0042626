#include "SqlQuery.h"

#include "base/ProjectError.h"

#include <QSqlError>
#include <QTimeZone>

namespace {
[[noreturn]] void fail(const QSqlError &error, const QString &sql)
{
    throw ProjectError(QStringLiteral("database error: %1 (in: %2)")
                           .arg(error.text(), sql.simplified().left(200)));
}
} // namespace

SqlQuery::SqlQuery(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        fail(m_query.lastError(), sql);
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    // A null QString would bind as SQL NULL; text columns want ''.
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        m_query.bindValue(m_bound++, QString(QLatin1String("")));
    else
        m_query.bindValue(m_bound++, value);
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    m_bound = 0;
    if (!m_query.exec())
        fail(m_query.lastError(), m_sql);
    return *this;
}

qint64 SqlQuery::returnedId()
{
    if (!m_query.next())
        throw ProjectError(QStringLiteral("database error: no id returned (in: %1)").arg(m_sql.simplified().left(200)));
    return m_query.value(0).toLongLong();
}

void SqlQuery::run(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        fail(q.lastError(), sql);
}

QVariant SqlQuery::scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        fail(q.lastError(), sql);
    return q.next() ? q.value(0) : QVariant();
}

QString SqlQuery::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime SqlQuery::parseTime(const QVariant &value)
{
    // Thousands of rows per query: parse our own fixed format by hand
    // ("2026-11-27T03:23:11.123Z"), fall back to Qt for anything else.
    const QString s = value.toString();
    const auto digits = [&](int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = s.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    if (s.size() == 24 && s.at(10) == QLatin1Char('T') && s.at(23) == QLatin1Char('Z')) {
        const int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
        const int h = digits(11, 2), mi = digits(14, 2), sec = digits(17, 2), ms = digits(20, 3);
        if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && sec >= 0 && ms >= 0)
            return QDateTime(QDate(y, mo, d), QTime(h, mi, sec, ms), QTimeZone::UTC);
    }
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

QVariant SqlQuery::nullIfZero(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}
