#pragma once

#include <QList>
#include <QStringList>

// Rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes and
// line breaks), each with the line it starts on, for messages.
class CsvRecords
{
public:
    struct Row
    {
        int line = 0;
        QStringList fields;
    };
    // Throws ProjectError naming origin on an unterminated quote.
    static QList<Row> parse(const QString &text, const QString &origin);
};
