#include "codebook/CodebookEditor.h"

#include "base/ProjectError.h"
#include "commands/AddCategoryCommand.h"
#include "commands/AddCodeCommand.h"
#include "commands/ConflictPrompt.h"
#include "commands/DeleteCategoryCommand.h"
#include "commands/DeleteCodeCommand.h"
#include "commands/EditCategoryCommand.h"
#include "commands/EditCodeCommand.h"
#include "commands/ImportCodebookCommand.h"
#include "commands/MergeCodesCommand.h"
#include "commands/MoveCodebookItemCommand.h"
#include "store/ProjectSession.h"

#include <QColor>
#include <QMessageBox>
#include <QUndoStack>

CodebookEditor::CodebookEditor(ProjectSession &store, QUndoStack *undo, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(store)
    , m_undo(undo)
    , m_dialogParent(dialogParent)
{
}

bool CodebookEditor::isWritable() const
{
    return !m_session.isReadOnly();
}

void CodebookEditor::fail(const QString &message)
{
    m_failed = true;
    // Non-blocking: the edit is already refused, this only tells why.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Codebook"), message, QMessageBox::Ok,
                                m_dialogParent);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setTextFormat(Qt::PlainText); // messages quote code and category names
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

StoreCommand::ErrorHandler CodebookEditor::onError()
{
    return [this](const QString &message) { fail(message); };
}

bool CodebookEditor::push(StoreCommand *command)
{
    // Asked in redo and undo alike, whenever another coder got there first.
    command->setConflictHandler(ConflictPrompt(m_session, m_dialogParent));
    // The stack runs redo() at once and drops a command that made itself
    // obsolete, so only look at the flag afterwards.
    m_failed = false;
    const int step = m_undo->index();
    m_undo->push(command);
    // Reload after a conflict drops the command without an error.
    return !m_failed && m_undo->index() > step;
}

QString CodebookEditor::uniqueCodeName(const QString &base) const
{
    QString name = base;
    for (int n = 2; m_session.codebook().codeByName(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

QString CodebookEditor::uniqueCategoryName(const QString &base) const
{
    QString name = base;
    for (int n = 2; m_session.codebook().categoryByName(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

qint64 CodebookEditor::addCode(qint64 categoryId, qint64 parentId, int row, const QString &name)
{
    Code code;
    code.categoryId = categoryId;
    code.parentId = parentId;
    code.name = name.isEmpty() ? uniqueCodeName(tr("New code")) : name;
    auto *command = new AddCodeCommand(m_session, code, row, onError());
    return push(command) ? command->codeId() : 0;
}

qint64 CodebookEditor::addCategory(const QString &name)
{
    Category category;
    category.name = name.isEmpty() ? uniqueCategoryName(tr("New category")) : name.trimmed();
    if (m_session.codebook().categoryByName(category.name)) {
        fail(tr("A category named “%1” already exists.").arg(category.name));
        return 0;
    }
    category.kind = Category::Kind::Custom;
    category.colour = QStringLiteral("#7a7a7a");
    category.position = int(m_session.codebook().categories().size());
    auto *command
        = new AddCategoryCommand(m_session, category, onError());
    return push(command) ? command->categoryId() : 0;
}

bool CodebookEditor::renameCode(const Code &before, const QString &name)
{
    if (before.name == name.trimmed())
        return true;
    Code after = before;
    after.name = name.trimmed();
    return push(new EditCodeCommand(m_session, before, after,
                                    tr("Rename Code “%1”").arg(before.name), onError()));
}

bool CodebookEditor::renameCategory(const Category &before, const QString &name)
{
    if (before.name == name.trimmed())
        return true;
    Category after = before;
    after.name = name.trimmed();
    return push(new EditCategoryCommand(m_session, before, after,
                                        tr("Rename Category “%1”").arg(before.name), onError()));
}

bool CodebookEditor::setCodeColour(const Code &before, const QColor &colour)
{
    if (!colour.isValid())
        return false;
    Code after = before;
    after.colour = colour.name(QColor::HexRgb);
    return push(new EditCodeCommand(m_session, before, after,
                                    tr("Recolour Code “%1”").arg(before.name), onError()));
}

bool CodebookEditor::setCategoryColour(const Category &before, const QColor &colour)
{
    if (!colour.isValid())
        return false;
    Category after = before;
    after.colour = colour.name(QColor::HexRgb);
    return push(new EditCategoryCommand(m_session, before, after,
                                        tr("Recolour Category “%1”").arg(before.name), onError()));
}

bool CodebookEditor::setCodeDetails(const Code &before, const QString &description,
                                    const QString &shortcut)
{
    Code after = before;
    after.description = description;
    after.shortcut = shortcut;
    if (after.description == before.description && after.shortcut == before.shortcut)
        return true;
    return push(new EditCodeCommand(m_session, before, after, tr("Edit Code “%1”").arg(before.name),
                                    onError()));
}

bool CodebookEditor::moveCode(const Code &code, qint64 categoryId, qint64 parentId, int row)
{
    const bool nest = code.parentId != parentId || code.categoryId != categoryId;
    return push(new MoveCodebookItemCommand(m_session, code, categoryId, parentId, row,
                                            nest ? tr("Move Code “%1”").arg(code.name)
                                                 : tr("Reorder Code “%1”").arg(code.name),
                                            onError()));
}

bool CodebookEditor::moveCategory(const Category &category, int row)
{
    return push(
        new MoveCodebookItemCommand(m_session, category, row, tr("Reorder Category"), onError()));
}

bool CodebookEditor::mergeCodes(const Code &source, qint64 targetId)
{
    const auto target = m_session.codebook().code(targetId);
    if (!target)
        return false;
    return push(new MergeCodesCommand(m_session, source, *target,
                                      tr("Merge “%1” into “%2”").arg(source.name, target->name),
                                      onError()));
}

bool CodebookEditor::deleteCode(const Code &code)
{
    return push(
        new DeleteCodeCommand(m_session, code, tr("Delete Code “%1”").arg(code.name), onError()));
}

bool CodebookEditor::deleteCategory(const Category &category)
{
    return push(new DeleteCategoryCommand(m_session, category, onError()));
}

std::optional<CodebookFile::MergeResult>
CodebookEditor::importCodebook(const QByteArray &json, const QString &origin,
                               const QString &undoText)
{
    auto *command = new ImportCodebookCommand(m_session, json, origin, undoText, onError());
    if (!push(command))
        return std::nullopt;
    return command->result();
}
