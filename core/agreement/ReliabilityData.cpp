#include "ReliabilityData.h"

#include "base/ProjectError.h"

void ReliabilityData::addUnit(const QString &label, const std::vector<std::optional<double>> &row)
{
    if (row.size() != size_t(coders.size()))
        throw ProjectError(QStringLiteral("unit %1 has %2 values for %3 coders")
                               .arg(label)
                               .arg(row.size())
                               .arg(coders.size()));
    units.append(label);
    values.insert(values.end(), row.begin(), row.end());
}

ReliabilityData ReliabilityData::selectCoders(const QList<int> &coderIndexes) const
{
    ReliabilityData out;
    for (int c : coderIndexes)
        out.coders.append(coders.at(c));
    out.valueLabels = valueLabels;
    out.categoryCount = categoryCount;
    std::vector<std::optional<double>> row(size_t(coderIndexes.size()));
    for (int u = 0; u < unitCount(); ++u) {
        for (qsizetype i = 0; i < coderIndexes.size(); ++i)
            row[size_t(i)] = at(u, coderIndexes[i]);
        out.addUnit(units.at(u), row);
    }
    return out;
}

QString ReliabilityData::valueText(double value) const
{
    const qsizetype index = qsizetype(value);
    if (!valueLabels.isEmpty() && double(index) == value && index >= 0
        && index < valueLabels.size())
        return valueLabels.at(index);
    return QString::number(value, 'g', 15);
}
