#pragma once

#include "domain/Actor.h"
#include "domain/ActorMerge.h"
#include "domain/Annotation.h"
#include "domain/Article.h"
#include "domain/ArticleSource.h"
#include "domain/Category.h"
#include "domain/Claim.h"
#include "domain/Code.h"
#include "domain/CodeMerge.h"
#include "domain/CodeRemoval.h"
#include "domain/CodebookLayout.h"
#include "domain/Coder.h"
#include "domain/Feed.h"
#include "domain/LexiconTerm.h"
#include "domain/Memo.h"

#include <QHash>
#include "store/SqlTransaction.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

// The project file: one SQLite database. This is the only code that talks
// SQL to it. Every change is one transaction, committed before the method
// returns and before any signal tells the UI it happened. Failures throw
// ProjectError and leave the file as it was.
class AnnotationEditTable;
class ArticleTable;

class ProjectStore : public QObject
{
    Q_OBJECT

public:
    enum class OpenMode { OpenExisting, CreateIfMissing };

    struct AddResult
    {
        enum class Status { Added, Duplicate };
        Status status = Status::Added;
        qint64 id = 0; // the new article, or the one already stored
    };

    using SearchHit = ArticleSearchHit;

    // Opens a project, migrating an older one forward. Anything that is not
    // a Framewise project is refused without writing a byte to it.
    static std::unique_ptr<ProjectStore> open(const QString &path,
                                              OpenMode mode = OpenMode::OpenExisting);
    ~ProjectStore() override;

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const;

    // Articles
    AddResult addArticle(const Article &article);
    QList<AddResult> addArticles(const QList<Article> &articles);
    QList<ArticleSummary> articleSummaries() const;
    std::optional<Article> article(qint64 id) const;
    int articleCount() const;
    // Full-text search covers the indexed articles; new ones wait until
    // indexPendingText() has run (the app does it in the background).
    QList<SearchHit> search(const QString &query, int limit = 100) const;
    int unindexedArticleCount() const;
    // Indexes up to maxArticles waiting articles, oldest first, in one
    // transaction. Returns how many it indexed; 0 when none were waiting.
    int indexPendingText(int maxArticles);
    static QString contentHash(const QString &text);
    // Articles with their original pages (sources[i] belongs to
    // articles[i]; an empty html stores none). A duplicate keeps its source.
    QList<AddResult> addArticles(const QList<Article> &articles, const QList<ArticleSource> &sources);
    std::optional<ArticleSource> articleSource(qint64 articleId) const;

    // Codebook
    QList<Category> categories() const;
    qint64 addCategory(const Category &category);
    std::optional<Category> categoryByName(const QString &name) const;
    QList<Code> codes() const;
    std::optional<Code> code(qint64 id) const;
    std::optional<Code> codeByName(const QString &name) const;
    qint64 addCode(const Code &code);
    // The code with that name, created in the Custom category if missing.
    Code ensureCode(const QString &name);

    // Codebook edits (SQL in CodebookTable). Names and shortcuts are unique
    // among codes; a refused edit throws and changes nothing.
    void updateCategory(const Category &category); // name, kind, colour
    void moveCategory(qint64 categoryId, int row);
    void removeCategory(qint64 categoryId); // only an empty one
    void restoreCategory(const Category &category); // same id, for undo/redo
    void updateCode(const Code &code); // name, description, colour, shortcut
    // Reparents and reorders: row among the new siblings.
    void moveCode(qint64 codeId, qint64 categoryId, qint64 parentId, int row);
    CodebookLayout codebookLayout() const;
    void restoreCodebookLayout(const CodebookLayout &layout);
    // The source's annotations move to the target, then the source goes.
    CodeMerge mergeCodes(qint64 sourceId, qint64 targetId);
    void undoCodeMerge(const CodeMerge &merge);
    CodeRemoval codeRemovalPreview(qint64 codeId) const;
    CodeRemoval removeCode(qint64 codeId);
    // Puts back a removed code exactly (same ids, links, annotations).
    void restoreCode(const CodeRemoval &removal);
    QHash<qint64, int> codeAnnotationCounts() const;

    // Coders
    QList<Coder> coders() const;
    QString currentCoder() const { return m_currentCoder; }
    void setCurrentCoder(const QString &name);
    qint64 coderId(const QString &name); // created if missing

    // Annotations
    Annotation addAnnotation(const NewAnnotation &annotation);
    // Many annotations in one transaction (bulk loads, imports of codings);
    // all or none are stored. Returns the new ids in the given order.
    QList<qint64> addAnnotations(const QList<NewAnnotation> &annotations);
    // Puts back an annotation exactly as it was (same id), for undo/redo.
    void restoreAnnotation(const Annotation &annotation);
    void removeAnnotation(qint64 id);
    std::optional<Annotation> annotation(qint64 id) const;
    QList<Annotation> annotationsForArticle(qint64 articleId) const;
    // Every annotation carrying the code, across the corpus, in article order.
    QList<Annotation> annotationsForCode(qint64 codeId) const;
    QList<Annotation> allAnnotations() const;
    int annotationCount() const;

    // Actors and memos
    qint64 addActor(const Actor &actor);
    QList<Actor> actors() const;
    qint64 addMemo(const Memo &memo);
    QList<Memo> memos() const;
    // Memo edits (SQL in MemoTable)
    std::optional<Memo> memo(qint64 id) const;
    QList<Memo> memosFor(Memo::Target target, qint64 targetId) const;
    void updateMemo(const Memo &memo); // title and body
    // Puts back an earlier title and body with the time they were written,
    // for undo: an undone edit leaves no trace in the memo.
    void revertMemo(const Memo &memo);
    void removeMemo(qint64 id);
    // Puts back a memo exactly as it was (same id), for undo/redo.
    void restoreMemo(const Memo &memo);

    // Annotating: changes to existing annotations (SQL in AnnotationEditTable)
    void addAnnotationCode(qint64 annotationId, qint64 codeId);
    void removeAnnotationCode(qint64 annotationId, qint64 codeId);
    // Moves a span and recuts its quote and context from the text.
    void setAnnotationSpan(qint64 annotationId, qint64 start, qint64 end);
    void setAnnotationNote(qint64 annotationId, const QString &note);
    void setAnnotationActor(qint64 annotationId, qint64 actorId); // 0 = unlink
    void setAnnotationPrimary(qint64 annotationId, bool primary);
    // Many at once, one transaction (coding every occurrence, and its undo).
    void removeAnnotations(const QList<qint64> &ids);
    void restoreAnnotations(const QList<Annotation> &annotations);

    // Claim attributes (SQL in ClaimTable)
    std::optional<Claim> claim(qint64 annotationId) const;
    void setClaim(const Claim &claim);
    void clearClaim(qint64 annotationId);

    // Actors (SQL in ActorTable)
    std::optional<Actor> actor(qint64 id) const;
    void updateActor(const Actor &actor); // name, kind, description, aliases
    void addActorAlias(qint64 actorId, const QString &alias);
    void removeActorAlias(qint64 actorId, const QString &alias);
    void removeActor(qint64 id);
    // Puts back an actor exactly as it was (same id), for undo/redo.
    void restoreActor(const Actor &actor);
    // Mentions and claim speakers/targets move to the kept actor, the
    // dropped one's names become its aliases.
    ActorMerge mergeActors(qint64 keptId, qint64 droppedId);
    void undoActorMerge(const ActorMerge &merge);
    // Actors whose name or an alias equals the text (case-insensitive),
    // then those whose name starts with it as a word ("Kim" -> "Kim Jong Un").
    QList<Actor> actorsMatching(const QString &text) const;
    QHash<qint64, int> actorMentionCounts() const;

    // Feeds (SQL in FeedTable)
    QList<FeedFolder> feedFolders() const;
    qint64 ensureFeedFolder(const QString &name);
    void removeFeedFolder(qint64 id);
    QList<Feed> feeds() const;
    std::optional<Feed> feed(qint64 id) const;
    std::optional<Feed> feedByUrl(const QString &url) const;
    // Returns the id; a feed with the same URL is not added twice.
    qint64 addFeed(const Feed &feed);
    void removeFeed(qint64 id);
    void moveFeed(qint64 feedId, qint64 folderId);
    // Records a refresh (validators, time, error) and adds the new items in
    // one transaction; returns how many items were new.
    int recordFeedRefresh(const Feed &state, const QList<FeedItem> &items);
    QList<FeedItem> feedItems(qint64 feedId) const;
    std::optional<FeedItem> feedItem(qint64 id) const;
    void setFeedItemsRead(const QList<qint64> &itemIds, bool read);
    void linkFeedItem(qint64 itemId, qint64 articleId);

    // Reading-lens lexicons
    QList<LexiconTerm> lexiconTerms() const;
    // Stores the starter lexicons if the project has none; true if it did.
    bool seedLexicon(const QList<LexiconTerm> &terms);
    // Makes the word list of one cue and language exactly `terms`.
    void setLexiconTerms(const QString &cue, const QString &language, const QStringList &terms);

Q_SIGNALS:
    void articlesChanged();
    void codebookChanged();
    void annotationsChanged(qint64 articleId);
    void lexiconChanged();
    void actorsChanged();
    void claimChanged(qint64 annotationId);
    void feedsChanged();
    void memosChanged();

private:
    ProjectStore(const QString &path, bool readOnly);
    void connect(bool create);
    void migrate(int from);
    void checkpoint();
    // Runs change in one write transaction, refusing a read-only project;
    // returns what change returns, once it is committed.
    template<typename Change>
    auto write(Change &&change)
    {
        requireWritable();
        SqlTransaction tx(m_db);
        if constexpr (std::is_void_v<std::invoke_result_t<Change>>) {
            change();
            tx.commit();
        } else {
            auto result = change();
            tx.commit();
            return result;
        }
    }
    // One change to one annotation: a transaction, then the signal.
    void editAnnotation(qint64 annotationId, const std::function<void(AnnotationEditTable &)> &change);
    void requireWritable() const;
    AddResult insertArticle(ArticleTable &table, const Article &article, const QDateTime &now);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_readOnly = false;
    QString m_currentCoder;
};
