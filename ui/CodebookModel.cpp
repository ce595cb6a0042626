#include "CodebookModel.h"

#include "store/ProjectStore.h"

#include <QColor>
#include <QHash>
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
} // namespace

CodebookModel::CodebookModel(ProjectStore &store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    refresh();
    connect(&m_store, &ProjectStore::codebookChanged, this, &CodebookModel::refresh);
}

CodebookModel::~CodebookModel() = default;

void CodebookModel::refresh()
{
    beginResetModel();
    m_root.children.clear();
    QHash<qint64, Node *> categories;
    for (const Category &c : m_store.categories()) {
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
    QList<Code> pending = m_store.codes();
    QHash<qint64, Node *> codes;
    bool placed = true;
    while (!pending.isEmpty() && placed) {
        placed = false;
        QList<Code> later;
        for (const Code &code : std::as_const(pending)) {
            Node *parent = code.parentId ? codes.value(code.parentId) : categories.value(code.categoryId);
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
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
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
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
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
            return c.name;
        case Qt::ToolTipRole:
            return tr("%1 (%2 codes)").arg(c.name, Category::kindName(c.kind));
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
        return code.shortcut.isEmpty() ? code.name : QStringLiteral("%1  [%2]").arg(code.name, code.shortcut);
    case Qt::EditRole:
        return code.name;
    case Qt::DecorationRole:
        return swatch(QColor(code.colour));
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b>").arg(code.name.toHtmlEscaped());
        if (!code.description.isEmpty())
            tip += QStringLiteral("<br>") + code.description.toHtmlEscaped();
        if (!code.shortcut.isEmpty())
            tip += QStringLiteral("<br><i>%1</i>").arg(tr("Press %1 to apply to the selection").arg(code.shortcut));
        return tip;
    }
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
