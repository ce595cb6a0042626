#include "annotating/AnnotatingController.h"

#include "actors/ActorPanel.h"
#include "commands/AddAnnotationCommand.h"
#include "annotating/AnnotationPanel.h"
#include "annotating/ClaimForm.h"
#include "shell/MainWindow.h"
#include "codebook/OccurrencesDialog.h"
#include "annotating/QuickCodePalette.h"
#include "reader/ReaderView.h"
#include "reader/SpanDragger.h"
#include "commands/AddAnnotationsCommand.h"
#include "commands/AdjustSpanCommand.h"
#include "commands/AnnotationCodeCommand.h"
#include "commands/ConflictPrompt.h"
#include "commands/CreateActorCommand.h"
#include "commands/LinkActorCommand.h"
#include "commands/SetNoteCommand.h"
#include "commands/SetPrimaryCommand.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/GraphemeBoundaries.h"
#include "text/PhraseFinder.h"
#include "text/TextOffsets.h"
#include "text/WordBoundaries.h"

#include <QAction>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QInputDialog>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>

AnnotatingController::AnnotatingController(MainWindow &window)
    : QObject(&window)
    , m_window(window)
{
    m_actorDock = new QDockWidget(tr("Actors"), &window);
    m_actorDock->setObjectName(QStringLiteral("actorDock"));
    m_claimDock = new QDockWidget(tr("Claim"), &window);
    m_claimDock->setObjectName(QStringLiteral("claimDock"));
    for (QDockWidget *dock : {m_actorDock, m_claimDock}) {
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                          | QDockWidget::DockWidgetFloatable);
    }
    window.addDockWidget(Qt::LeftDockWidgetArea, m_actorDock);
    window.addDockWidget(Qt::RightDockWidgetArea, m_claimDock);
    createActions();

    connect(window.reader(), &QTextEdit::selectionChanged, this,
            &AnnotatingController::updateSuggestion);
    m_dragger = new SpanDragger(
        window.reader(), [this] { return selectedAnnotationId(); },
        [this](qint64 id, qint64 start, qint64 end) { setSpan(id, start, end); }, this);
}

void AnnotatingController::createActions()
{
    const auto make = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        if (!key.isEmpty())
            action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_window.addAction(action);
        m_actions.append(action);
        return action;
    };
    m_menu = new QMenu(tr("&Annotate"), &m_window);
    m_menu->addAction(make(tr("&Quick Code…"), QKeySequence(Qt::CTRL | Qt::Key_K),
                           [this] { openPalette(false); }));
    m_menu->addAction(make(tr("Code the &Whole Article…"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                           [this] { openPalette(true); }));
    m_menu->addAction(make(tr("Remove a Code from the Annotation…"),
                           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K),
                           [this] { openRemoveCodePalette(); }));
    m_menu->addAction(
        make(tr("&Repeat Last Code"), QKeySequence(Qt::Key_Period), [this] { repeatLastCode(); }));
    m_menu->addAction(make(tr("Code &Every Occurrence…"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                           [this] { codeEveryOccurrence(); }));
    m_menu->addAction(make(tr("Toggle &Primary"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                           [this] { togglePrimary(); }));
    m_menu->addAction(make(tr("Edit &Note…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N),
                           [this] { editNote(); }));
    m_menu->addSeparator();
    m_menu->addAction(make(tr("&Set Span to Selection"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                           [this] { setSpanToSelection(); }));
    m_snap
        = make(tr("Snap to &Word Boundaries"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
               [](bool on) { QSettings().setValue(QStringLiteral("annotating/snapToWords"), on); });
    m_snap->setCheckable(true);
    m_snap->setChecked(QSettings().value(QStringLiteral("annotating/snapToWords"), false).toBool());
    m_menu->addAction(m_snap);

    // Boundary keys act on the selected annotation while the annotation
    // list has focus; in the reader Shift+arrows keep selecting text.
    QMenu *adjust = m_menu->addMenu(tr("&Adjust Span"));
    struct Key
    {
        QString text;
        QKeyCombination key;
        Edge edge;
        int direction;
        Step step;
    };
    const QList<Key> keys = {
        {tr("Move End Right (annotation list)"), Qt::SHIFT | Qt::Key_Right, Edge::End, 1,
         Step::Character},
        {tr("Move End Left (annotation list)"), Qt::SHIFT | Qt::Key_Left, Edge::End, -1,
         Step::Character},
        {tr("Move Start Left (annotation list)"), Qt::ALT | Qt::SHIFT | Qt::Key_Left, Edge::Start,
         -1, Step::Character},
        {tr("Move Start Right (annotation list)"), Qt::ALT | Qt::SHIFT | Qt::Key_Right, Edge::Start,
         1, Step::Character},
        {tr("Move End Right by Word (annotation list)"), Qt::CTRL | Qt::SHIFT | Qt::Key_Right,
         Edge::End, 1, Step::Word},
        {tr("Move End Left by Word (annotation list)"), Qt::CTRL | Qt::SHIFT | Qt::Key_Left,
         Edge::End, -1, Step::Word},
        {tr("Move Start Left by Word (annotation list)"),
         Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_Left, Edge::Start, -1, Step::Word},
        {tr("Move Start Right by Word (annotation list)"),
         Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_Right, Edge::Start, 1, Step::Word},
    };
    for (const Key &k : keys) {
        auto *action = new QAction(k.text, this);
        action->setShortcut(QKeySequence(k.key));
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, [this, k] {
            adjustSelected(k.edge, k.direction, m_snap->isChecked() ? Step::Word : k.step);
        });
        adjust->addAction(action);
        m_listActions.append(action);
    }

    m_menu->addSeparator();
    m_menu->addAction(make(tr("&New Actor from Selection"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                           [this] { createActorFromSelection(); }));
    m_menu->addAction(
        make(tr("&Link Suggested Actor"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), [this] {
            if (m_actorPanel && m_actorPanel->suggestedActorId())
                linkActor(m_actorPanel->suggestedActorId());
            else
                message(tr("No actor matches the selection; Ctrl+Shift+N makes one"));
        }));
    m_menu->addSeparator();
    m_menu->addAction(
        make(tr("Go to Ac&tors"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), [this] {
            m_actorDock->show();
            m_actorDock->raise();
            if (m_actorPanel)
                m_actorPanel->view()->setFocus(Qt::ShortcutFocusReason);
        }));
    m_menu->addAction(
        make(tr("Go to Clai&m"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), [this] {
            m_claimDock->show();
            m_claimDock->raise();
            if (m_claimForm)
                m_claimForm->firstField()->setFocus(Qt::ShortcutFocusReason);
        }));
    m_menu->addAction(m_actorDock->toggleViewAction());
    m_menu->addAction(m_claimDock->toggleViewAction());
}

QList<QAction *> AnnotatingController::actions() const
{
    QList<QAction *> all = m_actions + m_listActions;
    if (m_actorPanel)
        all += m_actorPanel->view()->actions(); // rename, alias, merge: keys of the actor list
    return all;
}

void AnnotatingController::attach()
{
    ProjectSession &store = m_window.store();
    const auto onError = errorHandler();
    m_actorPanel = new ActorPanel(store, m_window.undoStack(), onError, m_actorDock);
    m_claimForm = new ClaimForm(store, m_window.undoStack(), onError, m_claimDock);
    m_actorDock->setWidget(m_actorPanel);
    m_claimDock->setWidget(m_claimForm);

    QTreeView *list = m_window.annotationPanel()->view();
    list->addActions(m_listActions);
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AnnotatingController::updateSelectionViews);
    connect(m_actorPanel, &ActorPanel::linkRequested, this, &AnnotatingController::linkActor);
    connect(m_actorPanel, &ActorPanel::actorActivated, this, &AnnotatingController::linkActor);
    connect(&store, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Aggregate::Actor))
            updateSuggestion();
    });
    QWidget::setTabOrder(list, m_actorPanel->view());
    m_lastCode = 0;
    updateSelectionViews();
}

void AnnotatingController::detach()
{
    delete m_actorPanel;
    delete m_claimForm;
    m_actorPanel = nullptr;
    m_claimForm = nullptr;
}

QList<Annotation> AnnotatingController::spanAnnotations(const QList<Annotation> &annotations)
{
    // Mostly nothing codes the whole article: the list is then shared, not copied.
    if (std::none_of(annotations.cbegin(), annotations.cend(),
                     [](const Annotation &a) { return a.document; }))
        return annotations;
    QList<Annotation> spans;
    spans.reserve(annotations.size());
    for (const Annotation &a : annotations) {
        if (!a.document)
            spans.append(a);
    }
    return spans;
}

qint64 AnnotatingController::selectedAnnotationId() const
{
    AnnotationPanel *panel = m_window.annotationPanel();
    const qint64 id = panel ? panel->selectedAnnotationId() : 0;
    return id ? id : m_window.reader()->currentAnnotationId();
}

void AnnotatingController::updateSelectionViews()
{
    if (m_claimForm)
        m_claimForm->setAnnotation(m_window.annotationPanel()->selectedAnnotationId());
    updateSuggestion();
}

QString AnnotatingController::selectedText() const
{
    const ReaderView *reader = m_window.reader();
    const auto span = reader->selectedSpan();
    if (!span)
        return {};
    const QString &text = reader->article().text;
    const TextOffsets offsets(text);
    const qsizetype from = offsets.toUtf16(span->start);
    return text.mid(from, offsets.toUtf16(span->end) - from);
}

void AnnotatingController::updateSuggestion()
{
    if (!m_actorPanel)
        return;
    try {
        QString text = selectedText();
        qint64 linked = 0;
        if (text.isEmpty()) {
            if (const auto a = m_window.store().annotations().get(selectedAnnotationId())) {
                text = a->quote;
                linked = a->actorId;
            }
        } else if (const auto span = m_window.reader()->selectedSpan();
                   const Annotation *same = sameSpanAnnotation(span->start, span->end)) {
            // Actor merges relink mentions without annotationsChanged, so the
            // reader's copy may be behind: ask the store for the link.
            if (const auto a = m_window.store().annotations().get(same->id))
                linked = a->actorId;
        }
        // Long selections are claims, not names.
        const QList<Actor> matches
            = text.size() <= 80 ? m_window.store().actors().matching(text) : QList<Actor> {};
        if (!matches.isEmpty() && matches.first().id != linked)
            m_actorPanel->setSuggestion(text, matches.first());
        else
            m_actorPanel->setSuggestion({}, Actor {});
    } catch (const ProjectError &) {
        m_actorPanel->setSuggestion({}, Actor {});
    }
}

const Annotation *AnnotatingController::sameSpanAnnotation(qint64 start, qint64 end) const
{
    // The reader's copy: spans and codes follow annotationsChanged, actor
    // links may lag (see updateSuggestion).
    const QString coder = m_window.store().coders().current();
    for (const Annotation &a : m_window.reader()->annotations()) {
        if (a.start == start && a.end == end && !a.document && a.coderName == coder)
            return &a;
    }
    return nullptr;
}

qint64 AnnotatingController::targetAnnotationId() const
{
    const auto span = m_window.reader()->selectedSpan();
    if (!span)
        return selectedAnnotationId();
    const Annotation *same = sameSpanAnnotation(span->start, span->end);
    return same ? same->id : 0;
}

StoreCommand::ErrorHandler AnnotatingController::errorHandler()
{
    return [this](const QString &text) {
        m_failed = true;
        m_window.showError(text);
    };
}

bool AnnotatingController::push(QUndoCommand *command)
{
    // A refused command reports through errorHandler() during push().
    m_failed = false;
    m_window.undoStack()->push(command);
    return !m_failed;
}

std::optional<bool> AnnotatingController::applyToExisting(qint64 codeId)
{
    const qint64 target = targetAnnotationId();
    if (!target)
        return std::nullopt;
    const auto annotation = m_window.store().annotations().get(target);
    if (!annotation)
        return std::nullopt;
    const auto code = m_window.store().codebook().code(codeId);
    m_lastCode = codeId;
    if (annotation->codeIds.contains(codeId)) {
        message(tr("Already coded as %1").arg(code ? code->name : QString()));
        reselect(target);
        return true;
    }
    if (!push(new AnnotationCodeCommand(m_window.store(), target, codeId,
                                        AnnotationCodeCommand::Change::Add, errorHandler())))
        return false;
    reselect(target);
    message(tr("Added %1 to “%2”")
                .arg(code ? code->name : QString(), annotation->quote.simplified().left(60)));
    return true;
}

void AnnotatingController::reselect(qint64 annotationId)
{
    if (AnnotationPanel *panel = m_window.annotationPanel())
        panel->selectAnnotation(annotationId);
    updateSelectionViews();
}

void AnnotatingController::openPalette(bool wholeArticle)
{
    if (m_window.store().isReadOnly()) {
        message(tr("This project is read-only"));
        return;
    }
    if (wholeArticle && !m_window.reader()->articleId()) {
        message(tr("Open an article first"));
        return;
    }
    auto *palette
        = new QuickCodePalette(m_window.store().codebook().codes(), m_window.store().codebook().categories(), &m_window);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->setWholeArticleMode(wholeArticle);
    connect(palette, &QuickCodePalette::codeChosen, this,
            [this, wholeArticle](qint64 codeId, bool primary) {
                if (wholeArticle)
                    applyToWholeArticle(codeId, primary);
                else
                    m_window.applyCode(codeId);
            });
    palette->open();
    palette->activateWindow();
    palette->searchEdit()->setFocus(Qt::PopupFocusReason);
}

void AnnotatingController::openRemoveCodePalette()
{
    const auto annotation = m_window.store().annotations().get(selectedAnnotationId());
    if (!annotation || m_window.store().isReadOnly()) {
        message(tr("Select an annotation first"));
        return;
    }
    QList<Code> codes;
    for (const Code &c : m_window.store().codebook().codes()) {
        if (annotation->codeIds.contains(c.id))
            codes.append(c);
    }
    auto *palette = new QuickCodePalette(codes, m_window.store().codebook().categories(), &m_window);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->setWindowTitle(tr("Remove a Code"));
    const qint64 id = annotation->id;
    connect(palette, &QuickCodePalette::codeChosen, this, [this, id](qint64 codeId) {
        if (push(new AnnotationCodeCommand(m_window.store(), id, codeId,
                                           AnnotationCodeCommand::Change::Remove, errorHandler())))
            reselect(id);
    });
    palette->open();
    palette->activateWindow();
    palette->searchEdit()->setFocus(Qt::PopupFocusReason);
}

bool AnnotatingController::applyToWholeArticle(qint64 codeId, bool primary)
{
    NewAnnotation request;
    request.articleId = m_window.reader()->articleId();
    request.document = true;
    request.primary = primary;
    request.codeIds = {codeId};
    auto *command = new AddAnnotationCommand(m_window.store(), request, errorHandler());
    command->setText(tr("Code Whole Article"));
    if (!push(command))
        return false;
    reselect(command->annotation().id);
    const auto code = m_window.store().codebook().code(codeId);
    message(tr("Coded the whole article as %1%2")
                .arg(code ? code->name : QString(), primary ? tr(" (primary)") : QString()));
    return true;
}

bool AnnotatingController::repeatLastCode()
{
    if (!m_lastCode || !m_window.store().codebook().code(m_lastCode)) {
        message(tr("No code applied yet; Ctrl+K finds one"));
        return false;
    }
    return m_window.applyCode(m_lastCode);
}

bool AnnotatingController::adjustSelected(Edge edge, int direction, Step step)
{
    const qint64 id = selectedAnnotationId();
    const auto annotation = m_window.store().annotations().get(id);
    if (!annotation || annotation->document) {
        message(tr("Select an annotation on a span to adjust it"));
        return false;
    }
    const QString &text = m_window.reader()->article().text;
    if (annotation->articleId != m_window.reader()->articleId())
        return false;
    const TextOffsets offsets(text);
    qint64 start = annotation->start;
    qint64 end = annotation->end;
    qint64 &moving = edge == Edge::Start ? start : end;
    const qsizetype pos = offsets.toUtf16(moving);
    qsizetype next = pos;
    // A character step is one user-perceived character: never into "e\u0301" or "👍🏽".
    if (step == Step::Character)
        next = direction > 0 ? GraphemeBoundaries::next(text, pos)
                             : GraphemeBoundaries::previous(text, pos);
    else if (edge == Edge::End)
        next = direction > 0 ? WordBoundaries::nextWordEnd(text, pos)
                             : WordBoundaries::previousWordEnd(text, pos);
    else
        next = direction > 0 ? WordBoundaries::nextWordStart(text, pos)
                             : WordBoundaries::previousWordStart(text, pos);
    moving = offsets.toCodePoint(next);
    start = qBound<qint64>(0, start, offsets.codePointCount());
    end = qBound<qint64>(0, end, offsets.codePointCount());
    if (end <= start || (start == annotation->start && end == annotation->end))
        return false; // a span keeps at least one character
    if (!push(new AdjustSpanCommand(m_window.store(), id, {annotation->start, annotation->end},
                                    {start, end}, errorHandler())))
        return false;
    reselect(id);
    m_window.reader()->scrollToSpan(start, end);
    return true;
}

bool AnnotatingController::setSpan(qint64 annotationId, qint64 start, qint64 end)
{
    const auto annotation = m_window.store().annotations().get(annotationId);
    if (!annotation || annotation->document || m_window.store().isReadOnly())
        return false;
    // Whole clusters always, whole words when snapping.
    const QString &text = m_window.reader()->article().text;
    const TextOffsets offsets(text);
    qsizetype a = offsets.toUtf16(start), b = offsets.toUtf16(end);
    GraphemeBoundaries::expand(text, a, b);
    if (m_snap->isChecked())
        WordBoundaries::expandToWords(text, a, b);
    start = offsets.toCodePoint(a);
    end = offsets.toCodePoint(b);
    if (start == annotation->start && end == annotation->end)
        return false;
    if (!push(new AdjustSpanCommand(m_window.store(), annotationId,
                                    {annotation->start, annotation->end}, {start, end},
                                    errorHandler())))
        return false;
    reselect(annotationId);
    return true;
}

bool AnnotatingController::setSpanToSelection()
{
    const qint64 id = selectedAnnotationId();
    const auto annotation = m_window.store().annotations().get(id);
    const auto span = m_window.reader()->selectedSpan();
    if (!annotation || annotation->document || !span) {
        message(tr("Select an annotation in the list, then the new text in the reader"));
        return false;
    }
    if (!setSpan(id, span->start, span->end))
        return false;
    message(tr("Span set to the selection"));
    return true;
}

void AnnotatingController::codeEveryOccurrence()
{
    const QString phrase = selectedText();
    if (phrase.trimmed().isEmpty()) {
        message(tr("Select a phrase in the reader first"));
        return;
    }
    if (m_window.store().isReadOnly())
        return;
    const QList<PhraseFinder::Hit> hits
        = PhraseFinder::find(m_window.reader()->article().text, phrase);
    qint64 defaultCode = m_lastCode;
    const auto span = m_window.reader()->selectedSpan();
    if (const Annotation *here = sameSpanAnnotation(span->start, span->end))
        defaultCode = here->codeIds.value(0, defaultCode);
    auto *dialog
        = new OccurrencesDialog(phrase, hits, m_window.store().codebook().codes(), defaultCode, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QList<std::pair<qint64, qint64>> spans;
        for (const PhraseFinder::Hit &hit : dialog->checkedHits())
            spans.append({hit.start, hit.end});
        codeOccurrences(spans, dialog->codeId());
    });
    dialog->open();
}

bool AnnotatingController::codeOccurrences(const QList<std::pair<qint64, qint64>> &spans,
                                           qint64 codeId)
{
    QList<NewAnnotation> requests;
    int already = 0;
    for (const auto &[start, end] : spans) {
        const Annotation *existing = sameSpanAnnotation(start, end);
        if (existing && existing->codeIds.contains(codeId)) {
            ++already; // never the same code twice on the same span
            continue;
        }
        NewAnnotation n;
        n.articleId = m_window.reader()->articleId();
        n.start = start;
        n.end = end;
        n.codeIds = {codeId};
        requests.append(n);
    }
    if (requests.isEmpty()) {
        message(tr("Every occurrence is already coded"));
        return false;
    }
    if (!push(new AddAnnotationsCommand(m_window.store(), requests, errorHandler())))
        return false;
    m_lastCode = codeId;
    QString text = requests.size() == 1 ? tr("Coded 1 occurrence")
                                        : tr("Coded %1 occurrences").arg(requests.size());
    if (already)
        text += tr("; %1 already coded").arg(already);
    message(text + tr(" — Ctrl+Z takes them all back"));
    return true;
}

bool AnnotatingController::togglePrimary()
{
    const qint64 id = selectedAnnotationId();
    const auto annotation = m_window.store().annotations().get(id);
    if (!annotation) {
        message(tr("Select an annotation to mark it primary"));
        return false;
    }
    const bool done
        = push(new SetPrimaryCommand(m_window.store(), id, !annotation->primary, errorHandler()));
    reselect(id);
    return done;
}

bool AnnotatingController::editNote()
{
    const qint64 id = targetAnnotationId();
    const auto annotation = m_window.store().annotations().get(id);
    if (!annotation) {
        message(tr("Select an annotation to write a note on it"));
        return false;
    }
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(
        &m_window, tr("Annotation Note"),
        tr("Note on “%1”:").arg(annotation->document ? tr("the whole article")
                                                      : annotation->quote.left(80)),
        annotation->note, &ok);
    return ok && setNote(id, note);
}

bool AnnotatingController::setNote(qint64 annotationId, const QString &note)
{
    const auto annotation = m_window.store().annotations().get(annotationId);
    if (!annotation || annotation->note == note)
        return false;
    const bool done = push(new SetNoteCommand(m_window.store(), annotationId, annotation->note,
                                              note, errorHandler()));
    reselect(annotationId);
    return done;
}

qint64 AnnotatingController::mentionCodeId() const
{
    // A mention is coded with an actor-kind code: the last one used, else
    // the first of the codebook.
    QSet<qint64> actorCategories;
    for (const Category &c : m_window.store().codebook().categories()) {
        if (c.kind == Category::Kind::Actor)
            actorCategories.insert(c.id);
    }
    const QList<Code> codes = m_window.store().codebook().codes();
    for (const Code &c : codes) {
        if (c.id == m_lastCode && actorCategories.contains(c.categoryId))
            return c.id;
    }
    for (const Code &c : codes) {
        if (actorCategories.contains(c.categoryId))
            return c.id;
    }
    return 0;
}

bool AnnotatingController::createActorFromSelection()
{
    if (m_window.store().isReadOnly())
        return false;
    QString name = selectedText().simplified();
    if (name.isEmpty()) {
        if (const auto a = m_window.store().annotations().get(selectedAnnotationId()))
            name = a->quote.simplified();
    }
    if (name.isEmpty() || name.size() > 120) {
        message(tr("Select a name in the reader (or a mention in the list) first"));
        return false;
    }
    for (const Actor &a : m_window.store().actors().matching(name)) {
        if (a.name.compare(name, Qt::CaseInsensitive) == 0
            || a.aliases.contains(name, Qt::CaseInsensitive)) {
            message(tr("“%1” is already an actor; linking to it").arg(a.name));
            return linkActor(a.id);
        }
    }
    Actor actor;
    actor.name = name;
    QUndoStack *undo = m_window.undoStack();
    undo->beginMacro(tr("New Actor “%1”").arg(name));
    auto *create = new CreateActorCommand(m_window.store(), actor, errorHandler());
    // Its undo asks, as the actor list's edits do, if another coder has
    // renamed the actor or added an alias since.
    create->setConflictHandler(ConflictPrompt(m_window.store(), &m_window));
    const qint64 actorId = push(create) ? create->actorId() : 0;
    if (actorId)
        linkActor(actorId); // inside the macro: one undo step takes both back
    undo->endMacro();
    if (!actorId)
        return false;
    if (m_actorPanel)
        m_actorPanel->selectActor(actorId);
    message(tr("New actor “%1” — F2 in the actor list renames it, Ins adds an alias").arg(name));
    return true;
}

bool AnnotatingController::linkActor(qint64 actorId)
{
    if (!actorId || m_window.store().isReadOnly())
        return false;
    const auto span = m_window.reader()->selectedSpan();
    qint64 target = targetAnnotationId();
    if (target) {
        const auto annotation = m_window.store().annotations().get(target);
        if (!annotation || annotation->actorId == actorId)
            return false;
        if (!push(new LinkActorCommand(m_window.store(), target, annotation->actorId, actorId,
                                       errorHandler())))
            return false;
    } else if (span) {
        // A new mention: the selection coded with an actor code, linked.
        const qint64 codeId = mentionCodeId();
        if (!codeId) {
            message(tr("The codebook has no actor codes to code the mention with"));
            return false;
        }
        NewAnnotation request;
        request.articleId = m_window.reader()->articleId();
        request.start = span->start;
        request.end = span->end;
        request.codeIds = {codeId};
        request.actorId = actorId;
        auto *command = new AddAnnotationCommand(m_window.store(), request, errorHandler());
        command->setText(tr("Add Mention"));
        target = push(command) ? command->annotation().id : 0;
    } else {
        message(tr("Select a mention in the reader or the list to link it"));
        return false;
    }
    if (!target)
        return false;
    reselect(target);
    const auto actor = m_window.store().actors().get(actorId);
    message(tr("Linked to %1").arg(actor ? actor->name : QString()));
    return true;
}

void AnnotatingController::message(const QString &text)
{
    m_window.statusBar()->showMessage(text, 6000);
}
