#include "CoderTable.h"

#include "SqlQuery.h"

CoderTable::CoderTable(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<Coder> CoderTable::list() const
{
    SqlQuery q(m_db, QStringLiteral("SELECT id, name FROM coders ORDER BY name"));
    q.exec();
    QList<Coder> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString()});
    return list;
}

qint64 CoderTable::ensure(const QString &name, const QString &time)
{
    SqlQuery(
        m_db,
        QStringLiteral("INSERT INTO coders(name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"))
        .bind(name)
        .bind(time)
        .exec();
    SqlQuery q(m_db, QStringLiteral("SELECT id FROM coders WHERE name = ?"));
    q.bind(name).exec();
    q.next();
    return q.value(0).toLongLong();
}
