#include "StarterProject.h"

#include "CodebookFile.h"
#include "base/ProjectError.h"
#include "store/PostgresLocation.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {
QByteArray resource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("built-in resource %1 is missing").arg(path));
    return file.readAll();
}
} // namespace

QString StarterProject::defaultProjectPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("default.framewise"));
}

QString StarterProject::sampleTitle()
{
    return QStringLiteral("Kim Jong Un links Ukraine war to Korean security");
}

std::unique_ptr<ProjectSession> StarterProject::openOrCreate(const QString &path)
{
    // A team project is made on its server (framewise import or team init
    // on the URL); the app opens it and never fills a database by itself.
    if (PostgresLocation::isUrl(path))
        return ProjectSession::open(path);
    const bool existed = QFileInfo::exists(path);
    auto store = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
    if (!existed)
        populate(*store);
    return store;
}

void StarterProject::populate(ProjectSession &store)
{
    UnitOfWork unit(store.database());
    CodebookFile::merge(store, resource(QStringLiteral(":/framewise/codebooks/general.json")),
                        QStringLiteral("general.json"));
    Article sample;
    sample.title = sampleTitle();
    sample.language = QStringLiteral("en");
    sample.origin = QStringLiteral("Framewise sample article");
    sample.text = QString::fromUtf8(
                      resource(QStringLiteral(":/framewise/samples/kim-jong-un-ukraine-korean-security.txt")))
                      .trimmed();
    store.articles().add(sample);
    unit.commit();
    SearchIndexer::catchUp(store); // one article: searchable from the first moment
}
