#include "GoldResultModel.h"

#include <QFont>

namespace {
QVariant figure(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : QStringLiteral("—");
}
} // namespace

GoldResultModel::GoldResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void GoldResultModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int GoldResultModel::rowOf(const QString &student, const QString &code) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].student == student && m_entries[i].row.code == code)
            return int(i);
    return -1;
}

int GoldResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int GoldResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GoldResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries[index.row()];
    const GoldComparison::Row &r = e.row;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Student:
            return e.student;
        case Code:
            return r.code;
        case GoldSpans:
            return r.partial.goldSpans;
        case StudentSpans:
            return r.partial.coderSpans;
        case Hits:
            return e.counts.hits;
        case Misses:
            return e.counts.misses;
        case FalseAlarms:
            return e.counts.falseAlarms;
        case Precision:
            return figure(r.partial.precision);
        case Recall:
            return figure(r.partial.recall);
        case F1:
            return figure(r.partial.f1);
        case ExactPrecision:
            return figure(r.exact.precision);
        case ExactRecall:
            return figure(r.exact.recall);
        case ExactF1:
            return figure(r.exact.f1);
        case Note:
            return r.partial.reason;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= GoldSpans && index.column() < Note)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && r.code == QLatin1String("(all codes)")) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant GoldResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Hits:
            return tr("The student's spans that overlap a gold span of their code");
        case Misses:
            return tr("Gold spans the student did not mark");
        case FalseAlarms:
            return tr("The student's spans that no gold span of their code overlaps");
        case Precision:
        case Recall:
        case F1:
            return tr("Partial overlap (SemEval-2020 Task 11): each span counts with the share "
                      "of it the other side covers");
        case ExactPrecision:
        case ExactRecall:
        case ExactF1:
            return tr("Exact match: a span counts only with the same ends and code");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Student:
        return tr("Student");
    case Code:
        return tr("Code");
    case GoldSpans:
        return tr("Gold spans");
    case StudentSpans:
        return tr("Student spans");
    case Hits:
        return tr("Hits");
    case Misses:
        return tr("Misses");
    case FalseAlarms:
        return tr("False alarms");
    case Precision:
        return tr("Precision");
    case Recall:
        return tr("Recall");
    case F1:
        return tr("F1");
    case ExactPrecision:
        return tr("Exact P");
    case ExactRecall:
        return tr("Exact R");
    case ExactF1:
        return tr("Exact F1");
    case Note:
        return tr("Note");
    }
    return {};
}
