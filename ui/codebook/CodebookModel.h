#pragma once

#include "domain/Category.h"
#include "domain/Code.h"

#include <QAbstractItemModel>
#include <QHash>
#include <memory>
#include <optional>
#include <vector>

class CodebookEditor;
class ProjectSession;

// The codebook as a tree: categories, then codes nested by parentId. With
// an editor, names edit in place (setData) and items move by drag and drop;
// every change goes through the editor's undoable commands.
class CodebookModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role
    {
        CodeIdRole = Qt::UserRole + 1,
        IsCategoryRole,
        ColourRole,
        CategoryIdRole,
        DescriptionRole,
        ShortcutRole,
        AnnotationCountRole,
    };

    explicit CodebookModel(ProjectSession &store, QObject *parent = nullptr);
    ~CodebookModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    // Null (the default) makes the model read-only.
    void setEditor(CodebookEditor *editor) { m_editor = editor; }
    QModelIndex indexOfCategory(qint64 categoryId) const;

    QModelIndex indexOfCode(qint64 codeId) const;
    // The code or category as this model last read it (with its version):
    // what edits start from, so another coder's change since is noticed.
    std::optional<Code> code(qint64 codeId) const;
    std::optional<Category> category(qint64 categoryId) const;
    void refresh();

private:
    struct Node
    {
        Node *parent = nullptr;
        bool isCategory = false;
        Category category;
        Code code;
        std::vector<std::unique_ptr<Node>> children;
        int row = 0;
    };
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node) const;
    const Node *find(const Node *from, qint64 codeId) const;

    void refreshCounts();
    void refreshCounts(const QSet<qint64> &codeIds);

    ProjectSession &m_session;
    CodebookEditor *m_editor = nullptr;
    Node m_root;
    QHash<qint64, int> m_counts; // annotations per code
};
