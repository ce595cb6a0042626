#include "ProjectLocation.h"

#include "PostgresLocation.h"
#include "base/ProjectError.h"

#include <QDir>
#include <QFileInfo>

namespace {
// The database of a URL; the URL itself if it cannot be read (Database
// refuses such a URL with the reason; a name is still needed to show it).
QString database(const QString &url)
{
    try {
        return PostgresLocation::parse(url).database;
    } catch (const ProjectError &) {
        return url;
    }
}
} // namespace

QString ProjectLocation::displayName(const QString &location)
{
    return PostgresLocation::isUrl(location) ? database(location) : QFileInfo(location).fileName();
}

QString ProjectLocation::baseName(const QString &location)
{
    return PostgresLocation::isUrl(location) ? database(location)
                                             : QFileInfo(location).completeBaseName();
}

QString ProjectLocation::folder(const QString &location)
{
    return PostgresLocation::isUrl(location) ? QDir::homePath()
                                             : QFileInfo(location).absolutePath();
}
