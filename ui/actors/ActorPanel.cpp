#include "actors/ActorPanel.h"

#include "actors/ActorListModel.h"
#include "commands/ConflictPrompt.h"
#include "shell/SelectionKeeper.h"
#include "commands/EditActorCommand.h"
#include "commands/MergeActorsCommand.h"
#include "shell/LiteralText.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

ActorPanel::ActorPanel(ProjectSession &store, QUndoStack *undo,
                       std::function<void(const QString &)> onError, QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_undo(undo)
    , m_onError(std::move(onError))
    , m_model(new ActorListModel(store, this))
    , m_view(new QTreeView(this))
    , m_suggestion(new QLabel(this))
    , m_link(new QPushButton(tr("&Link"), this))
    , m_suggestionBar(new QWidget(this))
{
    setObjectName(QStringLiteral("actorPanel"));
    m_view->setObjectName(QStringLiteral("actorView"));
    m_view->setAccessibleName(tr("Actors"));
    m_view->setModel(m_model);
    new SelectionKeeper(m_view, ActorListModel::ActorIdRole);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ActorListModel::Name, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ActorListModel::Aliases, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(ActorListModel::Mentions, QHeaderView::ResizeToContents);
    m_view->header()->resizeSection(ActorListModel::Aliases, 110);

    m_suggestion->setObjectName(QStringLiteral("actorSuggestion"));
    m_suggestion->setWordWrap(true);
    m_suggestion->setTextFormat(Qt::PlainText);
    m_link->setObjectName(QStringLiteral("actorLinkButton"));
    m_link->setAccessibleName(tr("Link the selection to the suggested actor"));
    m_link->setToolTip(tr("Link the selection to this actor (Ctrl+Shift+J)"));
    auto *bar = new QHBoxLayout(m_suggestionBar);
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(m_suggestion, 1);
    bar->addWidget(m_link);
    m_suggestionBar->setBackgroundRole(QPalette::AlternateBase);
    m_suggestionBar->setAutoFillBackground(true);
    m_suggestionBar->setVisible(false);
    connect(m_link, &QPushButton::clicked, this, [this] {
        if (m_suggested)
            Q_EMIT linkRequested(m_suggested);
    });

    // List keys: only while the list has focus, so they never steal typing.
    const auto listAction
        = [this](const QString &text, const QKeySequence &key, void (ActorPanel::*slot)()) {
              auto *action = new QAction(text, this);
              action->setShortcut(key);
              action->setShortcutContext(Qt::WidgetShortcut);
              connect(action, &QAction::triggered, this, slot);
              m_view->addAction(action);
              return action;
          };
    QAction *rename = listAction(tr("Rename Actor… (actor list)"), QKeySequence(Qt::Key_F2),
                                 &ActorPanel::renameSelected);
    QAction *alias = listAction(tr("Add Alias… (actor list)"), QKeySequence(Qt::Key_Insert),
                                &ActorPanel::addAliasToSelected);
    QAction *merge = listAction(tr("Merge Actor Into… (actor list)"),
                                QKeySequence(Qt::CTRL | Qt::Key_M), &ActorPanel::mergeSelected);
    // Buttons and the context menu show short names; the help lists the long ones.
    rename->setIconText(tr("Rename…"));
    alias->setIconText(tr("Add Alias…"));
    merge->setIconText(tr("Merge Into…"));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(4, 0, 4, 4);
    for (QAction *action : {rename, alias, merge}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::NoFocus); // the keys work from the list
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT actorActivated(m_model->actor(index.row()).id);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_suggestionBar);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

qint64 ActorPanel::selectedActorId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(ActorListModel::ActorIdRole).toLongLong();
}

void ActorPanel::selectActor(qint64 actorId)
{
    const int row = m_model->rowOf(actorId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ActorPanel::setSuggestion(const QString &text, const Actor &actor)
{
    m_suggested = actor.id;
    m_suggestionBar->setVisible(actor.id != 0);
    if (!actor.id)
        return;
    m_suggestion->setText(tr("“%1” may be %2").arg(text.simplified().left(60), actor.name));
    m_link->setText(tr("&Link to %1").arg(actor.name));
}

std::optional<Actor> ActorPanel::shownActor(qint64 actorId) const
{
    const int row = m_model->rowOf(actorId);
    return row < 0 ? std::nullopt : std::optional<Actor>(m_model->actor(row));
}

bool ActorPanel::push(StoreCommand *command)
{
    // Asked in redo and undo alike, whenever another coder got there first.
    command->setConflictHandler(ConflictPrompt(m_session, this));
    const int step = m_undo->index();
    m_undo->push(command);
    return m_undo->index() > step;
}

bool ActorPanel::renameActor(qint64 actorId, const QString &name)
{
    // Edits start from the actor as the list shows it (with its version),
    // so another coder's change since is noticed instead of overwritten.
    const auto old = shownActor(actorId);
    if (!old || name.trimmed().isEmpty() || name.trimmed() == old->name)
        return false;
    Actor after = *old;
    after.name = name.trimmed();
    // The old name keeps finding the actor.
    if (!after.aliases.contains(old->name, Qt::CaseInsensitive))
        after.aliases.append(old->name);
    after.aliases.removeIf(
        [&](const QString &a) { return a.compare(after.name, Qt::CaseInsensitive) == 0; });
    return push(new EditActorCommand(m_session, *old, after, m_onError));
}

bool ActorPanel::addAlias(qint64 actorId, const QString &alias)
{
    const auto old = shownActor(actorId);
    if (!old || alias.trimmed().isEmpty()
        || old->aliases.contains(alias.trimmed(), Qt::CaseInsensitive))
        return false;
    Actor after = *old;
    after.aliases.append(alias.trimmed());
    return push(new EditActorCommand(m_session, *old, after, m_onError));
}

bool ActorPanel::mergeActors(qint64 keptId, qint64 droppedId)
{
    const auto kept = shownActor(keptId);
    const auto dropped = shownActor(droppedId);
    if (!kept || !dropped || keptId == droppedId)
        return false;
    const bool merged = push(new MergeActorsCommand(m_session, *kept, *dropped, m_onError));
    selectActor(keptId);
    return merged;
}

void ActorPanel::renameSelected()
{
    const auto actor = shownActor(selectedActorId());
    if (!actor)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Actor"), tr("New name:"),
                                               QLineEdit::Normal, actor->name, &ok);
    if (ok)
        renameActor(actor->id, name);
}

void ActorPanel::addAliasToSelected()
{
    const auto actor = shownActor(selectedActorId());
    if (!actor)
        return;
    bool ok = false;
    const QString alias
        = QInputDialog::getText(this, tr("Add Alias"), LiteralText::html(tr("Another name for %1:").arg(actor->name)),
                                QLineEdit::Normal, QString(), &ok);
    if (ok)
        addAlias(actor->id, alias);
}

void ActorPanel::mergeSelected()
{
    const auto dropped = shownActor(selectedActorId());
    if (!dropped)
        return;
    QStringList names;
    QList<qint64> ids;
    // The list already holds every actor: no second read of the store.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Actor a = m_model->actor(row);
        if (a.id != dropped->id) {
            names << a.name;
            ids << a.id;
        }
    }
    if (names.isEmpty())
        return;
    bool ok = false;
    const QString kept = QInputDialog::getItem(
        this, tr("Merge Actors"),
        LiteralText::html(tr("Merge “%1” into (its mentions, claims and names move there):").arg(dropped->name)),
        names, 0, false, &ok);
    if (ok)
        mergeActors(ids.value(names.indexOf(kept)), dropped->id);
}
