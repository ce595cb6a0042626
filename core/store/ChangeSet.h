#pragma once

#include <QHash>
#include <QMetaType>
#include <QSet>
#include <QString>

#include <array>

// What one committed unit of work changed: per aggregate, the ids added,
// modified and removed. The store records into it while the unit runs and
// the session announces it once, after the commit; a rollback drops it.
// Models apply it incrementally instead of reloading.
class ChangeSet
{
public:
    enum class Aggregate {
        Article,
        Category,
        Code,
        Coder,
        Annotation, // with its codes, claim and note
        Actor,
        Memo,
        FeedFolder,
        Feed,
        FeedItem,
        LexiconTerm,
        Adjudication, // a decision settling a disagreement between coders
    };
    static constexpr int aggregateCount = int(Aggregate::Adjudication) + 1;

    struct Ids
    {
        QSet<qint64> added, modified, removed;
        bool isEmpty() const { return added.isEmpty() && modified.isEmpty() && removed.isEmpty(); }
        // Every id mentioned, whatever happened to it.
        QSet<qint64> all() const { return added + modified + removed; }
    };

    // Recording keeps each id in one set: added then removed is nothing,
    // removed then added again (undo within a unit) is modified, and a
    // modification of something added stays an addition.
    void add(Aggregate aggregate, qint64 id);
    void modify(Aggregate aggregate, qint64 id);
    void remove(Aggregate aggregate, qint64 id);
    template<typename Ids>
    void modifyAll(Aggregate aggregate, const Ids &ids)
    {
        for (qint64 id : ids)
            modify(aggregate, id);
    }

    // Articles whose annotations were added, changed or removed, and codes
    // whose number of annotations may have changed: what the library's and
    // the codebook's counts follow.
    void touchAnnotationsOf(qint64 articleId) { m_annotatedArticles.insert(articleId); }
    void touchCodeUsage(qint64 codeId) { m_codeUsage.insert(codeId); }
    // Actors whose mentions (linked annotations or claim roles) changed.
    void touchActorUsage(qint64 actorId) { m_actorUsage.insert(actorId); }
    // Project settings (keys of ProjectSettingsRepository) whose value changed.
    void touchSetting(const QString &key) { m_settings.insert(key); }

    const Ids &of(Aggregate aggregate) const { return m_ids[size_t(aggregate)]; }
    bool touches(Aggregate aggregate) const { return !of(aggregate).isEmpty(); }
    const QSet<qint64> &annotatedArticles() const { return m_annotatedArticles; }
    const QSet<qint64> &codeUsage() const { return m_codeUsage; }
    const QSet<qint64> &actorUsage() const { return m_actorUsage; }
    const QSet<QString> &settings() const { return m_settings; }
    bool isEmpty() const;

    // Folds in what a nested unit of work recorded, as if recorded here.
    void merge(const ChangeSet &inner);

private:
    std::array<Ids, aggregateCount> m_ids;
    QSet<qint64> m_annotatedArticles;
    QSet<qint64> m_codeUsage;
    QSet<qint64> m_actorUsage;
    QSet<QString> m_settings;
};

Q_DECLARE_METATYPE(ChangeSet)
