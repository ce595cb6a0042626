#pragma once

#include <QByteArray>
#include <QStringList>

// The codebooks shipped with Framewise, by the short names the command line
// and the menus use: general, media-frames, propaganda-techniques.
class StarterCodebooks
{
public:
    static QStringList names();
    // "Media Frames", for menus; empty for an unknown name.
    static QString title(const QString &name);
    // The codebook file; throws ProjectError for an unknown name.
    static QByteArray json(const QString &name);
    static QString fileName(const QString &name) { return name + QStringLiteral(".json"); }
};
