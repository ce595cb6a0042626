#include "ProjectFileInspector.h"

#include "SqliteDialect.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace {
constexpr qint64 kHeaderSize = 100;

quint32 be32(const QByteArray &b, int offset)
{
    return qFromBigEndian<quint32>(b.constData() + offset);
}
} // namespace

ProjectFileInspector::Result ProjectFileInspector::inspect(const QString &path)
{
    Result r;
    const QFileInfo info(path);
    const QString name = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.exists()) {
        r.verdict = Verdict::Missing;
        r.message = QStringLiteral("%1: no such file").arg(name);
        return r;
    }
    // Root may write anything, so the permission bits (not access()) decide
    // whether the user meant the file to be read-only.
    r.readOnly = !(info.permissions() & QFileDevice::WriteOwner) || !info.isWritable();

    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        r.verdict = Verdict::Unreadable;
        r.message = QStringLiteral("%1: cannot be read (%2)")
                        .arg(name, info.isDir() ? QStringLiteral("it is a folder") : file.errorString());
        return r;
    }
    const qint64 size = file.size();
    if (size == 0) {
        r.verdict = Verdict::Empty;
        r.message = QStringLiteral("%1: the file is empty, not a Framewise project").arg(name);
        return r;
    }
    const QByteArray header = file.read(kHeaderSize);
    if (!header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        r.verdict = Verdict::NotSqlite;
        r.message = QStringLiteral("%1: not a Framewise project (not an SQLite database)").arg(name);
        return r;
    }
    if (header.size() < kHeaderSize) {
        r.verdict = Verdict::Truncated;
        r.message = QStringLiteral("%1: the project file is truncated (%2 bytes)").arg(name).arg(size);
        return r;
    }
    const quint32 pageSizeField = qFromBigEndian<quint16>(header.constData() + 16);
    const qint64 pageSize = pageSizeField == 1 ? 65536 : pageSizeField;
    const quint32 changeCounter = be32(header, 24);
    const quint32 pageCount = be32(header, 28);
    const quint32 validFor = be32(header, 92);
    if (validFor == changeCounter && pageCount > 0 && size < qint64(pageCount) * pageSize) {
        r.verdict = Verdict::Truncated;
        r.message = QStringLiteral("%1: the project file is truncated or damaged "
                                   "(%2 bytes, its header says %3)")
                        .arg(name)
                        .arg(size)
                        .arg(qint64(pageCount) * pageSize);
        return r;
    }
    const quint32 appId = be32(header, 68);
    r.schemaVersion = int(be32(header, 60));
    if (appId != SqliteDialect::applicationId) {
        r.verdict = Verdict::Foreign;
        r.message = QStringLiteral("%1: an SQLite database of another application, "
                                   "not a Framewise project")
                        .arg(name);
        return r;
    }
    if (r.schemaVersion > SqliteDialect::currentVersion) {
        r.verdict = Verdict::Newer;
        r.message = QStringLiteral("%1: made by a newer Framewise (project version %2; this "
                                   "version opens up to %3). Update Framewise to open it.")
                        .arg(name)
                        .arg(r.schemaVersion)
                        .arg(SqliteDialect::currentVersion);
        return r;
    }
    r.verdict = Verdict::Project;
    return r;
}
