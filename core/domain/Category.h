#pragma once

#include <QString>

// A top-level group of the codebook. The kind tells the app how codes in it
// behave (claims carry attributes, actors link to canonical entities, ...).
struct Category
{
    enum class Kind { Claim, Actor, Frame, Technique, Custom };

    qint64 id = 0;
    QString uuid;
    QString name;
    Kind kind = Kind::Custom;
    QString colour; // #rrggbb, the default for its codes
    int position = 0;
    int version = 0; // as read; raised by every edit (see Code::version)

    static QString kindName(Kind kind);
    static Kind kindFromName(const QString &name, bool *ok = nullptr);
};
