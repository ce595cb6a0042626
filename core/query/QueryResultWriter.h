#pragma once

#include "QueryResult.h"

#include <QByteArray>

#include <optional>

// A query's rows as text: TSV (backslash escapes, as `framewise
// annotations`), CSV (RFC 4180 quoting) or JSON ({"columns": [...],
// "rows": [[...], ...]}, which keeps column order and duplicate names).
// NULL is an empty field in TSV and CSV and null in JSON; blobs are hex.
class QueryResultWriter
{
public:
    enum class Format { Tsv, Csv, Json };

    static std::optional<Format> formatFromName(const QString &name);
    static QByteArray write(const QueryResult &result, Format format);
    static QByteArray toTsv(const QueryResult &result);
    static QByteArray toCsv(const QueryResult &result);
    static QByteArray toJson(const QueryResult &result);
    // One value as the text shown in a cell or written to TSV/CSV.
    static QString text(const QVariant &value);
};
