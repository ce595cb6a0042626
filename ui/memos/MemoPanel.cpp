#include "memos/MemoPanel.h"

#include "shell/LiteralText.h"
#include "shell/SelectionKeeper.h"
#include "memos/MemoDialog.h"
#include "memos/MemoListModel.h"
#include "commands/AddMemoCommand.h"
#include "commands/DeleteMemoCommand.h"
#include "commands/EditMemoCommand.h"
#include "store/ProjectSession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

MemoPanel::MemoPanel(ProjectSession &store, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_undo(undo)
    , m_model(new MemoListModel(store, this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("memoPanel"));
    m_view->setObjectName(QStringLiteral("memoView"));
    m_view->setAccessibleName(tr("Memos"));
    m_view->setModel(m_model);
    new SelectionKeeper(m_view, MemoListModel::MemoIdRole);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        editMemo(index.data(MemoListModel::MemoIdRole).toLongLong());
    });

    m_add = new QPushButton(tr("&Add Project Memo…"), this);
    m_add->setObjectName(QStringLiteral("addMemoButton"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editMemoButton"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteMemoButton"));
    connect(m_add, &QPushButton::clicked, this,
            [this] { addMemo(Memo::Target::Project, 0, tr("A memo on the whole project.")); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editMemo(selectedMemoId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteMemo(selectedMemoId()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MemoPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MemoPanel::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 8, 4);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    updateButtons();
}

void MemoPanel::updateButtons()
{
    const bool writable = !m_session.isReadOnly();
    m_add->setEnabled(writable);
    m_edit->setEnabled(writable && selectedMemoId());
    m_delete->setEnabled(writable && selectedMemoId());
}

StoreCommand::ErrorHandler MemoPanel::onError()
{
    return [this](const QString &message) {
        m_failed = true;
        QMessageBox::warning(this, tr("Memo"), LiteralText::html(message));
    };
}

bool MemoPanel::push(StoreCommand *command)
{
    m_failed = false;
    m_undo->push(command); // runs redo(); a refused command is dropped
    return !m_failed;
}

qint64 MemoPanel::selectedMemoId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(MemoListModel::MemoIdRole).toLongLong();
}

void MemoPanel::selectMemo(qint64 memoId)
{
    const int row = m_model->rowOf(memoId);
    if (row >= 0)
        m_view->selectRow(row);
}

qint64 MemoPanel::addMemo(Memo::Target target, qint64 targetId, const QString &about)
{
    if (m_session.isReadOnly())
        return 0;
    MemoDialog dialog(about, QString(), QString(), this);
    if (dialog.exec() != QDialog::Accepted
        || (dialog.title().isEmpty() && dialog.body().trimmed().isEmpty()))
        return 0;
    Memo memo;
    memo.target = target;
    memo.targetId = targetId;
    memo.title = dialog.title();
    memo.body = dialog.body();
    auto *command = new AddMemoCommand(m_session, memo, onError());
    if (!push(command))
        return 0;
    const qint64 id = command->memoId();
    selectMemo(id);
    return id;
}

bool MemoPanel::editMemo(qint64 memoId)
{
    const auto before = m_session.memos().get(memoId);
    if (!before || m_session.isReadOnly())
        return false;
    MemoDialog dialog(
        m_model->data(m_model->index(m_model->rowOf(memoId), MemoListModel::Target)).toString(),
        before->title, before->body, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    Memo after = *before;
    after.title = dialog.title();
    after.body = dialog.body();
    if (after.title == before->title && after.body == before->body)
        return false;
    const bool ok = push(new EditMemoCommand(m_session, *before, after, onError()));
    selectMemo(memoId);
    return ok;
}

bool MemoPanel::deleteMemo(qint64 memoId)
{
    const auto memo = m_session.memos().get(memoId);
    if (!memo || m_session.isReadOnly())
        return false;
    // No confirmation: Ctrl+Z brings it back.
    return push(new DeleteMemoCommand(m_session, *memo, onError()));
}
