#include "codebook/CodebookEditor.h"

#include "commands/AddCategoryCommand.h"
#include "commands/AddCodeCommand.h"
#include "commands/DeleteCategoryCommand.h"
#include "commands/DeleteCodeCommand.h"
#include "commands/EditCategoryCommand.h"
#include "commands/EditCodeCommand.h"
#include "commands/ImportCodebookCommand.h"
#include "commands/MergeCodesCommand.h"
#include "commands/MoveCodebookItemCommand.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QColor>
#include <QMessageBox>
#include <QUndoStack>

namespace {
std::optional<Category> findCategory(const ProjectSession &store, qint64 id)
{
    // The store looks categories up by name only; there are few of them.
    for (const Category &c : store.codebook().categories()) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}
} // namespace

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
    // The stack runs redo() at once and drops a command that made itself
    // obsolete, so only look at the flag afterwards.
    m_failed = false;
    m_undo->push(command);
    return !m_failed;
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

bool CodebookEditor::renameCode(qint64 id, const QString &name)
{
    const auto before = m_session.codebook().code(id);
    if (!before || before->name == name.trimmed())
        return bool(before);
    Code after = *before;
    after.name = name.trimmed();
    return push(new EditCodeCommand(m_session, *before, after,
                                    tr("Rename Code “%1”").arg(before->name),
                                    onError()));
}

bool CodebookEditor::renameCategory(qint64 id, const QString &name)
{
    const auto before = findCategory(m_session, id);
    if (!before || before->name == name.trimmed())
        return bool(before);
    Category after = *before;
    after.name = name.trimmed();
    return push(new EditCategoryCommand(m_session, *before, after,
                                        tr("Rename Category “%1”").arg(before->name), onError()));
}

bool CodebookEditor::setCodeColour(qint64 id, const QColor &colour)
{
    const auto before = m_session.codebook().code(id);
    if (!before || !colour.isValid())
        return false;
    Code after = *before;
    after.colour = colour.name(QColor::HexRgb);
    return push(new EditCodeCommand(m_session, *before, after,
                                    tr("Recolour Code “%1”").arg(before->name),
                                    onError()));
}

bool CodebookEditor::setCategoryColour(qint64 id, const QColor &colour)
{
    const auto before = findCategory(m_session, id);
    if (!before || !colour.isValid())
        return false;
    Category after = *before;
    after.colour = colour.name(QColor::HexRgb);
    return push(new EditCategoryCommand(m_session, *before, after,
                                        tr("Recolour Category “%1”").arg(before->name), onError()));
}

bool CodebookEditor::setCodeDetails(qint64 id, const QString &description, const QString &shortcut)
{
    const auto before = m_session.codebook().code(id);
    if (!before)
        return false;
    Code after = *before;
    after.description = description;
    after.shortcut = shortcut;
    if (after.description == before->description && after.shortcut == before->shortcut)
        return true;
    return push(new EditCodeCommand(m_session, *before, after, tr("Edit Code “%1”").arg(before->name),
                                    onError()));
}

bool CodebookEditor::moveCode(qint64 id, qint64 categoryId, qint64 parentId, int row)
{
    const auto code = m_session.codebook().code(id);
    if (!code)
        return false;
    const bool nest = code->parentId != parentId || code->categoryId != categoryId;
    MoveCodebookItemCommand::Move move {false, id, categoryId, parentId, row};
    return push(new MoveCodebookItemCommand(m_session, move,
                                            nest ? tr("Move Code “%1”").arg(code->name)
                                                 : tr("Reorder Code “%1”").arg(code->name),
                                            onError()));
}

bool CodebookEditor::moveCategory(qint64 id, int row)
{
    MoveCodebookItemCommand::Move move {true, id, 0, 0, row};
    return push(new MoveCodebookItemCommand(m_session, move, tr("Reorder Category"),
                                            onError()));
}

bool CodebookEditor::mergeCodes(qint64 sourceId, qint64 targetId)
{
    const auto source = m_session.codebook().code(sourceId);
    const auto target = m_session.codebook().code(targetId);
    if (!source || !target)
        return false;
    return push(new MergeCodesCommand(m_session, sourceId, targetId,
                                      tr("Merge “%1” into “%2”").arg(source->name, target->name),
                                      onError()));
}

bool CodebookEditor::deleteCode(qint64 id)
{
    const auto code = m_session.codebook().code(id);
    if (!code)
        return false;
    return push(new DeleteCodeCommand(m_session, id, tr("Delete Code “%1”").arg(code->name),
                                      onError()));
}

bool CodebookEditor::deleteCategory(qint64 id)
{
    const auto category = findCategory(m_session, id);
    return category && push(new DeleteCategoryCommand(m_session, *category, onError()));
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
