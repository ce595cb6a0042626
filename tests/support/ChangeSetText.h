#pragma once

#include "store/ChangeSet.h"

#include <QList>
#include <QStringList>

#include <algorithm>

// A change set as readable text with every set sorted, so QCOMPARE of two
// shows where they differ. Written out set by set, not through the codec
// the tests check. Header-only.
inline QString changeSetText(const ChangeSet &changes)
{
    const auto ids = [](const QSet<qint64> &set) {
        QList<qint64> sorted(set.cbegin(), set.cend());
        std::sort(sorted.begin(), sorted.end());
        QStringList out;
        for (qint64 id : sorted)
            out << QString::number(id);
        return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
    };
    QStringList parts;
    for (int i = 0; i < ChangeSet::aggregateCount; ++i) {
        const ChangeSet::Ids &set = changes.of(ChangeSet::Aggregate(i));
        if (!set.isEmpty())
            parts << QStringLiteral("aggregate %1 +%2 ~%3 -%4")
                         .arg(i)
                         .arg(ids(set.added), ids(set.modified), ids(set.removed));
    }
    if (!changes.annotatedArticles().isEmpty())
        parts << QStringLiteral("articles ") + ids(changes.annotatedArticles());
    if (!changes.codeUsage().isEmpty())
        parts << QStringLiteral("code usage ") + ids(changes.codeUsage());
    if (!changes.actorUsage().isEmpty())
        parts << QStringLiteral("actor usage ") + ids(changes.actorUsage());
    if (!changes.settings().isEmpty()) {
        QStringList keys(changes.settings().cbegin(), changes.settings().cend());
        keys.sort();
        parts << QStringLiteral("settings ") + keys.join(QLatin1Char(','));
    }
    return parts.join(QStringLiteral("; "));
}
