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

QString SqlDialect::joinedIds(const QList<qint64> &ids, char open, char close)
{
    QByteArray text(1, open);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            text += ',';
        text += QByteArray::number(ids[i]);
    }
    return QString::fromLatin1(text + close);
}
