#pragma once

#include "domain/Actor.h"

#include <QWidget>
#include <functional>
#include <optional>

class ActorListModel;
class StoreCommand;
class ProjectSession;
class QLabel;
class QPushButton;
class QTreeView;
class QUndoStack;

// The actor list dock: canonical actors with aliases and mention counts
// across the project; rename (F2), add an alias (Ins), merge into another
// (Ctrl+M). Above it, a suggestion when the selected text names a known
// actor ("Kim" -> Kim Jong Un). Every change is an undoable command.
class ActorPanel final : public QWidget
{
    Q_OBJECT

public:
    ActorPanel(ProjectSession &store, QUndoStack *undo, std::function<void(const QString &)> onError,
               QWidget *parent = nullptr);

    ActorListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLabel *suggestionLabel() const { return m_suggestion; }
    QPushButton *linkButton() const { return m_link; }

    qint64 selectedActorId() const; // 0 = none
    void selectActor(qint64 actorId);
    // Shows "text may be <actor>" with a Link button, or hides it (no actor).
    void setSuggestion(const QString &text, const Actor &actor);
    qint64 suggestedActorId() const { return m_suggested; }

    bool renameActor(qint64 actorId, const QString &name);
    bool addAlias(qint64 actorId, const QString &alias);
    bool mergeActors(qint64 keptId, qint64 droppedId);

Q_SIGNALS:
    void linkRequested(qint64 actorId); // the suggestion's Link button
    void actorActivated(qint64 actorId); // Enter or double-click in the list

private:
    // The actor as the list shows it (with its version); edits start there.
    std::optional<Actor> shownActor(qint64 actorId) const;
    bool push(StoreCommand *command); // false if refused or reloaded
    void renameSelected();
    void addAliasToSelected();
    void mergeSelected();

    ProjectSession &m_session;
    QUndoStack *m_undo;
    std::function<void(const QString &)> m_onError;
    ActorListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_suggestion = nullptr;
    QPushButton *m_link = nullptr;
    QWidget *m_suggestionBar = nullptr;
    qint64 m_suggested = 0;
};
