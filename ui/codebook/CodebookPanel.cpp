#include "codebook/CodebookPanel.h"

#include "codebook/CodeDetailsDialog.h"
#include "codebook/CodebookEditor.h"
#include "codebook/CodebookModel.h"
#include "codebook/MergeCodesDialog.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QColorDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <functional>
#include <limits>

namespace {
// The code a tree row sits under, or 0 when it sits directly in a category.
qint64 parentCodeId(const QModelIndex &parent)
{
    return parent.data(CodebookModel::IsCategoryRole).toBool()
        ? 0
        : parent.data(CodebookModel::CodeIdRole).toLongLong();
}
} // namespace

CodebookPanel::CodebookPanel(ProjectSession &store, QWidget *parent)
    : QWidget(parent)
    , m_session(store)
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
    // Every edit resets the model: keep the user's place in the tree.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &CodebookPanel::rememberCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CodebookPanel::restoreCurrent);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(CodebookModel::IsCategoryRole).toBool())
            Q_EMIT codeActivated(index.data(CodebookModel::CodeIdRole).toLongLong());
    });

    const auto button = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setAutoRaise(true);
        b->setEnabled(false);
        return b;
    };
    m_addCodeButton
        = button(tr("+ Code"), QStringLiteral("addCodeButton"), tr("Add a code (Insert)"));
    m_addCategoryButton
        = button(tr("+ Category"), QStringLiteral("addCategoryButton"), tr("Add a category"));
    m_moreButton
        = button(tr("Edit"), QStringLiteral("codebookEditButton"), tr("Edit the codebook"));
    m_moreButton->setPopupMode(QToolButton::InstantPopup);
    connect(m_addCodeButton, &QToolButton::clicked, this, &CodebookPanel::addCode);
    connect(m_addCategoryButton, &QToolButton::clicked, this, &CodebookPanel::addCategory);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    bar->addWidget(m_addCodeButton);
    bar->addWidget(m_addCategoryButton);
    bar->addStretch(1);
    bar->addWidget(m_moreButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 8, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    createActions();
}

void CodebookPanel::createActions()
{
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("codebookMenu"));
    const auto add = [this](const QString &text, const QString &name, const QKeySequence &key,
                            auto slot, bool codeOnly) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        // Shown in the menu; the keys themselves are handled on the tree,
        // so they never fight the window's own Delete and arrows.
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_menu->addAction(action);
        m_editActions.append(action);
        if (codeOnly)
            m_codeOnlyActions.append(action);
        return action;
    };
    add(tr("Add &Code"), QStringLiteral("addCodeAction"), QKeySequence(Qt::Key_Insert),
        &CodebookPanel::addCode, false);
    add(tr("Add &Sub-code"), QStringLiteral("addSubCodeAction"),
        QKeySequence(Qt::SHIFT | Qt::Key_Insert), &CodebookPanel::addSubCode, true);
    add(tr("Add C&ategory"), QStringLiteral("addCategoryAction"), {}, &CodebookPanel::addCategory,
        false);
    m_menu->addSeparator();
    add(tr("&Rename"), QStringLiteral("renameAction"), QKeySequence(Qt::Key_F2),
        &CodebookPanel::renameCurrent, false);
    add(tr("C&olour…"), QStringLiteral("colourAction"), {}, &CodebookPanel::recolourCurrent, false);
    add(
        tr("&Description and Examples…"), QStringLiteral("detailsAction"), {},
        [this] { editDetailsOfCurrent(false); }, true);
    add(
        tr("Set S&hortcut…"), QStringLiteral("shortcutAction"), {},
        [this] { editDetailsOfCurrent(true); }, true);
    m_menu->addSeparator();
    add(
        tr("Move &Up"), QStringLiteral("moveUpAction"), QKeySequence(Qt::ALT | Qt::Key_Up),
        [this] { moveCurrent(-1); }, false);
    add(
        tr("Move Do&wn"), QStringLiteral("moveDownAction"), QKeySequence(Qt::ALT | Qt::Key_Down),
        [this] { moveCurrent(1); }, false);
    add(tr("&Nest Under Code Above"), QStringLiteral("indentAction"),
        QKeySequence(Qt::ALT | Qt::Key_Right), &CodebookPanel::indentCurrent, true);
    add(tr("Move Ou&t a Level"), QStringLiteral("outdentAction"),
        QKeySequence(Qt::ALT | Qt::Key_Left), &CodebookPanel::outdentCurrent, true);
    m_menu->addSeparator();
    add(tr("&Merge Into…"), QStringLiteral("mergeAction"), {}, &CodebookPanel::mergeCurrent, true);
    add(tr("De&lete…"), QStringLiteral("deleteCodeAction"), QKeySequence(Qt::Key_Delete),
        &CodebookPanel::deleteCurrent, false);
    m_moreButton->setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &CodebookPanel::updateActions);
    for (QAction *a : std::as_const(m_editActions))
        a->setEnabled(false);
}

void CodebookPanel::enableEditing(QUndoStack *undo)
{
    m_editor = new CodebookEditor(m_session, undo, this);
    m_model->setEditor(m_editor);
    const bool writable = m_editor->isWritable();
    m_view->setEditTriggers(writable ? QAbstractItemView::EditKeyPressed
                                     : QAbstractItemView::NoEditTriggers);
    m_view->setDragEnabled(writable);
    m_view->setAcceptDrops(writable);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(writable ? QAbstractItemView::InternalMove
                                     : QAbstractItemView::NoDragDrop);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &CodebookPanel::showContextMenu);
    m_view->installEventFilter(this);
    for (QToolButton *b : {m_addCodeButton, m_addCategoryButton, m_moreButton})
        b->setEnabled(writable);
    updateActions();
}

void CodebookPanel::addContextAction(QAction *action)
{
    if (m_extraActions.isEmpty())
        m_menu->addSeparator();
    m_extraActions.append(action);
    m_menu->addAction(action);
}

void CodebookPanel::updateActions()
{
    const bool writable = m_editor && m_editor->isWritable();
    const bool hasCurrent = m_view->currentIndex().isValid();
    for (QAction *a : std::as_const(m_editActions))
        a->setEnabled(writable && (hasCurrent || a->objectName().startsWith(QLatin1String("add"))));
    for (QAction *a : std::as_const(m_codeOnlyActions))
        a->setEnabled(a->isEnabled() && currentCodeId() != 0);
}

void CodebookPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    m_menu->popup(m_view->viewport()->mapToGlobal(pos));
}

qint64 CodebookPanel::currentCodeId() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || index.data(CodebookModel::IsCategoryRole).toBool())
        return 0;
    return index.data(CodebookModel::CodeIdRole).toLongLong();
}

qint64 CodebookPanel::currentCategoryId() const
{
    return m_view->currentIndex().data(CodebookModel::CategoryIdRole).toLongLong();
}

void CodebookPanel::selectCode(qint64 codeId)
{
    const QModelIndex index = m_model->indexOfCode(codeId);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

void CodebookPanel::selectCategory(qint64 categoryId)
{
    const QModelIndex index = m_model->indexOfCategory(categoryId);
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void CodebookPanel::rememberCurrent()
{
    m_savedCode = currentCodeId();
    m_savedCategory = m_savedCode ? 0 : currentCategoryId();
}

void CodebookPanel::restoreCurrent()
{
    m_view->expandAll();
    if (m_savedCode)
        selectCode(m_savedCode);
    else if (m_savedCategory)
        selectCategory(m_savedCategory);
    updateActions();
}

// ---------------------------------------------------------------- edits

bool CodebookPanel::addCode()
{
    if (!m_editor)
        return false;
    const QModelIndex current = m_view->currentIndex();
    qint64 categoryId = currentCategoryId();
    qint64 parentId = 0;
    int row = std::numeric_limits<int>::max();
    if (currentCodeId()) {
        // Right after the current code, beside it.
        parentId = parentCodeId(current.parent());
        row = current.row() + 1;
    }
    if (!categoryId) {
        const auto categories = m_session.codebook().categories();
        categoryId
            = categories.isEmpty() ? m_editor->addCategory(tr("Custom")) : categories.first().id;
        if (!categoryId)
            return false;
    }
    const qint64 id = m_editor->addCode(categoryId, parentId, row);
    if (!id)
        return false;
    selectCode(id);
    m_view->setFocus(Qt::OtherFocusReason);
    m_view->edit(m_view->currentIndex()); // type the name straight away
    return true;
}

bool CodebookPanel::addSubCode()
{
    const qint64 parent = currentCodeId();
    if (!m_editor || !parent)
        return false;
    const qint64 id
        = m_editor->addCode(currentCategoryId(), parent, std::numeric_limits<int>::max());
    if (!id)
        return false;
    selectCode(id);
    m_view->edit(m_view->currentIndex());
    return true;
}

bool CodebookPanel::addCategory()
{
    if (!m_editor)
        return false;
    const qint64 id = m_editor->addCategory();
    if (!id)
        return false;
    selectCategory(id);
    m_view->setFocus(Qt::OtherFocusReason);
    m_view->edit(m_view->currentIndex());
    return true;
}

bool CodebookPanel::renameCurrent()
{
    if (!m_editor || !m_view->currentIndex().isValid())
        return false;
    m_view->setFocus(Qt::OtherFocusReason);
    m_view->edit(m_view->currentIndex());
    return true;
}

bool CodebookPanel::recolourCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (!m_editor || !index.isValid())
        return false;
    QColorDialog dialog(index.data(CodebookModel::ColourRole).value<QColor>(), this);
    dialog.setObjectName(QStringLiteral("codeColourDialog"));
    dialog.setWindowTitle(tr("Colour of “%1”").arg(index.data(Qt::EditRole).toString()));
    dialog.setOption(QColorDialog::DontUseNativeDialog);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QColor colour = dialog.selectedColor();
    // As the tree showed it when the dialog opened.
    if (const auto code = m_model->code(currentCodeId()))
        return m_editor->setCodeColour(*code, colour);
    const auto category = m_model->category(currentCategoryId());
    return category && m_editor->setCategoryColour(*category, colour);
}

bool CodebookPanel::editDetailsOfCurrent(bool focusShortcut)
{
    // The code as the tree shows it: if another coder changes it while the
    // dialog is open, saving asks before overwriting.
    const auto code = m_model->code(currentCodeId());
    if (!m_editor || !code)
        return false;
    CodeDetailsDialog dialog(m_session, *code, this);
    if (focusShortcut)
        dialog.focusShortcut();
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return m_editor->setCodeDetails(*code, dialog.description(), dialog.shortcut());
}

bool CodebookPanel::mergeCurrent()
{
    const auto source = m_model->code(currentCodeId());
    if (!m_editor || !source)
        return false;
    MergeCodesDialog dialog(m_session, source->id, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.targetId())
        return false;
    const qint64 target = dialog.targetId();
    if (!m_editor->mergeCodes(*source, target))
        return false;
    selectCode(target);
    return true;
}

bool CodebookPanel::deleteCurrent()
{
    if (!m_editor || !m_view->currentIndex().isValid())
        return false;
    const qint64 codeId = currentCodeId();
    if (!codeId) {
        // Categories go only when empty; the store says so otherwise.
        const auto category = m_model->category(currentCategoryId());
        return category && m_editor->deleteCategory(*category);
    }
    // As the tree shows it (another coder's change since makes it ask).
    const auto code = m_model->code(codeId);
    if (!code)
        return false;
    const CodeRemoval preview = m_session.codebook().removalPreview(codeId);
    QString text = tr("Delete the code “%1”?").arg(code->name);
    QString details;
    const int touched = preview.touchedAnnotations;
    const int removed = int(preview.annotations.size());
    const int subCodes = int(preview.codes.size() - 1);
    if (touched == 0)
        details = tr("No annotation carries it.");
    else if (touched == 1)
        details = tr("It is applied to 1 annotation.");
    else
        details = tr("It is applied to %1 annotations.").arg(touched);
    if (removed == 1 && touched == 1)
        details += QLatin1Char(' ') + tr("It carries no other code and will be deleted with it.");
    else if (removed > 0)
        details += QLatin1Char(' ')
            + tr("%1 of them carry no other code and will be deleted with it.").arg(removed);
    if (subCodes == 1)
        details += QLatin1Char(' ') + tr("Its sub-code goes too.");
    else if (subCodes > 1)
        details += QLatin1Char(' ') + tr("Its %1 sub-codes go too.").arg(subCodes);
    details += QLatin1Char(' ') + tr("Ctrl+Z brings everything back.");
    QMessageBox box(QMessageBox::Question, tr("Delete Code"), text, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("deleteCodeConfirmation"));
    box.setTextFormat(Qt::PlainText); // the code's name as it is
    box.setInformativeText(details);
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return false;
    return m_editor->deleteCode(*code);
}

bool CodebookPanel::moveCurrent(int delta)
{
    const QModelIndex index = m_view->currentIndex();
    if (!m_editor || !index.isValid())
        return false;
    const int row = index.row() + delta;
    if (row < 0 || row >= m_model->rowCount(index.parent()))
        return false;
    if (const auto code = m_model->code(currentCodeId()))
        return m_editor->moveCode(*code, currentCategoryId(), parentCodeId(index.parent()), row);
    const auto category = m_model->category(currentCategoryId());
    return category && m_editor->moveCategory(*category, row);
}

bool CodebookPanel::indentCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    const auto code = m_model->code(currentCodeId());
    if (!m_editor || !code || index.row() == 0)
        return false;
    const QModelIndex above = index.siblingAtRow(index.row() - 1);
    return m_editor->moveCode(*code, currentCategoryId(),
                              above.data(CodebookModel::CodeIdRole).toLongLong(),
                              m_model->rowCount(above));
}

bool CodebookPanel::outdentCurrent()
{
    const QModelIndex parent = m_view->currentIndex().parent();
    const auto code = m_model->code(currentCodeId());
    if (!m_editor || !code || parent.data(CodebookModel::IsCategoryRole).toBool())
        return false;
    return m_editor->moveCode(*code, currentCategoryId(), parentCodeId(parent.parent()),
                              parent.row() + 1);
}

// ---------------------------------------------------------------- keys

bool CodebookPanel::handleKey(int key, Qt::KeyboardModifiers modifiers, bool dryRun)
{
    modifiers &= ~Qt::KeypadModifier;
    std::function<bool()> edit;
    if (key == Qt::Key_Insert && modifiers == Qt::NoModifier)
        edit = [this] { return addCode(); };
    else if (key == Qt::Key_Insert && modifiers == Qt::ShiftModifier)
        edit = [this] { return addSubCode(); };
    else if (key == Qt::Key_Delete && modifiers == Qt::NoModifier)
        edit = [this] { return deleteCurrent(); };
    else if (modifiers == Qt::AltModifier && key == Qt::Key_Up)
        edit = [this] { return moveCurrent(-1); };
    else if (modifiers == Qt::AltModifier && key == Qt::Key_Down)
        edit = [this] { return moveCurrent(1); };
    else if (modifiers == Qt::AltModifier && key == Qt::Key_Right)
        edit = [this] { return indentCurrent(); };
    else if (modifiers == Qt::AltModifier && key == Qt::Key_Left)
        edit = [this] { return outdentCurrent(); };
    if (!edit)
        return false;
    if (!dryRun)
        edit();
    return true;
}

bool CodebookPanel::eventFilter(QObject *watched, QEvent *event)
{
    // While a name is being edited the keys go to the line edit, not here.
    if (watched == m_view && m_editor && m_editor->isWritable()) {
        if (event->type() == QEvent::ShortcutOverride) {
            // Claim these keys before the window's shortcuts (its Delete
            // removes annotations) see them.
            auto *key = static_cast<QKeyEvent *>(event);
            if (handleKey(key->key(), key->modifiers(), true)) {
                event->accept();
                return true;
            }
        } else if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (handleKey(key->key(), key->modifiers(), false))
                return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
