#pragma once

#include "AnnotationLookups.h"
#include "Repository.h"
#include "domain/Annotation.h"
#include "domain/AnnotationRecord.h"
#include "domain/Claim.h"

#include <optional>

class CoderRepository;
class OffsetMapRepository;
class TextOffsets;

// Annotations with their codes and claim attributes: one aggregate. Spans
// are Unicode code points into the stored article text, end exclusive; the
// store cuts each quote and its context from the text itself.
class AnnotationRepository : public Repository
{
public:
    AnnotationRepository(Database &db, CoderRepository &coders, OffsetMapRepository &offsetMaps);

    std::optional<Annotation> get(qint64 id) const;
    std::optional<Annotation> byUuid(const QString &uuid) const;
    QList<Annotation> forArticle(qint64 articleId) const;
    QList<Annotation> forArticles(const QList<qint64> &articleIds) const;
    // Every annotation carrying the code, across the corpus, in article order.
    QList<Annotation> forCode(qint64 codeId) const;
    // Every annotation carrying one of the codes.
    QList<Annotation> forCodes(const QList<qint64> &codeIds) const;
    QList<Annotation> all() const;
    // Every annotation's place and codes only (no quotes, notes or times):
    // what agreement measures need, read fast.
    struct Place
    {
        qint64 articleId = 0;
        qint64 coderId = 0;
        qint64 start = 0;
        qint64 end = 0;
        bool document = false;
        QList<qint64> codeIds;
    };
    QList<Place> places() const;
    int count() const;

    // New annotations, all or none; ids in the given order. The coder is
    // the request's or the current one.
    Annotation add(const NewAnnotation &annotation);
    // Each keeps its request's UUID if it has one (imports and merges).
    QList<qint64> addMany(const QList<NewAnnotation> &annotations);

    // An annotation and its claim as they are now, for undo.
    AnnotationRecord record(qint64 id) const;
    QList<AnnotationRecord> records(const QList<qint64> &ids) const;
    // Deletes annotations (their codes and claims go with them) and returns
    // what they were.
    AnnotationRecord remove(qint64 id);
    QList<AnnotationRecord> removeMany(const QList<qint64> &ids);
    // The same for annotations just read with records() in this unit of
    // work (a code's or an article's), without reading them again.
    void removeRecords(const QList<AnnotationRecord> &records);
    // Puts annotations back exactly as they were: same ids, UUIDs, times,
    // codes, notes and claim attributes.
    void restore(const AnnotationRecord &record);
    void restoreMany(const QList<AnnotationRecord> &records);

    // Changes to one annotation; each stamps its modification time.
    void addCode(qint64 annotationId, qint64 codeId);
    // Refuses to take the last code: an annotation without codes means nothing.
    void removeCode(qint64 annotationId, qint64 codeId);
    // Moves a span annotation and recuts its quote and context.
    void setSpan(qint64 annotationId, qint64 start, qint64 end);
    // A whole-article code's span after its article's text was rewritten.
    void setDocumentSpan(qint64 annotationId, qint64 end);
    void setNote(qint64 annotationId, const QString &note);
    void setActor(qint64 annotationId, qint64 actorId); // 0 = unlink
    void setPrimary(qint64 annotationId, bool primary);

    // Claim attributes, one row per annotation.
    std::optional<Claim> claim(qint64 annotationId) const;
    QList<Claim> claims() const;
    void setClaim(const Claim &claim);
    void clearClaim(qint64 annotationId);

    // Links for codebook edits (merge and removal), recorded as changes to
    // the annotations.
    void linkCode(const QList<qint64> &annotationIds, qint64 codeId);
    void unlinkCode(const QList<qint64> &annotationIds, qint64 codeId);

    struct Excerpt
    {
        QString quote, prefix, suffix;
    };
    // The quote of [start, end) with its context, cut by code points; throws
    // ProjectError on a span outside the text.
    static Excerpt excerpt(const QString &text, const TextOffsets &offsets, qint64 start, qint64 end);
    // Throws ProjectError unless [start, end) is a non-empty span inside the text.
    static void checkSpan(const TextOffsets &offsets, qint64 start, qint64 end);
    // Characters of context stored on each side of a quote.
    static constexpr int contextLength = 40;

    // What adding annotations on a team server keeps between commits.
    AnnotationLookups &lookups() { return m_lookups; }

private:
    // Inserts new annotations and returns them as stored (add() need not
    // read its annotation back: a round trip less on a team server).
    QList<Annotation> insert(const QList<NewAnnotation> &annotations);
    // One attempt; fromLookups tells whether it used anything kept.
    QList<Annotation> insertOnce(const QList<NewAnnotation> &annotations, bool &fromLookups);
    // Asks the server for what insert() needs of the first article, coder
    // and codes, and (on PostgreSQL) for count new ids unless ids holds
    // them already.
    void lookUp(qint64 articleId, const QString &coder, const QSet<qint64> &codeSet,
                qsizetype count, const QString &newIds,
                QHash<qint64, AnnotationLookups::SourcePtr> &sources,
                QHash<QString, AnnotationLookups::CoderId> &coders, QList<qint64> &ids);
    // Annotations with their codes; where is a clause on alias a with binds.
    QList<Annotation> load(const QString &where, const QVariantList &binds) const;
    QList<Claim> loadClaims(const QString &where, const QVariantList &binds) const;
    qint64 requireArticleOf(qint64 annotationId) const;
    void saveClaim(const Claim &claim);
    // Records a change to an annotation in the current unit of work.
    void noteModified(ChangeSet &changes, qint64 annotationId, qint64 articleId);
    void noteAddedOrRemoved(ChangeSet &changes, const Annotation &a, bool added,
                            const std::optional<Claim> &claim);
    void touch(qint64 annotationId, const QString &time);

    CoderRepository &m_coders;
    OffsetMapRepository &m_offsetMaps;
    AnnotationLookups m_lookups;
};
