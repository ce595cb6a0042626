#include "ProjectSettingsRepository.h"

namespace {
const QString kSelect = QStringLiteral("SELECT value FROM meta WHERE key = ?");
const QString kUpsert = QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
} // namespace

ProjectSettingsRepository::ProjectSettingsRepository(Database &db)
    : Repository(db)
{
}

QString ProjectSettingsRepository::value(const QString &key) const
{
    SqlQuery q(sql(), kSelect);
    q.bind(key).exec();
    return q.next() ? q.value(0).toString() : QString();
}

bool ProjectSettingsRepository::blindCoding() const
{
    return value(QLatin1String(blindCodingKey)) == QLatin1String("1");
}

void ProjectSettingsRepository::setBlindCoding(bool on)
{
    const QString key = QLatin1String(blindCodingKey);
    write([&](ChangeSet &changes) {
        if (blindCoding() == on)
            return;
        SqlQuery q(sql(), kUpsert);
        q.bind(key).bind(on ? QStringLiteral("1") : QStringLiteral("0")).exec();
        changes.touchSetting(key);
    });
}
