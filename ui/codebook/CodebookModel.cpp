#include "codebook/CodebookModel.h"

#include "codebook/CodeDetailsDialog.h"
#include "codebook/CodebookEditor.h"
#include "shell/LiteralText.h"
#include "store/ProjectSession.h"

#include <QColor>
#include <QHash>
#include <QIODevice>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>

namespace {
QPixmap swatch(const QColor &colour)
{
    // A rounded chip reads as "this code's colour" better than a flat square.
    QPixmap pixmap(28, 28);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 3, 3);
    return pixmap;
}

const QString kMimeType = QStringLiteral("application/x-framewise-codebook-item");

// "code 12" or "category 3": what is being dragged.
struct DraggedItem
{
    bool category = false;
    qint64 id = 0;
};

DraggedItem decode(const QMimeData *data)
{
    const QStringList parts = QString::fromLatin1(data->data(kMimeType)).split(QLatin1Char(' '));
    if (parts.size() != 2)
        return {};
    return {parts[0] == QLatin1String("category"), parts[1].toLongLong()};
}
} // namespace

CodebookModel::CodebookModel(ProjectSession &store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(store)
{
    refresh();
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Aggregate::Code) || changes.touches(ChangeSet::Aggregate::Category)) {
            refresh();
            return;
        }
        // Counts only feed tooltips, so no reset (which would lose the
        // view's state) while the user codes; only the codes touched are
        // counted again.
        if (!changes.codeUsage().isEmpty())
            refreshCounts(changes.codeUsage());
    });
}

CodebookModel::~CodebookModel() = default;

void CodebookModel::refreshCounts()
{
    m_counts = m_session.codebook().codeAnnotationCounts();
}

void CodebookModel::refreshCounts(const QSet<qint64> &codeIds)
{
    const auto counts = m_session.codebook().codeAnnotationCounts(QList<qint64>(codeIds.cbegin(), codeIds.cend()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        m_counts.insert(it.key(), it.value());
}

void CodebookModel::refresh()
{
    beginResetModel();
    refreshCounts();
    m_root.children.clear();
    QHash<qint64, Node *> categories;
    for (const Category &c : m_session.codebook().categories()) {
        auto node = std::make_unique<Node>();
        node->parent = &m_root;
        node->isCategory = true;
        node->category = c;
        node->row = int(m_root.children.size());
        categories.insert(c.id, node.get());
        m_root.children.push_back(std::move(node));
    }
    // Codes come ordered by position; a child may precede its parent in
    // that order, so place them in passes until nothing moves.
    QList<Code> pending = m_session.codebook().codes();
    QHash<qint64, Node *> codes;
    bool placed = true;
    while (!pending.isEmpty() && placed) {
        placed = false;
        QList<Code> later;
        for (const Code &code : std::as_const(pending)) {
            Node *parent
                = code.parentId ? codes.value(code.parentId) : categories.value(code.categoryId);
            if (!parent) {
                later.append(code);
                continue;
            }
            auto node = std::make_unique<Node>();
            node->parent = parent;
            node->code = code;
            node->row = int(parent->children.size());
            codes.insert(code.id, node.get());
            parent->children.push_back(std::move(node));
            placed = true;
        }
        pending = later;
    }
    // Orphans (a parent that does not exist) still show, at the top level.
    for (const Code &code : std::as_const(pending)) {
        auto node = std::make_unique<Node>();
        node->parent = &m_root;
        node->code = code;
        node->row = int(m_root.children.size());
        m_root.children.push_back(std::move(node));
    }
    endResetModel();
}

CodebookModel::Node *CodebookModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer())
                           : const_cast<Node *>(&m_root);
}

QModelIndex CodebookModel::indexFor(const Node *node) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex CodebookModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *p = nodeFor(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex CodebookModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int CodebookModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int CodebookModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags CodebookModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_editor ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_editor && m_editor->isWritable())
        flags |= Qt::ItemIsEditable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    return flags;
}

QVariant CodebookModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    if (node->isCategory) {
        const Category &c = node->category;
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return c.name;
        case CategoryIdRole:
            return c.id;
        case Qt::ToolTipRole:
            return LiteralText::html(tr("%1 (%2 codes)").arg(c.name, Category::kindName(c.kind)));
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case IsCategoryRole:
            return true;
        case ColourRole:
            return QColor(c.colour);
        }
        return {};
    }
    const Code &code = node->code;
    switch (role) {
    case Qt::DisplayRole:
        return code.shortcut.isEmpty() ? code.name
                                       : QStringLiteral("%1  [%2]").arg(code.name, code.shortcut);
    case Qt::EditRole:
        return code.name;
    case Qt::DecorationRole:
        return swatch(QColor(code.colour));
    case Qt::ToolTipRole: {
        // Examples are kept in the description; the details dialog splits them.
        const QString description = CodeDetailsDialog::descriptionPart(code.description);
        const QString examples = CodeDetailsDialog::examplesPart(code.description);
        QString tip = QStringLiteral("<b>%1</b>").arg(code.name.toHtmlEscaped());
        if (!description.isEmpty())
            tip += QStringLiteral("<br>") + description.toHtmlEscaped();
        if (!examples.isEmpty())
            tip += QStringLiteral("<br><i>%1</i>")
                       .arg(tr("Example: %1").arg(examples.toHtmlEscaped()));
        if (!code.shortcut.isEmpty())
            tip += QStringLiteral("<br>%1").arg(
                tr("Press %1 to apply to the selection").arg(code.shortcut.toHtmlEscaped()));
        const int count = m_counts.value(code.id);
        tip += QStringLiteral("<br><small>%1</small>")
                   .arg(count == 1 ? tr("1 annotation") : tr("%1 annotations").arg(count));
        return tip;
    }
    case CategoryIdRole:
        return code.categoryId;
    case DescriptionRole:
        return code.description;
    case ShortcutRole:
        return code.shortcut;
    case AnnotationCountRole:
        return m_counts.value(code.id);
    case CodeIdRole:
        return code.id;
    case IsCategoryRole:
        return false;
    case ColourRole:
        return QColor(code.colour);
    }
    return {};
}

const CodebookModel::Node *CodebookModel::find(const Node *from, qint64 codeId) const
{
    for (const auto &child : from->children) {
        if (!child->isCategory && child->code.id == codeId)
            return child.get();
        if (const Node *found = find(child.get(), codeId))
            return found;
    }
    return nullptr;
}

QModelIndex CodebookModel::indexOfCode(qint64 codeId) const
{
    return indexFor(find(&m_root, codeId));
}

std::optional<Code> CodebookModel::code(qint64 codeId) const
{
    const Node *node = find(&m_root, codeId);
    return node ? std::optional<Code>(node->code) : std::nullopt;
}

std::optional<Category> CodebookModel::category(qint64 categoryId) const
{
    for (const auto &child : m_root.children) {
        if (child->isCategory && child->category.id == categoryId)
            return child->category;
    }
    return std::nullopt;
}

QModelIndex CodebookModel::indexOfCategory(qint64 categoryId) const
{
    for (const auto &child : m_root.children) {
        if (child->isCategory && child->category.id == categoryId)
            return indexFor(child.get());
    }
    return {};
}

bool CodebookModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_editor || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return false;
    const Node *node = nodeFor(index);
    // The store's codebookChanged resets this model once the edit is stored.
    // Copies: the model resets during the edit.
    return node->isCategory ? m_editor->renameCategory(Category(node->category), name)
                            : m_editor->renameCode(Code(node->code), name);
}

Qt::DropActions CodebookModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CodebookModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList CodebookModel::mimeTypes() const
{
    return {kMimeType};
}

QMimeData *CodebookModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    const Node *node = nodeFor(indexes.first());
    auto *data = new QMimeData;
    data->setData(kMimeType,
                  (node->isCategory ? QStringLiteral("category %1").arg(node->category.id)
                                    : QStringLiteral("code %1").arg(node->code.id))
                      .toLatin1());
    return data;
}

bool CodebookModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                    const QModelIndex &parent) const
{
    if (!m_editor || action != Qt::MoveAction || !data || !data->hasFormat(kMimeType))
        return false;
    const DraggedItem item = decode(data);
    if (item.category)
        return !parent.isValid(); // categories only reorder among themselves
    if (!parent.isValid())
        return false; // a code belongs in a category
    // Not into itself or one of its own sub-codes.
    for (const Node *n = nodeFor(parent); n && n != &m_root; n = n->parent) {
        if (!n->isCategory && n->code.id == item.id)
            return false;
    }
    return true;
}

bool CodebookModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const DraggedItem item = decode(data);
    const Node *target = nodeFor(parent);
    const Node *self = item.category ? nodeFor(indexOfCategory(item.id)) : find(&m_root, item.id);
    if (!self || self == &m_root)
        return false;
    // The view counts the dragged item among the rows; the store does not.
    int to = row < 0 ? int(target->children.size()) : row;
    if (self->parent == target && self->row < to)
        --to;
    // Everything is read before the edit: the model resets during it.
    if (item.category)
        return m_editor->moveCategory(Category(self->category), to);
    const qint64 categoryId = target->isCategory ? target->category.id : target->code.categoryId;
    const qint64 parentId = target->isCategory ? 0 : target->code.id;
    return m_editor->moveCode(Code(self->code), categoryId, parentId, to);
}
