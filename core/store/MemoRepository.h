#pragma once

#include "Repository.h"
#include "domain/Memo.h"

#include <optional>

class CoderRepository;

// Memos: researchers' notes on the project, an article, a code, an
// annotation or an actor, each by a coder.
class MemoRepository : public Repository
{
public:
    MemoRepository(Database &db, CoderRepository &coders);

    // In creation order.
    QList<Memo> all() const;
    std::optional<Memo> get(qint64 id) const;
    QList<Memo> forTarget(Memo::Target target, qint64 targetId) const;
    QList<Memo> forTargets(Memo::Target target, const QList<qint64> &targetIds) const;

    // A new memo by the memo's coder or the current one; returns its id.
    qint64 add(const Memo &memo);
    // Title and body; modified now.
    void update(const Memo &memo);
    // Puts back an earlier title and body with the time they were written,
    // for undo: an undone edit leaves no trace in the memo.
    void revert(const Memo &memo);
    void remove(qint64 id);
    void removeMany(const QList<qint64> &ids);
    // Puts memos back exactly as they were (same ids), for undo/redo.
    void restore(const Memo &memo);
    void restoreMany(const QList<Memo> &memos);
    // Re-targets memos (a code merged into another takes its memos along).
    void retarget(const QList<qint64> &memoIds, qint64 targetId);

private:
    QList<Memo> load(const QString &where, const QVariantList &binds) const;
    void setContent(const Memo &memo, const QString &time);

    CoderRepository &m_coders;
};
