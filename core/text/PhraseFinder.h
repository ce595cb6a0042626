#pragma once

#include <QList>
#include <QString>

// Finds every occurrence of a phrase in a text as whole words (so "Kim"
// does not match inside "Kimchi"), ignoring case. Offsets are code points.
class PhraseFinder
{
public:
    struct Hit
    {
        qint64 start = 0; // code points, end exclusive
        qint64 end = 0;
        QString before; // a little context, for previews
        QString match;
        QString after;
    };

    static QList<Hit> find(const QString &text, const QString &phrase, int context = 40);
};
