#include "RequiredTool.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QVersionNumber>

#include <algorithm>

RequiredTool::Lookup RequiredTool::find(const QString &name, const QString &debianPackage,
                                        const QStringList &extraDirs)
{
    Lookup lookup;
    lookup.path = QStandardPaths::findExecutable(name);
    for (const QString &pattern : extraDirs) {
        if (!lookup.path.isEmpty())
            break;
        const QStringList dirs = expand(pattern);
        if (!dirs.isEmpty())
            lookup.path = QStandardPaths::findExecutable(name, dirs);
    }
    if (lookup.path.isEmpty()) {
        QString where = QStringLiteral("PATH");
        if (!extraDirs.isEmpty())
            where += QStringLiteral(", ") + extraDirs.join(QStringLiteral(", "));
        lookup.message = QStringLiteral("%1 is not installed (not in %2); install the Debian package "
                                        "%3%4")
                             .arg(name, where, debianPackage,
                                  mustFail() ? QStringLiteral("; CI=true, so this test fails "
                                                              "instead of skipping")
                                             : QString());
    }
    return lookup;
}

bool RequiredTool::mustFail()
{
    return qEnvironmentVariable("CI").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

QStringList RequiredTool::expand(const QString &pattern)
{
    QStringList found = {QString()};
    const QStringList parts = QDir::fromNativeSeparators(pattern).split(QLatin1Char('/'));
    // /usr/lib/postgresql/17 before /usr/lib/postgresql/9 (QCollator's
    // numeric mode needs ICU and a locale, not so in the C locale of tests).
    const auto newerFirst = [](const QString &a, const QString &b) {
        const QVersionNumber va = QVersionNumber::fromString(a);
        const QVersionNumber vb = QVersionNumber::fromString(b);
        return va != vb ? va > vb : a > b;
    };
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        QStringList next;
        for (const QString &prefix : std::as_const(found)) {
            const QString base = i == 0 ? part : prefix + QLatin1Char('/') + part;
            if (!part.contains(QLatin1Char('*'))) {
                next.append(base);
                continue;
            }
            QStringList names = QDir(prefix.isEmpty() ? QStringLiteral("/") : prefix)
                                    .entryList({part}, QDir::Dirs | QDir::NoDotAndDotDot);
            std::sort(names.begin(), names.end(), newerFirst);
            for (const QString &name : std::as_const(names))
                next.append(prefix + QLatin1Char('/') + name);
        }
        found = next;
    }
    found.removeIf([](const QString &dir) { return !QFileInfo(dir).isDir(); });
    return found;
}
