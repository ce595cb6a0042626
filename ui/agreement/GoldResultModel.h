#pragma once

#include "reliability/GoldComparison.h"
#include "reliability/GoldReport.h"

#include <QAbstractTableModel>

// Students' figures against the gold standard, one row per student and
// code (the row over all codes last, in bold): spans on each side, hits,
// misses and false alarms, and partial-overlap and exact precision, recall
// and F1 with three decimals, as `framewise compare` prints them.
class GoldResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Student,
        Code,
        GoldSpans,
        StudentSpans,
        Hits,
        Misses,
        FalseAlarms,
        Precision,
        Recall,
        F1,
        ExactPrecision,
        ExactRecall,
        ExactF1,
        Note,
        ColumnCount
    };

    struct Entry
    {
        QString student;
        GoldComparison::Row row;
        GoldReport::Counts counts;
    };

    explicit GoldResultModel(QObject *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    // The row of a student and code, -1 if none.
    int rowOf(const QString &student, const QString &code) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};
