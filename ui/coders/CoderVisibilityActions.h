#pragma once

#include "commands/StoreCommand.h"
#include "domain/AnnotationVisibility.h"

#include <QObject>

class ChangeSet;
class ProjectSession;
class QAction;
class QLabel;
class QMenu;
class QUndoStack;
class QWidget;

// Whose annotations the reader and its lists show. View ▸ Coders: a
// checkable item per coder, with the coder's colour, and Show All Coders.
// Edit ▸ Blind Coding: the project's setting, changed through the undo
// stack. A badge for the status bar, shown while blind coding is on. Keeps
// the AnnotationVisibility the window applies and says when it changed.
class CoderVisibilityActions final : public QObject
{
    Q_OBJECT

public:
    CoderVisibilityActions(QUndoStack &undo, StoreCommand::ErrorHandler onError, QWidget *parent);

    // The open project, nullptr while there is none: its blind coding is
    // read and the coders hidden in the last one are shown again.
    void setSession(ProjectSession *session);
    // Whose annotations blind coding leaves in view.
    void setCurrentCoder(const QString &name);
    void setCoderShown(const QString &name, bool shown);
    void showAllCoders();
    // Turns blind coding on or off, one undoable command; false if the
    // project is read-only or the store refused.
    bool setBlindCoding(bool on);

    const AnnotationVisibility &visibility() const { return m_visibility; }
    QMenu *menu() const { return m_menu; }
    QAction *blindCodingAction() const { return m_blindAction; }
    QLabel *badge() const { return m_badge; }
    // Fills the menu from the project's coders; done each time it opens.
    void fillMenu();

Q_SIGNALS:
    void visibilityChanged();

private:
    // The action, badge and visibility as the project has it; true if
    // the visibility changed.
    bool syncBlindCoding();
    void readBlindCoding(); // the same, saying so if it changed

    QUndoStack &m_undo;
    StoreCommand::ErrorHandler m_onError;
    ProjectSession *m_session = nullptr;
    AnnotationVisibility m_visibility;
    QMenu *m_menu = nullptr;
    QAction *m_blindAction = nullptr;
    QLabel *m_badge = nullptr;
    QMetaObject::Connection m_changes;
    bool m_failed = false;
};
