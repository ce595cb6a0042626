#include "SqlDialect.h"

QString SqlDialect::savepoint(const QString &name) const
{
    return QStringLiteral("SAVEPOINT ") + name;
}

QString SqlDialect::releaseSavepoint(const QString &name) const
{
    return QStringLiteral("RELEASE SAVEPOINT ") + name;
}

QString SqlDialect::rollbackToSavepoint(const QString &name) const
{
    return QStringLiteral("ROLLBACK TO SAVEPOINT ") + name;
}

QString SqlDialect::returningId(const QString &insert) const
{
    return insert + QStringLiteral(" RETURNING id");
}
