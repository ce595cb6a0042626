#include "SavedQueryRepository.h"

#include "base/ProjectError.h"

#include <algorithm>

namespace {
const QString kPrefix = QStringLiteral("saved_query/");
// '0' follows '/', so this is a range scan of the prefix.
const QString kSelectAll = QStringLiteral(
    "SELECT key, value FROM meta WHERE key >= 'saved_query/' AND key < 'saved_query0'");
const QString kSelect = QStringLiteral("SELECT value FROM meta WHERE key = ?");
const QString kUpsert = QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
const QString kDelete = QStringLiteral("DELETE FROM meta WHERE key = ?");
} // namespace

SavedQueryRepository::SavedQueryRepository(Database &db)
    : Repository(db)
{
}

QString SavedQueryRepository::keyOf(const QString &name)
{
    return kPrefix + name;
}

QList<SavedQuery> SavedQueryRepository::all() const
{
    SqlQuery q(sql(), kSelectAll);
    q.exec();
    QList<SavedQuery> out;
    while (q.next())
        out.append({q.value(0).toString().mid(kPrefix.size()), q.value(1).toString()});
    std::sort(out.begin(), out.end(), [](const SavedQuery &a, const SavedQuery &b) {
        const int folded = a.name.compare(b.name, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a.name < b.name;
    });
    return out;
}

std::optional<QString> SavedQueryRepository::text(const QString &name) const
{
    SqlQuery q(sql(), kSelect);
    q.bind(keyOf(name)).exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

std::function<std::optional<QString>(const QString &)> SavedQueryRepository::lookup() const
{
    Database *db = &m_db;
    return [db](const QString &name) { return SavedQueryRepository(*db).text(name); };
}

void SavedQueryRepository::save(const QString &name, const QString &text)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw ProjectError(QStringLiteral("a saved query needs a name"));
    if (text.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("the saved query “%1” needs a query").arg(trimmed));
    write([&](ChangeSet &changes) {
        if (this->text(trimmed) == text)
            return;
        SqlQuery q(sql(), kUpsert);
        q.bind(keyOf(trimmed)).bind(text).exec();
        changes.touchSetting(QLatin1String(changeKey));
    });
}

void SavedQueryRepository::remove(const QString &name)
{
    write([&](ChangeSet &changes) {
        if (!text(name))
            throw ProjectError(QStringLiteral("no saved query “%1”").arg(name));
        SqlQuery q(sql(), kDelete);
        q.bind(keyOf(name)).exec();
        changes.touchSetting(QLatin1String(changeKey));
    });
}
