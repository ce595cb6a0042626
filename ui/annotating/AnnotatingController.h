#pragma once

#include "commands/StoreCommand.h"
#include "domain/Annotation.h"

#include <QObject>
#include <optional>

class ActorPanel;
class ClaimForm;
class MainWindow;
class QAction;
class QDockWidget;
class QMenu;
class QString;
class QUndoCommand;
class SpanDragger;

// The annotation workbench on top of the main window: the quick-code
// palette (Ctrl+K), repeat last code, several codes on one span, span
// adjustment from the keyboard (Shift+arrows in the annotation list) and
// from a selection, word snapping, coding every occurrence of a phrase,
// whole-article codes with a primary flag, the claim form and the actor
// dock. Everything goes through undoable commands on the window's stack.
class AnnotatingController final : public QObject
{
    Q_OBJECT

public:
    enum class Edge
    {
        Start,
        End
    };
    enum class Step
    {
        Character,
        Word
    };

    explicit AnnotatingController(MainWindow &window);

    // After the window built its panels for a store; before it drops them.
    void attach();
    void detach();

    QMenu *menu() const { return m_menu; }
    QList<QAction *> actions() const; // for the shortcuts help
    QDockWidget *actorDock() const { return m_actorDock; }
    QDockWidget *claimDock() const { return m_claimDock; }
    ActorPanel *actorPanel() const { return m_actorPanel; }
    ClaimForm *claimForm() const { return m_claimForm; }
    QAction *snapAction() const { return m_snap; }
    qint64 lastCodeId() const { return m_lastCode; }

    // Hook for MainWindow::applyCode: adds the code to an existing
    // annotation when there is no text selection (the selected annotation)
    // or the selection is exactly an annotation's span. Returns the outcome
    // if it handled the request, nothing if a new annotation is wanted.
    std::optional<bool> applyToExisting(qint64 codeId);
    void noteCodeApplied(qint64 codeId) { m_lastCode = codeId; }
    // The reader paints spans; whole-article codes live in the list only.
    static QList<Annotation> spanAnnotations(const QList<Annotation> &annotations);

    void openPalette(bool wholeArticle);
    // Palette over the selected annotation's codes; Enter takes one away.
    void openRemoveCodePalette();
    bool applyToWholeArticle(qint64 codeId, bool primary);
    bool repeatLastCode();
    bool adjustSelected(Edge edge, int direction, Step step);
    bool setSpanToSelection();
    // Alt+drag in the reader ends here: one undoable boundary change.
    bool setSpan(qint64 annotationId, qint64 start, qint64 end);
    void codeEveryOccurrence();
    bool codeOccurrences(const QList<std::pair<qint64, qint64>> &spans, qint64 codeId);
    bool togglePrimary();
    // Asks for the note of the selected annotation (or the one the text
    // selection covers exactly); setNote writes it as one undoable step.
    bool editNote();
    bool setNote(qint64 annotationId, const QString &note);
    bool createActorFromSelection();
    bool linkActor(qint64 actorId);
    qint64 selectedAnnotationId() const;

private:
    void createActions();
    void updateSelectionViews();
    void updateSuggestion();
    QString selectedText() const;
    // The current coder's annotation on exactly this span, from the reader.
    const Annotation *sameSpanAnnotation(qint64 start, qint64 end) const;
    // Same-span annotation of a text selection, else the selected annotation.
    qint64 targetAnnotationId() const;
    qint64 mentionCodeId() const;
    void reselect(qint64 annotationId);
    void message(const QString &text);
    // Every command reports to the window and marks m_failed, so push()
    // can tell whether the store took it.
    StoreCommand::ErrorHandler errorHandler();
    bool push(QUndoCommand *command);

    MainWindow &m_window;
    QMenu *m_menu = nullptr;
    QDockWidget *m_actorDock = nullptr;
    QDockWidget *m_claimDock = nullptr;
    ActorPanel *m_actorPanel = nullptr;
    ClaimForm *m_claimForm = nullptr;
    QList<QAction *> m_actions;
    QList<QAction *> m_listActions;
    QAction *m_snap = nullptr;
    SpanDragger *m_dragger = nullptr;
    qint64 m_lastCode = 0;
    bool m_failed = false;
};
