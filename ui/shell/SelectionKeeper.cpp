#include "shell/SelectionKeeper.h"

#include <QAbstractItemView>
#include <QScrollBar>

#include <utility>

SelectionKeeper::SelectionKeeper(QAbstractItemView *view, int idRole,
                                 std::function<qint64()> listKey)
    : QObject(view)
    , m_view(view)
    , m_idRole(idRole)
    , m_listKey(std::move(listKey))
{
    connect(view->model(), &QAbstractItemModel::modelAboutToBeReset, this,
            &SelectionKeeper::remember);
    connect(view->model(), &QAbstractItemModel::modelReset, this, &SelectionKeeper::restore);
}

void SelectionKeeper::remember()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_selected = rows.isEmpty() ? 0 : rows.first().data(m_idRole).toLongLong();
    m_scroll = m_view->verticalScrollBar()->value();
    m_key = m_listKey ? m_listKey() : 0;
}

void SelectionKeeper::restore()
{
    const qint64 selected = std::exchange(m_selected, 0);
    if (m_listKey && m_listKey() != m_key)
        return;
    QAbstractItemModel *model = m_view->model();
    if (selected) {
        const QModelIndexList found
            = model->match(model->index(0, 0), m_idRole, selected, 1, Qt::MatchExactly);
        if (!found.isEmpty())
            m_view->selectionModel()->setCurrentIndex(
                found.first(), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    // The view lays its rows out later: now, so the old position exists
    // (and selecting did not scroll it away for good).
    m_view->doItemsLayout();
    m_view->verticalScrollBar()->setValue(m_scroll);
}
