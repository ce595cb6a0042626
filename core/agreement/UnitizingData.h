#pragma once

#include <QStringList>
#include <vector>

// Krippendorff's unitizing data: one continuum [begin, begin + length) that
// every coder segmented, and the units each coder marked on it with a
// category. Positions are whatever the caller counts (here: characters).
struct UnitizingData
{
    struct Unit
    {
        qint64 begin = 0;
        qint64 length = 0;
        int coder = 0;
        int category = 0;
    };

    qint64 begin = 0;
    qint64 length = 0;
    QStringList coders;
    QStringList categories;
    std::vector<Unit> units;

    void add(qint64 unitBegin, qint64 unitLength, int coder, int category)
    {
        units.push_back({unitBegin, unitLength, coder, category});
    }
};
