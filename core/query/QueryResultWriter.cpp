#include "QueryResultWriter.h"

#include "base/DelimitedText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace {


template<typename Field>
QByteArray delimited(const QueryResult &result, QChar separator, Field field)
{
    QString out;
    QStringList cells;
    for (const QString &column : result.columns)
        cells.append(field(column));
    out += cells.join(separator) + QLatin1Char('\n');
    for (const QVariantList &row : result.rows) {
        cells.clear();
        for (const QVariant &value : row)
            cells.append(field(QueryResultWriter::text(value)));
        out += cells.join(separator) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

} // namespace

std::optional<QueryResultWriter::Format> QueryResultWriter::formatFromName(const QString &name)
{
    if (name == QLatin1String("tsv"))
        return Format::Tsv;
    if (name == QLatin1String("csv"))
        return Format::Csv;
    if (name == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

QByteArray QueryResultWriter::write(const QueryResult &result, Format format)
{
    switch (format) {
    case Format::Tsv:
        return toTsv(result);
    case Format::Csv:
        return toCsv(result);
    case Format::Json:
        return toJson(result);
    }
    return {};
}

QString QueryResultWriter::text(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(value.toByteArray().toHex()));
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    default:
        return value.toString();
    }
}

QByteArray QueryResultWriter::toTsv(const QueryResult &result)
{
    return delimited(result, QLatin1Char('\t'), &DelimitedText::tsvField);
}

QByteArray QueryResultWriter::toCsv(const QueryResult &result)
{
    return delimited(result, QLatin1Char(','), &DelimitedText::csvField);
}

QByteArray QueryResultWriter::toJson(const QueryResult &result)
{
    QJsonArray rows;
    for (const QVariantList &row : result.rows) {
        QJsonArray cells;
        for (const QVariant &value : row) {
            if (!value.isValid() || value.isNull())
                cells.append(QJsonValue::Null);
            else if (value.typeId() == QMetaType::LongLong)
                cells.append(value.toLongLong());
            else if (value.typeId() == QMetaType::Double)
                cells.append(value.toDouble());
            else
                cells.append(text(value));
        }
        rows.append(cells);
    }
    QJsonObject root;
    root.insert(QLatin1String("columns"), QJsonArray::fromStringList(result.columns));
    root.insert(QLatin1String("rows"), rows);
    if (result.truncated)
        root.insert(QLatin1String("truncated"), true);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
