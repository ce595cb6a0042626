#pragma once

#include <QStringList>
#include <optional>
#include <vector>

// Krippendorff's reliability data: units (rows) by coders (columns), each
// cell a value or missing. Values are numbers; nominal data with labels
// store the label's index and keep the labels in valueLabels.
struct ReliabilityData
{
    QStringList coders;
    QStringList units; // a label per unit
    std::vector<std::optional<double>> values; // row-major: units x coders
    QStringList valueLabels; // when set, value i stands for valueLabels[i]
    // How many categories coders could choose from (Gwet's AC1 and
    // Brennan-Prediger need it); 0 = as many as the data use.
    int categoryCount = 0;

    int unitCount() const { return int(units.size()); }
    int coderCount() const { return int(coders.size()); }
    std::optional<double> at(int unit, int coder) const
    {
        return values[size_t(unit) * size_t(coders.size()) + size_t(coder)];
    }
    // Appends a unit; row has one entry per coder.
    void addUnit(const QString &label, const std::vector<std::optional<double>> &row);
    // The same units with only the named coders' columns, in that order.
    ReliabilityData selectCoders(const QList<int> &coderIndexes) const;
    // The text of a value: its label, or the number.
    QString valueText(double value) const;
};
