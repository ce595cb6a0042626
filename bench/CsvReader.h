#pragma once

#include <QList>
#include <QStringList>

// RFC 4180 CSV: fields may be quoted, and quoted fields may hold commas,
// doubled quotes and line breaks (news texts do).
class CsvReader
{
public:
    static QList<QStringList> parse(const QString &text);
    // The rows of a UTF-8 file, header included; empty if it cannot be read.
    static QList<QStringList> readFile(const QString &path);
};
