#include "CsvRecords.h"

#include "base/ProjectError.h"

QList<CsvRecords::Row> CsvRecords::parse(const QString &text, const QString &origin)
{
    QList<Row> rows;
    Row row {1, {}};
    QString field;
    bool quoted = false, any = false;
    int line = 1, quoteLine = 0;
    const auto endField = [&] {
        row.fields << field;
        field.clear();
    };
    const auto endRow = [&] {
        endField();
        if (!(row.fields.size() == 1 && row.fields.constFirst().isEmpty()))
            rows << row;
        row = Row {line, {}};
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            quoteLine = line;
            any = true;
        } else if (c == QLatin1Char(',')) {
            endField();
            any = true;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size()
                   && text[i + 1] == QLatin1Char('\n')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow();
        } else {
            field += c;
            any = true;
        }
    }
    if (quoted)
        throw ProjectError(QStringLiteral("%1: line %2: a quoted field is never closed")
                               .arg(origin)
                               .arg(quoteLine));
    if (any || !field.isEmpty())
        endRow();
    return rows;
}
