#include "annotating/AnnotationPanel.h"

#include "annotating/AnnotationListModel.h"
#include "shell/SelectionKeeper.h"

#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>

AnnotationPanel::AnnotationPanel(ProjectSession &store, QWidget *parent)
    : QWidget(parent)
    , m_model(new AnnotationListModel(store, this))
    , m_view(new QTreeView(this))
    , m_emptyHint(new QLabel(this))
{
    setObjectName(QStringLiteral("annotationPanel"));
    m_view->setObjectName(QStringLiteral("annotationView"));
    m_view->setAccessibleName(tr("Annotations"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setIconSize(QSize(40, 12));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(AnnotationListModel::Quote, QHeaderView::Stretch);
    header->setSectionResizeMode(AnnotationListModel::Codes, QHeaderView::Interactive);
    header->setSectionResizeMode(AnnotationListModel::Coder, QHeaderView::Interactive);
    header->setSectionResizeMode(AnnotationListModel::Note, QHeaderView::Interactive);
    header->resizeSection(AnnotationListModel::Codes, 150);
    header->resizeSection(AnnotationListModel::Coder, 70);
    header->resizeSection(AnnotationListModel::Note, 60);

    m_emptyHint->setObjectName(QStringLiteral("annotationEmptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);

    const auto show = [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT annotationActivated(m_model->annotation(index.row()));
    };
    connect(m_view, &QTreeView::clicked, this, show);
    connect(m_view, &QTreeView::activated, this, show);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AnnotationPanel::updateEmptyHint);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AnnotationPanel::updateColumns);
    new SelectionKeeper(m_view, AnnotationListModel::AnnotationIdRole,
                        [this] { return m_model->articleId(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 8, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_emptyHint, 1);
    updateEmptyHint();
    updateColumns();
}

void AnnotationPanel::updateEmptyHint()
{
    const bool empty = m_model->rowCount() == 0;
    // Say why the list is empty when others' annotations are left out;
    // under blind coding the same words whether there are any or not.
    if (m_model->visibility().isBlind())
        m_emptyHint->setText(tr("None of yours yet.\nBlind coding hides other coders' annotations "
                                "(Edit ▸ Blind Coding)."));
    else if (m_model->hiddenCount() > 0)
        m_emptyHint->setText((m_model->hiddenCount() == 1
                                  ? tr("1 annotation of a hidden coder is not listed.")
                                  : tr("%1 annotations of hidden coders are not listed.")
                                        .arg(m_model->hiddenCount()))
                             + QLatin1Char('\n') + tr("View ▸ Coders shows them."));
    else
        m_emptyHint->setText(tr("No annotations yet.\nSelect text in the reader and press a code's key (1–9)."));
    m_emptyHint->setVisible(empty && m_model->articleId() != 0);
    m_view->setVisible(!empty || m_model->articleId() == 0);
}

void AnnotationPanel::updateColumns()
{
    // A lone coder and empty notes say nothing; the quote gets the room.
    QSet<QString> coders;
    bool anyNote = false;
    for (const Annotation &a : m_model->annotations()) {
        coders.insert(a.coderName);
        anyNote = anyNote || !a.note.isEmpty();
    }
    m_view->setColumnHidden(AnnotationListModel::Coder, coders.size() < 2);
    m_view->setColumnHidden(AnnotationListModel::Note, !anyNote);
}

void AnnotationPanel::setArticle(qint64 articleId, const QList<Annotation> &annotations)
{
    m_model->setArticle(articleId, annotations);
}

void AnnotationPanel::setVisibility(const AnnotationVisibility &visibility)
{
    m_model->setVisibility(visibility);
}

qint64 AnnotationPanel::selectedAnnotationId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(AnnotationListModel::AnnotationIdRole).toLongLong();
}

void AnnotationPanel::selectAnnotation(qint64 annotationId)
{
    const int row = m_model->rowOf(annotationId);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}
