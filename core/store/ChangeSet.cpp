#include "ChangeSet.h"

void ChangeSet::add(Aggregate aggregate, qint64 id)
{
    Ids &ids = m_ids[size_t(aggregate)];
    if (ids.removed.remove(id))
        ids.modified.insert(id);
    else
        ids.added.insert(id);
}

void ChangeSet::modify(Aggregate aggregate, qint64 id)
{
    Ids &ids = m_ids[size_t(aggregate)];
    if (!ids.added.contains(id) && !ids.removed.contains(id))
        ids.modified.insert(id);
}

void ChangeSet::remove(Aggregate aggregate, qint64 id)
{
    Ids &ids = m_ids[size_t(aggregate)];
    ids.modified.remove(id);
    if (!ids.added.remove(id))
        ids.removed.insert(id);
}

bool ChangeSet::isEmpty() const
{
    for (const Ids &ids : m_ids) {
        if (!ids.isEmpty())
            return false;
    }
    return m_annotatedArticles.isEmpty() && m_codeUsage.isEmpty() && m_actorUsage.isEmpty()
        && m_settings.isEmpty();
}

void ChangeSet::merge(const ChangeSet &inner)
{
    // Replayed in the order a unit records: additions, changes, removals.
    for (int i = 0; i < aggregateCount; ++i) {
        const Ids &ids = inner.m_ids[size_t(i)];
        for (qint64 id : ids.added)
            add(Aggregate(i), id);
        for (qint64 id : ids.modified)
            modify(Aggregate(i), id);
        for (qint64 id : ids.removed)
            remove(Aggregate(i), id);
    }
    m_annotatedArticles.unite(inner.m_annotatedArticles);
    m_codeUsage.unite(inner.m_codeUsage);
    m_actorUsage.unite(inner.m_actorUsage);
    m_settings.unite(inner.m_settings);
}
