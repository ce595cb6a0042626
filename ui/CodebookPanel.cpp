#include "CodebookPanel.h"

#include "CodebookModel.h"

#include <QTreeView>
#include <QVBoxLayout>

CodebookPanel::CodebookPanel(ProjectStore &store, QWidget *parent)
    : QWidget(parent)
    , m_model(new CodebookModel(store, this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("codebookPanel"));
    m_view->setObjectName(QStringLiteral("codebookView"));
    m_view->setAccessibleName(tr("Codebook"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setExpandsOnDoubleClick(false); // double-click applies a code
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setIndentation(14);
    m_view->setIconSize(QSize(14, 14));
    m_view->expandAll();
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(CodebookModel::IsCategoryRole).toBool())
            Q_EMIT codeActivated(index.data(CodebookModel::CodeIdRole).toLongLong());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 8, 0);
    layout->addWidget(m_view);
}
