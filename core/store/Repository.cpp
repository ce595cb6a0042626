#include "Repository.h"

#include "SqlDialect.h"

QString Repository::returningId(const QString &insert) const
{
    return m_db.dialect().returningId(insert);
}

QString Repository::idsIn() const
{
    return m_db.dialect().idsIn();
}

QVariant Repository::idList(const QList<qint64> &ids) const
{
    return m_db.dialect().idList(ids);
}
