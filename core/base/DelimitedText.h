#pragma once

#include <QString>

// One field of a delimited text file, escaped so that a reader splitting on
// the delimiter and on newlines gets the value back.
class DelimitedText
{
public:
    // Tab, newline, carriage return and backslash as \t, \n, \r and \\.
    static QString tsvField(const QString &value);
    // RFC 4180: quoted (quotes doubled) when it holds a comma, quote or newline.
    static QString csvField(const QString &value);
};
