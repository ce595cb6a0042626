#pragma once

#include "domain/Category.h"
#include "domain/Code.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

class ProjectStore;

// The codebook as a tree: categories, then codes nested by parentId.
class CodebookModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { CodeIdRole = Qt::UserRole + 1, IsCategoryRole, ColourRole };

    explicit CodebookModel(ProjectStore &store, QObject *parent = nullptr);
    ~CodebookModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QModelIndex indexOfCode(qint64 codeId) const;
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

    ProjectStore &m_store;
    Node m_root;
};
