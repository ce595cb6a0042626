#pragma once

#include <QList>
#include <QString>

// Paragraphs and sentences of a text as units of analysis, in Unicode code
// point offsets (end exclusive), as the store counts. Paragraphs are the
// runs between line breaks; sentences are QTextBoundaryFinder's Unicode
// sentences (UAX #29). Segments that hold only white space are left out,
// and each segment is trimmed of surrounding white space.
class TextSegments
{
public:
    struct Segment
    {
        qint64 start = 0;
        qint64 end = 0;
    };

    static QList<Segment> paragraphs(const QString &text);
    static QList<Segment> sentences(const QString &text);
};
