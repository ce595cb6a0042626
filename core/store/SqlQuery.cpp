#include "SqlQuery.h"

#include "DeferredStatements.h"
#include "ServerStatements.h"
#include "SqlPlaceholders.h"
#include "base/ProjectError.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QTimeZone>

namespace {
[[noreturn]] void fail(const QSqlError &error, const QString &sql)
{
    throw ProjectError(QStringLiteral("database error: %1 (in: %2)")
                           .arg(error.text(), sql.simplified().left(200)));
}

// On PostgreSQL Qt's prepared statement costs three round trips to the
// server (PREPARE, EXECUTE, DEALLOCATE): there the values are written into
// the statement instead, one round trip, and a statement that runs again is
// kept prepared on the server (ServerStatements).
bool writesValuesIn(const QSqlQuery &query)
{
    return query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL;
}

// A value as the driver writes it for a prepared statement's EXECUTE,
// quoted when it is a bare number or truth value: a quoted literal takes
// its type from where it stands, as a parameter does ('5' is text beside
// a text column, a number beside a number).
QString literal(const QSqlDriver *driver, const QVariant &value)
{
    QSqlField field;
    field.setMetaType(value.metaType());
    if (value.isNull())
        field.clear();
    else
        field.setValue(value);
    const QString text = driver->formatValue(field);
    if (value.isNull() || text.startsWith(QLatin1Char('\'')) || text.contains(QLatin1Char('\'')))
        return text;
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// The statement with each ? replaced by its value. One without values runs
// as it is (a migration's function body may hold anything).
QString withValues(const QSqlDriver *driver, const QString &sql, const QVariantList &values)
{
    if (values.isEmpty())
        return sql;
    return SqlPlaceholders::replace(sql, int(values.size()),
                                    [&](int i) { return literal(driver, values[i]); });
}

// Several statements in one round trip (a simple query). Qt's exec tells
// only how the first one went: every result is looked at, and the first
// that failed is the error (the server ran none after it, COMMIT included).
void execAll(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(false); // Qt then takes every result off the wire
    if (!query.exec(sql))
        fail(query.lastError(), sql);
    while (query.nextResult()) { }
    if (query.lastError().isValid())
        fail(query.lastError(), sql);
    query.setForwardOnly(true);
}

// The writes held back on the connection go first, in their own round trip.
void sendHeld(QSqlQuery &query)
{
    const QString held = DeferredStatements::take(query.driver());
    if (!held.isEmpty())
        execAll(query, held);
}

// EXECUTE of a statement the server prepared, with the values in.
QString executing(const QSqlDriver *driver, const QString &name, const QVariantList &values)
{
    if (values.isEmpty())
        return QStringLiteral("EXECUTE ") + name;
    QStringList literals;
    literals.reserve(values.size());
    for (const QVariant &value : values)
        literals << literal(driver, value);
    return QStringLiteral("EXECUTE %1(%2)").arg(name, literals.join(QLatin1Char(',')));
}
} // namespace

SqlQuery::SqlQuery(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (writesValuesIn(m_query))
        return;
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

QString SqlQuery::withBoundValues()
{
    // The values were bound to the unprepared query: take them out.
    QVariantList values = m_query.boundValues();
    values.resize(m_bound);
    m_bound = 0;
    const QString name = ServerStatements::nameFor(m_query, m_sql);
    return name.isEmpty() ? withValues(m_query.driver(), m_sql, values)
                          : executing(m_query.driver(), name, values);
}

SqlQuery &SqlQuery::exec()
{
    if (writesValuesIn(m_query)) {
        // (The values first: running anything on the query forgets them.)
        const QString statement = withBoundValues();
        sendHeld(m_query);
        if (!m_query.exec(statement))
            fail(m_query.lastError(), m_sql);
        return *this;
    }
    m_bound = 0;
    if (!m_query.exec())
        fail(m_query.lastError(), m_sql);
    return *this;
}

SqlQuery &SqlQuery::execAhead()
{
    if (!writesValuesIn(m_query))
        return exec();
    if (!m_query.exec(withBoundValues()))
        fail(m_query.lastError(), m_sql);
    return *this;
}

SqlQuery &SqlQuery::execDeferred()
{
    if (!writesValuesIn(m_query))
        return exec();
    DeferredStatements::hold(m_query.driver(), withBoundValues());
    return *this;
}

void SqlQuery::runAll(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    sendHeld(q);
    execAll(q, sql);
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
    sendHeld(q);
    if (!q.exec(sql))
        fail(q.lastError(), sql);
}

QVariant SqlQuery::scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    sendHeld(q);
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
