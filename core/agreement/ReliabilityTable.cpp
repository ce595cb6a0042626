#include "ReliabilityTable.h"

#include "base/ProjectError.h"

#include <QFile>
#include <QLocale>
#include <cmath>
#include <map>

ReliabilityData ReliabilityTable::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        throw ProjectError(QStringLiteral("%1: not UTF-8 text").arg(path));
    return parse(text, path);
}

ReliabilityData ReliabilityTable::parse(const QString &text, const QString &fileName)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    while (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    if (!lines.isEmpty() && lines.front().startsWith(QChar(0xFEFF)))
        lines.front().remove(0, 1);
    if (lines.isEmpty())
        throw ProjectError(
            QStringLiteral("%1: empty table: expected a header line naming the coders")
                .arg(fileName));

    QStringList header = lines.front().split(QLatin1Char('\t'));
    const bool labelled
        = header.front().trimmed().compare(QLatin1String("unit"), Qt::CaseInsensitive) == 0;
    if (labelled)
        header.removeFirst();
    for (qsizetype c = 0; c < header.size(); ++c) {
        header[c] = header[c].trimmed();
        if (header[c].isEmpty())
            throw ProjectError(
                QStringLiteral("%1: line 1: coder %2 has no name").arg(fileName).arg(c + 1));
    }
    if (header.size() < 2)
        throw ProjectError(
            QStringLiteral("%1: line 1 names %2 coder(s); agreement needs at least two")
                .arg(fileName)
                .arg(header.size()));
    const qsizetype fields = header.size() + (labelled ? 1 : 0);

    struct Row
    {
        QString label;
        QStringList cells;
    };
    std::vector<Row> rows;
    bool numeric = true;
    const QLocale c = QLocale::c();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QStringList cells = lines[i].split(QLatin1Char('\t'));
        if (cells.size() != fields)
            throw ProjectError(QStringLiteral("%1: line %2 has %3 fields; the header has %4")
                                   .arg(fileName)
                                   .arg(i + 1)
                                   .arg(cells.size())
                                   .arg(fields));
        Row row;
        row.label = labelled ? cells.takeFirst().trimmed() : QString::number(i);
        for (QString &cell : cells) {
            cell = cell.trimmed();
            bool ok = true;
            if (!cell.isEmpty()) {
                const double v = c.toDouble(cell, &ok);
                if (ok && !std::isfinite(v))
                    ok = false;
            }
            numeric = numeric && ok;
        }
        row.cells = cells;
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        throw ProjectError(QStringLiteral("%1: the table has a header but no units").arg(fileName));

    ReliabilityData data;
    data.coders = header;
    std::map<QString, int> labels;
    if (!numeric) {
        for (const Row &row : rows)
            for (const QString &cell : row.cells)
                if (!cell.isEmpty())
                    labels.emplace(cell, 0);
        for (auto &[label, index] : labels) {
            index = int(data.valueLabels.size());
            data.valueLabels.append(label);
        }
    }
    std::vector<std::optional<double>> values(size_t(header.size()));
    for (const Row &row : rows) {
        for (qsizetype k = 0; k < row.cells.size(); ++k) {
            const QString &cell = row.cells[k];
            if (cell.isEmpty())
                values[size_t(k)].reset();
            else if (numeric)
                values[size_t(k)] = c.toDouble(cell);
            else
                values[size_t(k)] = labels.at(cell);
        }
        data.addUnit(row.label, values);
    }
    return data;
}
