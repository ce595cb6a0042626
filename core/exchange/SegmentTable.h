#pragma once

#include "ExchangeOptions.h"
#include "ExchangeReport.h"

#include <QByteArray>
#include <QStringList>

class ProjectSession;

// Coded segments as a table, one row per annotation: CSV (UTF-8, a BOM on
// request for spreadsheets) or JSON Lines with the same fields. Offsets are
// Unicode code points of the stored text (start_codepoint, end_codepoint);
// codes are paths "Category > Code", several joined by " | ". The CSV (and
// the JSONL) can be imported again: rows are placed on articles by UUID,
// then by title, and a row whose annotation UUID is already there is kept.
class SegmentTable
{
public:
    static QStringList columns();
    static QByteArray toCsv(const ProjectSession &session, const ExchangeOptions &options,
                            ExchangeReport &report);
    static QByteArray toJsonLines(const ProjectSession &session, const ExchangeOptions &options,
                                  ExchangeReport &report);
    // One unit of work; throws ProjectError naming the file, row and column.
    static ExchangeReport importFile(ProjectSession &session, const QString &path,
                                     const ExchangeOptions &options = {});
};
