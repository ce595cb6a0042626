#pragma once

#include "reliability/AgreementRequest.h"

#include <QAbstractTableModel>

// Agreement figures as a table: code, measure, unit, n units, value, 95%
// interval, note. Values are coloured against the usual thresholds: green
// from 0.8, amber from 0.667, red below, grey without a value.
class AgreementResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Code,
        Measure,
        Unit,
        Units,
        Value,
        Interval,
        Note,
        ColumnCount
    };

    explicit AgreementResultModel(QObject *parent = nullptr);

    void setRows(const QList<AgreementRow> &rows);
    const QList<AgreementRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AgreementRow> m_rows;
};
