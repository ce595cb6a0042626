#pragma once

#include "domain/Memo.h"

#include <QAbstractTableModel>
#include <QHash>

class ProjectSession;

// Every memo of the project: what it is about, title, first line, coder
// and date. Follows the store.
class MemoListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Target,
        Title,
        FirstLine,
        Coder,
        Date,
        ColumnCount
    };
    enum Role
    {
        MemoIdRole = Qt::UserRole + 1
    };

    explicit MemoListModel(ProjectSession &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Memo &memoAt(int row) const { return m_memos.at(row); }
    int rowOf(qint64 memoId) const; // -1 if absent
    void refresh();

private:
    QString targetText(const Memo &memo) const;

    ProjectSession &m_session;
    QList<Memo> m_memos;
    QStringList m_targets; // what each memo is about, read once per refresh
    QHash<qint64, QString> m_coders;
};
