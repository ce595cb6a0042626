#include "DeferredStatements.h"

#include <QSqlDriver>
#include <QStringList>
#include <QVariant>

namespace {
// Kept on the driver object, which lives exactly as long as its connection
// (one thread uses a connection at a time). Its properties are the only
// part of it we change, so dropping const here changes nothing of the driver.
constexpr char kHeld[] = "framewise_held_statements";

QSqlDriver *writable(const QSqlDriver *connection)
{
    return const_cast<QSqlDriver *>(connection);
}
} // namespace

void DeferredStatements::hold(const QSqlDriver *connection, const QString &statement)
{
    QStringList held = connection->property(kHeld).toStringList();
    held << statement;
    writable(connection)->setProperty(kHeld, held);
}

QString DeferredStatements::take(const QSqlDriver *connection)
{
    if (!connection)
        return {};
    const QVariant held = connection->property(kHeld);
    if (!held.isValid())
        return {};
    writable(connection)->setProperty(kHeld, QVariant());
    return held.toStringList().join(QStringLiteral("; "));
}
