#pragma once

#include <QStringList>

// A canonical entity (person, organisation, state...) that mentions link to.
struct Actor
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString kind; // person, organisation, state, group, other
    QString description;
    QStringList aliases;
    int version = 0; // as read; raised by every edit (see Code::version)

    friend bool operator==(const Actor &, const Actor &) = default;
};
