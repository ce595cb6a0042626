#pragma once

#include <QString>

// A code of the codebook; codes nest through parentId (0 = top level).
struct Code
{
    qint64 id = 0;
    QString uuid;
    qint64 categoryId = 0;
    qint64 parentId = 0;
    QString name;
    QString description;
    QString colour;   // #rrggbb
    QString shortcut; // a single key such as "1", or empty
    int position = 0;
    // The row's version when read (schema 12): raised by every edit, so an
    // update naming an older one meets another coder's change instead of
    // overwriting it. 0: never read from the store.
    int version = 0;

    // "#rrggbb": the only form the codebook stores, for codes and categories.
    static bool isColour(const QString &text);
};
