#pragma once

#include <QStringList>

// Past queries of the SQL console, newest first, kept in QSettings so they
// survive restarts and are shared between projects (queries on the
// documented views work in any project).
class QueryHistory
{
public:
    static constexpr int maximum = 50;

    QStringList entries() const;
    // Moves an already known query to the top instead of repeating it.
    void add(const QString &sql);
};
