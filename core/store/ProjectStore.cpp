#include "ProjectStore.h"

#include "base/ProjectError.h"
#include "ProjectFileInspector.h"
#include "SqlQuery.h"
#include "SqlTransaction.h"
#include "ActorTable.h"
#include "AnnotationEditTable.h"
#include "AnnotationTable.h"
#include "ArticleTable.h"
#include "LexiconTable.h"
#include "ClaimTable.h"
#include "ArticleSourceTable.h"
#include "CoderTable.h"
#include "FeedTable.h"
#include "CodebookTable.h"
#include "MemoTable.h"
#include "ProjectSchema.h"
#include "SqliteDialect.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>

#include <atomic>

namespace {

QString now()
{
    return SqlQuery::formatTime(QDateTime::currentDateTimeUtc());
}

QString osUser()
{
    for (const char *var : {"FRAMEWISE_CODER", "USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(var).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("coder");
}

// The first row of a lookup by a unique key, if there is one.
template<typename T>
std::optional<T> first(const QList<T> &rows)
{
    return rows.isEmpty() ? std::nullopt : std::optional<T>(rows.constFirst());
}

} // namespace

std::unique_ptr<ProjectStore> ProjectStore::open(const QString &path, OpenMode mode)
{
    const auto inspection = ProjectFileInspector::inspect(path);
    bool create = false;
    switch (inspection.verdict) {
    case ProjectFileInspector::Verdict::Project:
        break;
    case ProjectFileInspector::Verdict::Missing:
        if (mode != OpenMode::CreateIfMissing)
            throw ProjectError(inspection.message);
        create = true;
        break;
    default:
        throw ProjectError(inspection.message);
    }
    std::unique_ptr<ProjectStore> store(new ProjectStore(path, !create && inspection.readOnly));
    store->connect(create);
    return store;
}

ProjectStore::ProjectStore(const QString &path, bool readOnly)
    : m_path(QFileInfo(path).absoluteFilePath())
    , m_readOnly(readOnly)
    , m_currentCoder(osUser())
{
    static std::atomic<int> counter{0};
    m_connectionName = QStringLiteral("framewise-%1").arg(++counter);
}

ProjectStore::~ProjectStore()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void ProjectStore::connect(bool create)
{
    const QString name = QDir::toNativeSeparators(m_path);
    if (create && !QDir().mkpath(QFileInfo(m_path).absolutePath()))
        throw ProjectError(QStringLiteral("%1: cannot create its folder").arg(name));

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (m_readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (!m_db.open())
        throw ProjectError(QStringLiteral("%1: cannot open (%2)").arg(name, m_db.lastError().text()));

    try {
        ProjectSchema schema(m_db);
        schema.configure(!m_readOnly);
        if (create) {
            SqlTransaction tx(m_db);
            schema.create(now());
            tx.commit();
            checkpoint();
        } else {
            const int version = schema.version();
            if (version < SqliteDialect::schemaVersion) {
                if (m_readOnly)
                    throw ProjectError(QStringLiteral("the project needs an upgrade from version "
                                                      "%1 but the file is read-only")
                                           .arg(version));
                migrate(version);
                checkpoint();
            }
            schema.verify();
        }
    } catch (const ProjectError &e) {
        m_db.close();
        if (create) {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(m_path + QLatin1String(suffix));
        }
        throw ProjectError(QStringLiteral("%1: %2").arg(name, e.message()));
    }
}

void ProjectStore::migrate(int from)
{
    // One transaction per step, so a failure leaves the last good version.
    for (int v = from + 1; v <= SqliteDialect::schemaVersion; ++v) {
        SqlTransaction tx(m_db);
        ProjectSchema(m_db).upgradeTo(v);
        tx.commit();
    }
}

void ProjectStore::checkpoint()
{
    // The marks that make a file a project (application_id, user_version)
    // live in the main file's header: put them there now, not at some later
    // checkpoint, so a crash in the first session leaves a file we accept.
    ProjectSchema(m_db).checkpoint();
}

void ProjectStore::requireWritable() const
{
    if (m_readOnly)
        throw ProjectError(QStringLiteral("%1 is read-only; nothing was changed")
                               .arg(QDir::toNativeSeparators(m_path)));
}

int ProjectStore::schemaVersion() const
{
    return ProjectSchema(m_db).version();
}

// ---------------------------------------------------------------- articles

QString ProjectStore::contentHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

ProjectStore::AddResult ProjectStore::insertArticle(ArticleTable &table, const Article &a,
                                                    const QDateTime &time)
{
    const QString hash = a.contentHash.isEmpty() ? contentHash(a.text) : a.contentHash;
    if (const auto existing = table.idByHash(hash))
        return {AddResult::Status::Duplicate, *existing};
    return {AddResult::Status::Added, table.insert(a, hash, time)};
}

ProjectStore::AddResult ProjectStore::addArticle(const Article &article)
{
    return addArticles({article}).constFirst();
}

QList<ProjectStore::AddResult> ProjectStore::addArticles(const QList<Article> &articles)
{
    return addArticles(articles, {});
}

QList<ArticleSummary> ProjectStore::articleSummaries() const
{
    return ArticleTable(m_db).summaries();
}

std::optional<Article> ProjectStore::article(qint64 id) const
{
    return ArticleTable(m_db).load(id);
}

int ProjectStore::articleCount() const
{
    return ArticleTable(m_db).count();
}

QList<ProjectStore::SearchHit> ProjectStore::search(const QString &query, int limit) const
{
    return ArticleTable(m_db).search(query, limit);
}

int ProjectStore::unindexedArticleCount() const
{
    return ArticleTable(m_db).pendingCount();
}

int ProjectStore::indexPendingText(int maxArticles)
{
    return write([&] { return ArticleTable(m_db).indexPending(maxArticles); });
}

// ---------------------------------------------------------------- codebook

QList<Category> ProjectStore::categories() const
{
    return CodebookTable(m_db).loadCategories();
}

std::optional<Category> ProjectStore::categoryByName(const QString &name) const
{
    for (const Category &c : categories()) {
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

qint64 ProjectStore::addCategory(const Category &c)
{
    const qint64 id = write([&] { return CodebookTable(m_db).insertCategory(c); });
    Q_EMIT codebookChanged();
    return id;
}

QList<Code> ProjectStore::codes() const
{
    return CodebookTable(m_db).loadCodes();
}

std::optional<Code> ProjectStore::code(qint64 id) const
{
    return first(CodebookTable(m_db).loadCodes(QStringLiteral("WHERE id = ?"), id));
}

std::optional<Code> ProjectStore::codeByName(const QString &name) const
{
    return first(CodebookTable(m_db).loadCodes(QStringLiteral("WHERE name = ?"), name.trimmed()));
}

qint64 ProjectStore::addCode(const Code &c)
{
    requireWritable();
    if (c.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a code needs a name"));
    if (codeByName(c.name))
        throw ProjectError(QStringLiteral("a code named “%1” already exists").arg(c.name.trimmed()));
    CodebookTable table(m_db);
    table.validate(c);
    const qint64 id = write([&] { return table.insertCode(c); });
    Q_EMIT codebookChanged();
    return id;
}

Code ProjectStore::ensureCode(const QString &name)
{
    if (auto existing = codeByName(name))
        return *existing;
    auto custom = categoryByName(QStringLiteral("Custom"));
    qint64 categoryId = custom ? custom->id : 0;
    if (!categoryId) {
        Category c;
        c.name = QStringLiteral("Custom");
        c.kind = Category::Kind::Custom;
        c.colour = QStringLiteral("#7a7a7a");
        c.position = 100;
        categoryId = addCategory(c);
    }
    Code code;
    code.categoryId = categoryId;
    code.name = name.trimmed();
    code.id = addCode(code);
    return *this->code(code.id);
}

// ---------------------------------------------------------------- codebook edits

void ProjectStore::updateCategory(const Category &category)
{
    write([&] { CodebookTable(m_db).updateCategory(category); });
    Q_EMIT codebookChanged();
}

void ProjectStore::moveCategory(qint64 categoryId, int row)
{
    write([&] { CodebookTable(m_db).moveCategory(categoryId, row); });
    Q_EMIT codebookChanged();
}

void ProjectStore::removeCategory(qint64 categoryId)
{
    write([&] { CodebookTable(m_db).removeCategory(categoryId); });
    Q_EMIT codebookChanged();
}

void ProjectStore::restoreCategory(const Category &category)
{
    write([&] { CodebookTable(m_db).restoreCategory(category); });
    Q_EMIT codebookChanged();
}

void ProjectStore::updateCode(const Code &code)
{
    write([&] { CodebookTable(m_db).updateCode(code); });
    Q_EMIT codebookChanged();
}

void ProjectStore::moveCode(qint64 codeId, qint64 categoryId, qint64 parentId, int row)
{
    write([&] { CodebookTable(m_db).moveCode(codeId, categoryId, parentId, row); });
    Q_EMIT codebookChanged();
}

CodebookLayout ProjectStore::codebookLayout() const
{
    return CodebookTable(m_db).layout();
}

void ProjectStore::restoreCodebookLayout(const CodebookLayout &layout)
{
    write([&] { CodebookTable(m_db).restoreLayout(layout); });
    Q_EMIT codebookChanged();
}

CodeMerge ProjectStore::mergeCodes(qint64 sourceId, qint64 targetId)
{
    const CodeMerge merge = write([&] { return CodebookTable(m_db).merge(sourceId, targetId); });
    Q_EMIT codebookChanged();
    for (qint64 articleId : merge.articles)
        Q_EMIT annotationsChanged(articleId);
    if (!merge.memos.isEmpty())
        Q_EMIT memosChanged();
    return merge;
}

void ProjectStore::undoCodeMerge(const CodeMerge &merge)
{
    write([&] { CodebookTable(m_db).unmerge(merge); });
    Q_EMIT codebookChanged();
    for (qint64 articleId : merge.articles)
        Q_EMIT annotationsChanged(articleId);
    if (!merge.memos.isEmpty())
        Q_EMIT memosChanged();
}

CodeRemoval ProjectStore::codeRemovalPreview(qint64 codeId) const
{
    return CodebookTable(m_db).removalOf(codeId);
}

CodeRemoval ProjectStore::removeCode(qint64 codeId)
{
    const CodeRemoval removal = write([&] { return CodebookTable(m_db).remove(codeId); });
    Q_EMIT codebookChanged();
    for (qint64 articleId : removal.articles)
        Q_EMIT annotationsChanged(articleId);
    return removal;
}

void ProjectStore::restoreCode(const CodeRemoval &removal)
{
    write([&] { CodebookTable(m_db).restore(removal); });
    Q_EMIT codebookChanged();
    for (qint64 articleId : removal.articles)
        Q_EMIT annotationsChanged(articleId);
}

QHash<qint64, int> ProjectStore::codeAnnotationCounts() const
{
    return CodebookTable(m_db).annotationCounts();
}

// ---------------------------------------------------------------- coders

QList<Coder> ProjectStore::coders() const
{
    return CoderTable(m_db).list();
}

void ProjectStore::setCurrentCoder(const QString &name)
{
    if (!name.trimmed().isEmpty())
        m_currentCoder = name.trimmed();
}

qint64 ProjectStore::coderId(const QString &name)
{
    requireWritable();
    return CoderTable(m_db).ensure(name, now());
}

// ---------------------------------------------------------------- annotations

Annotation ProjectStore::addAnnotation(const NewAnnotation &annotation)
{
    const qint64 id = addAnnotations({annotation}).constFirst();
    return *this->annotation(id);
}

QList<qint64> ProjectStore::addAnnotations(const QList<NewAnnotation> &annotations)
{
    QHash<QString, qint64> coders;
    const auto coderFor = [&](const QString &name) {
        const QString coder = name.trimmed().isEmpty() ? m_currentCoder : name.trimmed();
        auto it = coders.constFind(coder);
        if (it == coders.constEnd())
            it = coders.insert(coder, coderId(coder));
        return *it;
    };
    const QList<qint64> ids
        = write([&] { return AnnotationTable(m_db).insert(annotations, coderFor, now()); });
    QSet<qint64> touched;
    for (const NewAnnotation &n : annotations)
        touched.insert(n.articleId);
    for (qint64 articleId : std::as_const(touched))
        Q_EMIT annotationsChanged(articleId);
    return ids;
}

void ProjectStore::restoreAnnotation(const Annotation &a)
{
    write([&] { AnnotationTable(m_db).insertExact(a); });
    Q_EMIT annotationsChanged(a.articleId);
}

void ProjectStore::removeAnnotation(qint64 id)
{
    editAnnotation(id, [&](AnnotationEditTable &edit) { edit.remove(id); });
}

std::optional<Annotation> ProjectStore::annotation(qint64 id) const
{
    return first(AnnotationTable(m_db).load(QStringLiteral("WHERE a.id = ?"), id));
}

QList<Annotation> ProjectStore::annotationsForArticle(qint64 articleId) const
{
    return AnnotationTable(m_db).load(QStringLiteral("WHERE a.article_id = ?"), articleId);
}

QList<Annotation> ProjectStore::annotationsForCode(qint64 codeId) const
{
    return AnnotationTable(m_db).load(
        QStringLiteral("WHERE a.id IN (SELECT annotation_id FROM annotation_codes WHERE code_id = ?)"),
        codeId);
}

QList<Annotation> ProjectStore::allAnnotations() const
{
    return AnnotationTable(m_db).load(QString(), QVariant());
}

int ProjectStore::annotationCount() const
{
    return AnnotationTable(m_db).count();
}

// ---------------------------------------------------------------- actors, memos

qint64 ProjectStore::addActor(const Actor &actor)
{
    requireWritable();
    if (actor.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("an actor needs a name"));
    const qint64 id = write([&] { return ActorTable(m_db).insertNew(actor, now()); });
    Q_EMIT actorsChanged();
    return id;
}

QList<Actor> ProjectStore::actors() const
{
    return ActorTable(m_db).loadAll();
}

qint64 ProjectStore::addMemo(const Memo &memo)
{
    const qint64 id = write([&] {
        const qint64 coder = memo.coderId ? memo.coderId : coderId(m_currentCoder);
        return MemoTable(m_db).insert(memo, coder, now());
    });
    Q_EMIT memosChanged();
    return id;
}

QList<Memo> ProjectStore::memos() const
{
    return MemoTable(m_db).load();
}

std::optional<Memo> ProjectStore::memo(qint64 id) const
{
    return first(MemoTable(m_db).load(QStringLiteral("WHERE id = ?"), {id}));
}

QList<Memo> ProjectStore::memosFor(Memo::Target target, qint64 targetId) const
{
    return MemoTable(m_db).load(QStringLiteral("WHERE target = ? AND target_id = ?"),
                                {Memo::targetName(target), targetId});
}

void ProjectStore::updateMemo(const Memo &memo)
{
    write([&] { MemoTable(m_db).update(memo, now()); });
    Q_EMIT memosChanged();
}

void ProjectStore::revertMemo(const Memo &memo)
{
    write([&] { MemoTable(m_db).update(memo, SqlQuery::formatTime(memo.modified)); });
    Q_EMIT memosChanged();
}

void ProjectStore::removeMemo(qint64 id)
{
    write([&] { MemoTable(m_db).remove(id); });
    Q_EMIT memosChanged();
}

void ProjectStore::restoreMemo(const Memo &memo)
{
    write([&] { MemoTable(m_db).insertExact(memo); });
    Q_EMIT memosChanged();
}

// ---------------------------------------------------------------- sources, feeds

QList<ProjectStore::AddResult> ProjectStore::addArticles(const QList<Article> &articles,
                                                         const QList<ArticleSource> &sources)
{
    const QList<AddResult> results = write([&] {
        QList<AddResult> added;
        added.reserve(articles.size());
        const QDateTime time = QDateTime::currentDateTimeUtc();
        ArticleTable table(m_db);
        ArticleSourceTable sourceTable(m_db);
        for (qsizetype i = 0; i < articles.size(); ++i) {
            const AddResult r = insertArticle(table, articles[i], time);
            added << r;
            if (r.status == AddResult::Status::Added && i < sources.size()
                && !sources[i].html.isEmpty()) {
                ArticleSource source = sources[i];
                source.articleId = r.id;
                sourceTable.put(source);
            }
        }
        return added;
    });
    Q_EMIT articlesChanged();
    return results;
}

std::optional<ArticleSource> ProjectStore::articleSource(qint64 articleId) const
{
    return ArticleSourceTable(m_db).get(articleId);
}

QList<FeedFolder> ProjectStore::feedFolders() const
{
    return FeedTable(m_db).folders();
}

qint64 ProjectStore::ensureFeedFolder(const QString &name)
{
    requireWritable();
    if (name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a folder needs a name"));
    const qint64 id = write([&] { return FeedTable(m_db).ensureFolder(name.trimmed()); });
    Q_EMIT feedsChanged();
    return id;
}

void ProjectStore::removeFeedFolder(qint64 id)
{
    write([&] { FeedTable(m_db).removeFolder(id); });
    Q_EMIT feedsChanged();
}

QList<Feed> ProjectStore::feeds() const
{
    return FeedTable(m_db).feeds();
}

std::optional<Feed> ProjectStore::feed(qint64 id) const
{
    return first(FeedTable(m_db).feeds(QStringLiteral("WHERE f.id = ?"), id));
}

std::optional<Feed> ProjectStore::feedByUrl(const QString &url) const
{
    return first(FeedTable(m_db).feeds(QStringLiteral("WHERE f.url = ?"), url));
}

qint64 ProjectStore::addFeed(const Feed &feed)
{
    requireWritable();
    if (feed.url.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a feed needs a URL"));
    const qint64 id = write([&] { return FeedTable(m_db).insertFeed(feed, now()); });
    Q_EMIT feedsChanged();
    return id;
}

void ProjectStore::removeFeed(qint64 id)
{
    write([&] { FeedTable(m_db).removeFeed(id); });
    Q_EMIT feedsChanged();
}

void ProjectStore::moveFeed(qint64 feedId, qint64 folderId)
{
    write([&] { FeedTable(m_db).moveFeed(feedId, folderId); });
    Q_EMIT feedsChanged();
}

int ProjectStore::recordFeedRefresh(const Feed &state, const QList<FeedItem> &items)
{
    const int added = write([&] {
        FeedTable table(m_db);
        table.updateFeedState(state);
        return table.mergeItems(state.id, items, now());
    });
    Q_EMIT feedsChanged();
    return added;
}

QList<FeedItem> ProjectStore::feedItems(qint64 feedId) const
{
    return FeedTable(m_db).items(QStringLiteral("WHERE i.feed_id = ?"), feedId);
}

std::optional<FeedItem> ProjectStore::feedItem(qint64 id) const
{
    return first(FeedTable(m_db).items(QStringLiteral("WHERE i.id = ?"), id));
}

void ProjectStore::setFeedItemsRead(const QList<qint64> &itemIds, bool read)
{
    write([&] { FeedTable(m_db).setRead(itemIds, read); });
    Q_EMIT feedsChanged();
}

void ProjectStore::linkFeedItem(qint64 itemId, qint64 articleId)
{
    write([&] { FeedTable(m_db).linkArticle(itemId, articleId); });
    Q_EMIT feedsChanged();
}

// ---------------------------------------------------------------- annotating

void ProjectStore::editAnnotation(qint64 annotationId,
                                  const std::function<void(AnnotationEditTable &)> &change)
{
    const qint64 articleId = write([&] {
        AnnotationEditTable edit(m_db, now());
        const qint64 article = edit.articleOf(annotationId);
        change(edit);
        return article;
    });
    Q_EMIT annotationsChanged(articleId);
}

void ProjectStore::addAnnotationCode(qint64 annotationId, qint64 codeId)
{
    editAnnotation(annotationId, [&](AnnotationEditTable &edit) { edit.addCode(annotationId, codeId); });
}

void ProjectStore::removeAnnotationCode(qint64 annotationId, qint64 codeId)
{
    editAnnotation(annotationId, [&](AnnotationEditTable &edit) { edit.removeCode(annotationId, codeId); });
}

void ProjectStore::setAnnotationSpan(qint64 annotationId, qint64 start, qint64 end)
{
    editAnnotation(annotationId, [&](AnnotationEditTable &edit) { edit.setSpan(annotationId, start, end); });
}

void ProjectStore::setAnnotationNote(qint64 annotationId, const QString &note)
{
    editAnnotation(annotationId, [&](AnnotationEditTable &edit) { edit.setNote(annotationId, note); });
}

void ProjectStore::setAnnotationActor(qint64 annotationId, qint64 actorId)
{
    editAnnotation(annotationId, [&](AnnotationEditTable &edit) { edit.setActor(annotationId, actorId); });
    Q_EMIT actorsChanged(); // mention counts
}

void ProjectStore::setAnnotationPrimary(qint64 annotationId, bool primary)
{
    editAnnotation(annotationId, [&](AnnotationEditTable &edit) { edit.setPrimary(annotationId, primary); });
}

void ProjectStore::removeAnnotations(const QList<qint64> &ids)
{
    const QSet<qint64> touched = write([&] {
        AnnotationEditTable edit(m_db, now());
        QSet<qint64> articles;
        for (qint64 id : ids) {
            articles.insert(edit.articleOf(id));
            edit.remove(id);
        }
        return articles;
    });
    for (qint64 articleId : std::as_const(touched))
        Q_EMIT annotationsChanged(articleId);
}

void ProjectStore::restoreAnnotations(const QList<Annotation> &annotations)
{
    const QSet<qint64> touched = write([&] {
        AnnotationTable table(m_db);
        QSet<qint64> articles;
        for (const Annotation &a : annotations) {
            table.insertExact(a);
            articles.insert(a.articleId);
        }
        return articles;
    });
    for (qint64 articleId : std::as_const(touched))
        Q_EMIT annotationsChanged(articleId);
}

// ---------------------------------------------------------------- claims

std::optional<Claim> ProjectStore::claim(qint64 annotationId) const
{
    return ClaimTable(m_db).load(annotationId);
}

void ProjectStore::setClaim(const Claim &claim)
{
    write([&] {
        AnnotationEditTable(m_db, now()).articleOf(claim.annotationId); // throws if gone
        ClaimTable(m_db).save(claim);
    });
    Q_EMIT claimChanged(claim.annotationId);
}

void ProjectStore::clearClaim(qint64 annotationId)
{
    write([&] { ClaimTable(m_db).remove(annotationId); });
    Q_EMIT claimChanged(annotationId);
}

// ---------------------------------------------------------------- actor editing

std::optional<Actor> ProjectStore::actor(qint64 id) const
{
    return ActorTable(m_db).load(id);
}

void ProjectStore::updateActor(const Actor &actor)
{
    write([&] { ActorTable(m_db).update(actor); });
    Q_EMIT actorsChanged();
}

void ProjectStore::addActorAlias(qint64 actorId, const QString &alias)
{
    write([&] { ActorTable(m_db).addAlias(actorId, alias); });
    Q_EMIT actorsChanged();
}

void ProjectStore::removeActorAlias(qint64 actorId, const QString &alias)
{
    write([&] { ActorTable(m_db).removeAlias(actorId, alias); });
    Q_EMIT actorsChanged();
}

void ProjectStore::removeActor(qint64 id)
{
    write([&] { ActorTable(m_db).remove(id); });
    Q_EMIT actorsChanged();
}

void ProjectStore::restoreActor(const Actor &actor)
{
    requireWritable();
    if (!actor.id)
        throw ProjectError(QStringLiteral("only a stored actor can be restored"));
    write([&] { ActorTable(m_db).insert(actor, now()); });
    Q_EMIT actorsChanged();
}

ActorMerge ProjectStore::mergeActors(qint64 keptId, qint64 droppedId)
{
    const ActorMerge merge = write([&] { return ActorTable(m_db).merge(keptId, droppedId); });
    Q_EMIT actorsChanged();
    return merge;
}

void ProjectStore::undoActorMerge(const ActorMerge &merge)
{
    write([&] { ActorTable(m_db).unmerge(merge); });
    Q_EMIT actorsChanged();
}

QList<Actor> ProjectStore::actorsMatching(const QString &text) const
{
    const QString wanted = text.simplified();
    if (wanted.isEmpty())
        return {};
    QList<Actor> exact, partial;
    for (const Actor &a : actors()) {
        if (a.name.compare(wanted, Qt::CaseInsensitive) == 0 || a.aliases.contains(wanted, Qt::CaseInsensitive))
            exact.append(a);
        else if (a.name.startsWith(wanted + QLatin1Char(' '), Qt::CaseInsensitive))
            partial.append(a);
    }
    return exact + partial;
}

QHash<qint64, int> ProjectStore::actorMentionCounts() const
{
    return ActorTable(m_db).mentionCounts();
}

// ---------------------------------------------------------------- lexicons

QList<LexiconTerm> ProjectStore::lexiconTerms() const
{
    return LexiconTable(m_db).load();
}

bool ProjectStore::seedLexicon(const QList<LexiconTerm> &terms)
{
    if (m_readOnly || LexiconTable(m_db).count() > 0)
        return false;
    write([&] { LexiconTable(m_db).insert(terms); });
    Q_EMIT lexiconChanged();
    return true;
}

void ProjectStore::setLexiconTerms(const QString &cue, const QString &language, const QStringList &terms)
{
    write([&] { LexiconTable(m_db).replace(cue, language, terms); });
    Q_EMIT lexiconChanged();
}
