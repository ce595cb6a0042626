#include "console/QueryHistory.h"

#include <QSettings>

namespace {
const QString kKey = QStringLiteral("console/history");
}

QStringList QueryHistory::entries() const
{
    return QSettings().value(kKey).toStringList();
}

void QueryHistory::add(const QString &sql)
{
    const QString query = sql.trimmed();
    if (query.isEmpty())
        return;
    QStringList list = entries();
    list.removeAll(query);
    list.prepend(query);
    while (list.size() > maximum)
        list.removeLast();
    QSettings().setValue(kKey, list);
}
