#pragma once

#include <QString>
#include <QStringList>

// What an import or export did, for the command line and the GUI: counts,
// what was skipped and why, and every conversion of offsets or units.
struct ExchangeReport
{
    struct Skipped
    {
        QString file;
        QString element; // "line 12", "annotation 3f2…", "Source “x.pdf”"
        QString reason;
    };

    QString format; // "ptc", "csv", ...
    int sourcesAdded = 0;
    int sourcesKept = 0; // already in the project (same text)
    int codesAdded = 0;
    int annotationsAdded = 0;
    int annotationsKept = 0; // already in the project
    int sourcesWritten = 0;
    int annotationsWritten = 0;
    QList<Skipped> skipped;
    QStringList conversions;
    QStringList files; // written by an export
    bool cancelled = false;

    // Lines such as "sources: 3 added, 1 already there", for people.
    QString text() const;
};
