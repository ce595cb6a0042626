#include "StarterCodebooks.h"

#include "base/ProjectError.h"

#include <QCoreApplication>
#include <QFile>

QStringList StarterCodebooks::names()
{
    return {QStringLiteral("general"), QStringLiteral("media-frames"),
            QStringLiteral("propaganda-techniques")};
}

QString StarterCodebooks::title(const QString &name)
{
    if (name == QLatin1String("general"))
        return QCoreApplication::translate("StarterCodebooks", "General (Claims, Actors, Frames)");
    if (name == QLatin1String("media-frames"))
        return QCoreApplication::translate("StarterCodebooks", "Media Frames (Boydstun et al.)");
    if (name == QLatin1String("propaganda-techniques"))
        return QCoreApplication::translate("StarterCodebooks",
                                           "Propaganda Techniques (SemEval-2020)");
    return {};
}

QByteArray StarterCodebooks::json(const QString &name)
{
    if (!names().contains(name))
        throw ProjectError(QStringLiteral("no starter codebook named “%1” (there are: %2)")
                               .arg(name, names().join(QStringLiteral(", "))));
    QFile file(QStringLiteral(":/framewise/codebooks/") + fileName(name));
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("built-in codebook %1 is missing").arg(fileName(name)));
    return file.readAll();
}
