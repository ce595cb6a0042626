#include "AgreementResultModel.h"

#include "reliability/AgreementReport.h"

#include <QBrush>
#include <QColor>

AgreementResultModel::AgreementResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AgreementResultModel::setRows(const QList<AgreementRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AgreementResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgreementResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgreementResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AgreementRow &r = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Code:
            return r.code;
        case Measure:
            return AgreementMeasures::title(r.measure);
        case Unit:
            return AgreementUnits::name(r.unit);
        case Units:
            return r.result.units;
        case Value:
            return r.result.value ? QString::number(*r.result.value, 'f', 3) : tr("—");
        case Interval:
            return r.result.ciLow && r.result.ciHigh
                ? QStringLiteral("%1 – %2").arg(QString::number(*r.result.ciLow, 'f', 3),
                                                QString::number(*r.result.ciHigh, 'f', 3))
                : QString();
        case Note:
            return r.result.reason;
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Units || index.column() == Value))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && index.column() == Value) {
        switch (AgreementReport::verdict(r.result)) {
        case AgreementReport::Verdict::Reliable:
            return QBrush(QColor(0x9f, 0xd8, 0x9f));
        case AgreementReport::Verdict::Tentative:
            return QBrush(QColor(0xf5, 0xd0, 0x7a));
        case AgreementReport::Verdict::Unreliable:
            return QBrush(QColor(0xf0, 0x9a, 0x9a));
        case AgreementReport::Verdict::None:
            return QBrush(QColor(0xd0, 0xd0, 0xd0));
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Value)
        return QBrush(Qt::black); // readable on the light verdict colours in either theme
    if (role == Qt::ToolTipRole && index.column() == Value) {
        switch (AgreementReport::verdict(r.result)) {
        case AgreementReport::Verdict::Reliable:
            return tr("At least 0.800: reliable");
        case AgreementReport::Verdict::Tentative:
            return tr("At least 0.667: tentative conclusions only");
        case AgreementReport::Verdict::Unreliable:
            return tr("Below 0.667: not reliable");
        case AgreementReport::Verdict::None:
            return r.result.reason;
        }
    }
    return {};
}

QVariant AgreementResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Code");
    case Measure:
        return tr("Measure");
    case Unit:
        return tr("Unit");
    case Units:
        return tr("n units");
    case Value:
        return tr("Value");
    case Interval:
        return tr("95% CI");
    case Note:
        return tr("Note");
    }
    return {};
}
