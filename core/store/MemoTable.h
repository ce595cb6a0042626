#pragma once

#include "domain/Memo.h"

#include <QSqlDatabase>

// The SQL of memos, for ProjectStore, which owns the transactions and tells
// the UI what changed.
class MemoTable
{
public:
    explicit MemoTable(const QSqlDatabase &db);

    // Memos in creation order; where is a clause with binds in order, or empty.
    QList<Memo> load(const QString &where = {}, const QVariantList &binds = {}) const;
    // A new memo by coderId, created and modified at time; returns its id.
    qint64 insert(const Memo &memo, qint64 coderId, const QString &time);
    // Title and body; the modification time becomes time.
    void update(const Memo &memo, const QString &time);
    void remove(qint64 id);
    // Puts a memo back exactly as it was, same id (undo / redo).
    void insertExact(const Memo &memo);

private:
    QSqlDatabase m_db;
};
