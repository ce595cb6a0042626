#include "SqlQuery.h"

#include "ProjectError.h"

#include <QSqlError>

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
