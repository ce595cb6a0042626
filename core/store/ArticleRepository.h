#pragma once

#include "Repository.h"
#include "domain/Article.h"
#include "domain/ArticleDeletion.h"
#include "domain/ArticleSource.h"
#include "domain/TextRewrite.h"

#include <QHash>

#include <optional>

class AnnotationRepository;
class FeedRepository;
class OffsetMapRepository;
class MemoRepository;

// Articles, their original pages and their full-text index. An article's
// text never changes after import, except through rewriteText(), which
// moves every annotation with it.
class ArticleRepository : public Repository
{
public:
    struct AddResult
    {
        enum class Status { Added, Duplicate };
        Status status = Status::Added;
        qint64 id = 0; // the new article, or the one already stored
    };

    ArticleRepository(Database &db, AnnotationRepository &annotations, MemoRepository &memos,
                      FeedRepository &feeds, OffsetMapRepository &offsetMaps);

    // Stores an article unless one with the same text is there. Text with
    // a carriage return or an unpaired surrogate is refused: offsets count
    // code points of clean text.
    AddResult add(const Article &article);
    // Many in one unit of work; sources[i] is the page of articles[i] (an
    // empty html stores none; a duplicate keeps the page it has).
    QList<AddResult> addMany(const QList<Article> &articles, const QList<ArticleSource> &sources = {});

    // Every article in id order, with its annotation count.
    QList<ArticleSummary> summaries() const;
    QList<ArticleSummary> summaries(const QList<qint64> &ids) const;
    std::optional<Article> get(qint64 id) const;
    std::optional<Article> byUuid(const QString &uuid) const;
    int count() const;
    // Each article's text length in Unicode code points (SQLite's length()).
    QHash<qint64, qint64> codePointLengths() const;
    std::optional<ArticleSource> source(qint64 articleId) const;
    static QString contentHash(const QString &text);

    // Deletes articles with their annotations, claims, memos and pages, and
    // returns all of it for undo.
    ArticleDeletion remove(const QList<qint64> &ids);
    // What remove() would take, without taking it (for a confirmation).
    ArticleDeletion removalPreview(const QList<qint64> &ids) const;
    void restore(const ArticleDeletion &deletion);

    // Replaces an article's text and moves its annotations to the spans
    // given, which must cover every one of them; quotes and context are cut
    // again from the new text. Undo: rewriteText(rewrite.reversed()).
    void rewriteText(const TextRewrite &rewrite);

    // Full-text search covers the indexed articles; new ones wait until
    // indexPending() has run (the app does it in the background). Terms in
    // unspaced scripts (Chinese, Japanese, Thai…) are found by a scan of
    // the text, which also covers articles not indexed yet.
    QList<ArticleSearchHit> search(const QString &query, int limit = 100) const;
    int unindexedCount() const;
    // Indexes up to maxArticles waiting articles, oldest first, in one
    // unit of work; returns how many, 0 when none were waiting.
    int indexPending(int maxArticles);

private:
    QList<ArticleSearchHit> scan(const QStringList &terms, const QString &match, int limit) const;
    QList<Article> load(const QString &where, const QVariantList &binds) const;
    static void checkText(const Article &article);

    AnnotationRepository &m_annotations;
    MemoRepository &m_memos;
    FeedRepository &m_feeds;
    OffsetMapRepository &m_offsetMaps;
};
