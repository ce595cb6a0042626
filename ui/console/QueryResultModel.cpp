#include "console/QueryResultModel.h"

#include "shell/LiteralText.h"
#include "query/QueryResultWriter.h"

#include <QColor>
#include <QPalette>

QueryResultModel::QueryResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void QueryResultModel::setResult(const QueryResult &result)
{
    beginResetModel();
    m_result = result;
    endResetModel();
}

int QueryResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.rows.size());
}

int QueryResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.columns.size());
}

QVariant QueryResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList &row = m_result.rows.at(index.row());
    const QVariant value = row.value(index.column());
    const bool null = !value.isValid() || value.isNull();
    switch (role) {
    case Qt::DisplayRole: {
        if (null)
            return QStringLiteral("NULL");
        QString text = QueryResultWriter::text(value);
        // Long texts (article bodies) stay one line in the table.
        if (text.size() > 300)
            text = text.left(300) + QChar(0x2026);
        return text.replace(QLatin1Char('\n'), QChar(0x23CE));
    }
    case Qt::ToolTipRole:
        return null ? QVariant() : QVariant(LiteralText::html(QueryResultWriter::text(value).left(2000)));
    case Qt::ForegroundRole:
        return null ? QVariant(QPalette().color(QPalette::Disabled, QPalette::Text)) : QVariant();
    case Qt::TextAlignmentRole:
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Double)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_result.columns.value(section);
    return section + 1;
}
