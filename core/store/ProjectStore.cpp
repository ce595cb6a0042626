#include "ProjectStore.h"

#include "ProjectError.h"
#include "ProjectFileInspector.h"
#include "SqlQuery.h"
#include "SqlTransaction.h"
#include "ActorTable.h"
#include "AnnotationEditTable.h"
#include "AnnotationTable.h"
#include "LexiconTable.h"
#include "ClaimTable.h"
#include "ArticleSourceTable.h"
#include "FeedTable.h"
#include "CodebookTable.h"
#include "MemoTable.h"
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

QDateTime parseTime(const QVariant &v)
{
    return SqlQuery::parseTime(v);
}

QVariant nullIfZero(qint64 id)
{
    return SqlQuery::nullIfZero(id);
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

// Distinct, legible on light and dark backgrounds; used for new codes.
const char *const kPalette[] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46a0a0",
                                "#c8288c", "#7f9e00", "#9a6324", "#2f7f9f", "#b04a4a", "#5a5ac8"};

QString memoTargetName(Memo::Target t)
{
    switch (t) {
    case Memo::Target::Project:
        return QStringLiteral("project");
    case Memo::Target::Article:
        return QStringLiteral("article");
    case Memo::Target::Code:
        return QStringLiteral("code");
    case Memo::Target::Annotation:
        return QStringLiteral("annotation");
    case Memo::Target::Actor:
        return QStringLiteral("actor");
    }
    return QStringLiteral("project");
}

Memo::Target memoTargetFromName(const QString &name)
{
    for (auto t : {Memo::Target::Project, Memo::Target::Article, Memo::Target::Code,
                   Memo::Target::Annotation, Memo::Target::Actor}) {
        if (memoTargetName(t) == name)
            return t;
    }
    return Memo::Target::Project;
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
        for (const QString &pragma : SqliteDialect::connectionPragmas())
            SqlQuery::run(m_db, pragma);
        if (!m_readOnly) {
            // WAL keeps every commit durable against a crash of the app;
            // NORMAL sync is safe in WAL mode and keeps commits fast.
            const QString journal =
                SqlQuery::scalar(m_db, QStringLiteral("PRAGMA journal_mode = WAL")).toString();
            if (journal.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
                throw ProjectError(QStringLiteral("WAL journal mode is not available (got %1)").arg(journal));
            SqlQuery::run(m_db, QStringLiteral("PRAGMA synchronous = NORMAL"));
        }
        if (create) {
            SqlTransaction tx(m_db);
            SqlQuery::run(m_db, SqliteDialect::setApplicationId());
            for (int v = 1; v <= SqliteDialect::schemaVersion; ++v) {
                for (const QString &sql : SqliteDialect::migrationTo(v))
                    SqlQuery::run(m_db, sql);
            }
            SqlQuery::run(m_db, SqliteDialect::setVersion(SqliteDialect::schemaVersion));
            SqlQuery(m_db, QStringLiteral("INSERT INTO meta(key, value) VALUES ('created', ?)"))
                .bind(now())
                .exec();
            tx.commit();
            checkpoint();
        } else {
            const int version = schemaVersion();
            if (version < SqliteDialect::schemaVersion) {
                if (m_readOnly)
                    throw ProjectError(QStringLiteral("the project needs an upgrade from version "
                                                      "%1 but the file is read-only")
                                           .arg(version));
                migrate(version);
                checkpoint();
            }
            verifySchema();
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
        for (const QString &sql : SqliteDialect::migrationTo(v))
            SqlQuery::run(m_db, sql);
        SqlQuery::run(m_db, SqliteDialect::setVersion(v));
        tx.commit();
    }
}

void ProjectStore::checkpoint()
{
    // The marks that make a file a project (application_id, user_version)
    // live in the main file's header: put them there now, not at some later
    // checkpoint, so a crash in the first session leaves a file we accept.
    SqlQuery::run(m_db, SqliteDialect::checkpoint());
}

void ProjectStore::verifySchema() const
{
    QStringList missing;
    for (const QString &table : SqliteDialect::requiredTables()) {
        SqlQuery q(m_db, QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?"));
        q.bind(table).exec();
        if (!q.next())
            missing << table;
    }
    if (!missing.isEmpty())
        throw ProjectError(QStringLiteral("the project is damaged (missing tables: %1)")
                               .arg(missing.join(QStringLiteral(", "))));
}

void ProjectStore::requireWritable() const
{
    if (m_readOnly)
        throw ProjectError(QStringLiteral("%1 is read-only; nothing was changed")
                               .arg(QDir::toNativeSeparators(m_path)));
}

int ProjectStore::schemaVersion() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("PRAGMA user_version")).toInt();
}

// ---------------------------------------------------------------- articles

QString ProjectStore::contentHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

ProjectStore::AddResult ProjectStore::insertArticle(const Article &a, const QDateTime &time)
{
    const QString hash = a.contentHash.isEmpty() ? contentHash(a.text) : a.contentHash;
    SqlQuery existing(m_db, QStringLiteral("SELECT id FROM articles WHERE content_hash = ?"));
    existing.bind(hash).exec();
    if (existing.next())
        return {AddResult::Status::Duplicate, existing.value(0).toLongLong()};

    SqlQuery q(m_db, QStringLiteral(
                         "INSERT INTO articles(title, outlet, author, published, url, language, "
                         "text, content_hash, imported_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    q.bind(a.title).bind(a.outlet).bind(a.author).bind(a.published).bind(a.url).bind(a.language);
    q.bind(a.text).bind(hash);
    q.bind((a.importedAt.isValid() ? a.importedAt : time).toUTC().toString(Qt::ISODateWithMs));
    q.bind(a.origin).exec();
    return {AddResult::Status::Added, q.lastInsertId()};
}

ProjectStore::AddResult ProjectStore::addArticle(const Article &article)
{
    return addArticles({article}).constFirst();
}

QList<ProjectStore::AddResult> ProjectStore::addArticles(const QList<Article> &articles)
{
    requireWritable();
    QList<AddResult> results;
    results.reserve(articles.size());
    const QDateTime time = QDateTime::currentDateTimeUtc();
    SqlTransaction tx(m_db);
    for (const Article &a : articles)
        results << insertArticle(a, time);
    tx.commit();
    Q_EMIT articlesChanged();
    return results;
}

QList<ArticleSummary> ProjectStore::articleSummaries() const
{
    SqlQuery q(m_db, QStringLiteral(
                         "SELECT a.id, a.title, a.outlet, a.published, "
                         "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id) "
                         "FROM articles a ORDER BY a.id"));
    q.exec();
    QList<ArticleSummary> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toInt()});
    }
    return list;
}

std::optional<Article> ProjectStore::article(qint64 id) const
{
    SqlQuery q(m_db, QStringLiteral(
                         "SELECT id, title, outlet, author, published, url, language, text, "
                         "content_hash, imported_at, origin FROM articles WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next())
        return std::nullopt;
    Article a;
    a.id = q.value(0).toLongLong();
    a.title = q.value(1).toString();
    a.outlet = q.value(2).toString();
    a.author = q.value(3).toString();
    a.published = q.value(4).toString();
    a.url = q.value(5).toString();
    a.language = q.value(6).toString();
    a.text = q.value(7).toString();
    a.contentHash = q.value(8).toString();
    a.importedAt = parseTime(q.value(9));
    a.origin = q.value(10).toString();
    return a;
}

int ProjectStore::articleCount() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM articles")).toInt();
}

QList<ProjectStore::SearchHit> ProjectStore::search(const QString &query, int limit) const
{
    const QString match = SqliteDialect::matchExpression(query);
    if (match.isEmpty())
        return {};
    SqlQuery q(m_db, SqliteDialect::searchArticles());
    q.bind(match).bind(limit).exec();
    QList<SearchHit> hits;
    while (q.next())
        hits.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return hits;
}

int ProjectStore::unindexedArticleCount() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM fts_pending")).toInt();
}

int ProjectStore::indexPendingText(int maxArticles)
{
    requireWritable();
    SqlTransaction tx(m_db);
    SqlQuery end(m_db, SqliteDialect::pendingChunkEnd());
    end.bind(maxArticles).exec();
    if (!end.next() || end.value(0).isNull())
        return 0;
    const qint64 bound = end.value(0).toLongLong();
    const QStringList steps = SqliteDialect::indexPendingUpTo();
    SqlQuery index(m_db, steps.at(0));
    index.bind(bound).exec();
    SqlQuery forget(m_db, steps.at(1));
    forget.bind(bound).exec();
    const int indexed = forget.rowsAffected();
    tx.commit();
    return indexed;
}

// ---------------------------------------------------------------- codebook

QList<Category> ProjectStore::categories() const
{
    SqlQuery q(m_db, QStringLiteral(
                         "SELECT id, name, kind, colour, position FROM categories ORDER BY position, id"));
    q.exec();
    QList<Category> list;
    while (q.next()) {
        Category c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.kind = Category::kindFromName(q.value(2).toString());
        c.colour = q.value(3).toString();
        c.position = q.value(4).toInt();
        list.append(c);
    }
    return list;
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
    requireWritable();
    SqlTransaction tx(m_db);
    SqlQuery q(m_db, QStringLiteral(
                         "INSERT INTO categories(name, kind, colour, position) VALUES (?,?,?,?)"));
    q.bind(c.name).bind(Category::kindName(c.kind));
    q.bind(c.colour.isEmpty() ? QStringLiteral("#888888") : c.colour).bind(c.position).exec();
    const qint64 id = q.lastInsertId();
    tx.commit();
    Q_EMIT codebookChanged();
    return id;
}

QList<Code> ProjectStore::codes() const
{
    return CodebookTable(m_db).loadCodes();
}

std::optional<Code> ProjectStore::code(qint64 id) const
{
    const QList<Code> found = CodebookTable(m_db).loadCodes(QStringLiteral("WHERE id = ?"), id);
    return found.isEmpty() ? std::nullopt : std::optional<Code>(found.constFirst());
}

std::optional<Code> ProjectStore::codeByName(const QString &name) const
{
    const QList<Code> found =
        CodebookTable(m_db).loadCodes(QStringLiteral("WHERE name = ?"), name.trimmed());
    return found.isEmpty() ? std::nullopt : std::optional<Code>(found.constFirst());
}

qint64 ProjectStore::addCode(const Code &c)
{
    requireWritable();
    if (c.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a code needs a name"));
    if (codeByName(c.name))
        throw ProjectError(QStringLiteral("a code named “%1” already exists").arg(c.name.trimmed()));
    CodebookTable(m_db).validate(c);
    SqlTransaction tx(m_db);
    QString colour = c.colour;
    if (colour.isEmpty()) {
        const int n = SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM codes")).toInt();
        colour = QString::fromLatin1(kPalette[n % std::size(kPalette)]);
    }
    SqlQuery q(m_db, QStringLiteral(
                         "INSERT INTO codes(category_id, parent_id, name, description, colour, "
                         "shortcut, position) VALUES (?,?,?,?,?,?,?)"));
    q.bind(c.categoryId).bind(nullIfZero(c.parentId)).bind(c.name.trimmed()).bind(c.description);
    q.bind(colour).bind(c.shortcut).bind(c.position).exec();
    const qint64 id = q.lastInsertId();
    tx.commit();
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
    CodeMerge merge;
    write([&] { merge = CodebookTable(m_db).merge(sourceId, targetId); });
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
    CodeRemoval removal;
    write([&] { removal = CodebookTable(m_db).remove(codeId); });
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
    SqlQuery q(m_db, QStringLiteral("SELECT id, name FROM coders ORDER BY name"));
    q.exec();
    QList<Coder> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString()});
    return list;
}

void ProjectStore::setCurrentCoder(const QString &name)
{
    if (!name.trimmed().isEmpty())
        m_currentCoder = name.trimmed();
}

qint64 ProjectStore::coderId(const QString &name)
{
    requireWritable();
    SqlQuery(m_db, QStringLiteral(
                       "INSERT INTO coders(name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"))
        .bind(name)
        .bind(now())
        .exec();
    SqlQuery q(m_db, QStringLiteral("SELECT id FROM coders WHERE name = ?"));
    q.bind(name).exec();
    q.next();
    return q.value(0).toLongLong();
}

// ---------------------------------------------------------------- annotations

Annotation ProjectStore::addAnnotation(const NewAnnotation &annotation)
{
    const qint64 id = addAnnotations({annotation}).constFirst();
    return *this->annotation(id);
}

QList<qint64> ProjectStore::addAnnotations(const QList<NewAnnotation> &annotations)
{
    requireWritable();
    SqlTransaction tx(m_db);
    QHash<QString, qint64> coders;
    const auto coderFor = [&](const QString &name) {
        const QString coder = name.trimmed().isEmpty() ? m_currentCoder : name.trimmed();
        auto it = coders.constFind(coder);
        if (it == coders.constEnd())
            it = coders.insert(coder, coderId(coder));
        return *it;
    };
    const QList<qint64> ids = AnnotationTable(m_db).insert(annotations, coderFor, now());
    tx.commit();
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
    requireWritable();
    const auto existing = annotation(id);
    if (!existing)
        throw ProjectError(QStringLiteral("no annotation with id %1").arg(id));
    SqlTransaction tx(m_db);
    SqlQuery(m_db, QStringLiteral("DELETE FROM annotations WHERE id = ?")).bind(id).exec();
    tx.commit();
    Q_EMIT annotationsChanged(existing->articleId);
}

std::optional<Annotation> ProjectStore::annotation(qint64 id) const
{
    const auto list = AnnotationTable(m_db).load(QStringLiteral("WHERE a.id = ?"), id);
    if (list.isEmpty())
        return std::nullopt;
    return list.constFirst();
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
    return SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM annotations")).toInt();
}

// ---------------------------------------------------------------- actors, memos

qint64 ProjectStore::addActor(const Actor &actor)
{
    requireWritable();
    if (actor.name.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("an actor needs a name"));
    SqlTransaction tx(m_db);
    SqlQuery q(m_db, QStringLiteral(
                         "INSERT INTO actors(name, kind, description, created_at) VALUES (?,?,?,?)"));
    q.bind(actor.name.trimmed())
        .bind(actor.kind.isEmpty() ? QStringLiteral("person") : actor.kind)
        .bind(actor.description)
        .bind(now())
        .exec();
    const qint64 id = q.lastInsertId();
    for (const QString &alias : actor.aliases) {
        SqlQuery(m_db, QStringLiteral("INSERT INTO actor_aliases(actor_id, alias) VALUES (?, ?) "
                                      "ON CONFLICT DO NOTHING"))
            .bind(id)
            .bind(alias.trimmed())
            .exec();
    }
    tx.commit();
    Q_EMIT actorsChanged();
    return id;
}

QList<Actor> ProjectStore::actors() const
{
    SqlQuery q(m_db, QStringLiteral("SELECT id, name, kind, description FROM actors ORDER BY name"));
    q.exec();
    QList<Actor> list;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        Actor a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.kind = q.value(2).toString();
        a.description = q.value(3).toString();
        index.insert(a.id, list.size());
        list.append(a);
    }
    SqlQuery aliases(m_db, QStringLiteral("SELECT actor_id, alias FROM actor_aliases ORDER BY alias"));
    aliases.exec();
    while (aliases.next()) {
        const auto it = index.constFind(aliases.value(0).toLongLong());
        if (it != index.constEnd())
            list[*it].aliases.append(aliases.value(1).toString());
    }
    return list;
}

qint64 ProjectStore::addMemo(const Memo &memo)
{
    requireWritable();
    SqlTransaction tx(m_db);
    const qint64 coder = memo.coderId ? memo.coderId : coderId(m_currentCoder);
    const QString time = now();
    SqlQuery q(m_db, QStringLiteral(
                         "INSERT INTO memos(target, target_id, title, body, coder_id, created_at, "
                         "modified_at) VALUES (?,?,?,?,?,?,?)"));
    q.bind(memoTargetName(memo.target)).bind(memo.targetId).bind(memo.title).bind(memo.body);
    q.bind(coder).bind(time).bind(time).exec();
    const qint64 id = q.lastInsertId();
    tx.commit();
    Q_EMIT memosChanged();
    return id;
}

QList<Memo> ProjectStore::memos() const
{
    SqlQuery q(m_db, QStringLiteral(
                         "SELECT id, target, target_id, title, body, coalesce(coder_id, 0), "
                         "created_at, modified_at FROM memos ORDER BY id"));
    q.exec();
    QList<Memo> list;
    while (q.next()) {
        Memo m;
        m.id = q.value(0).toLongLong();
        m.target = memoTargetFromName(q.value(1).toString());
        m.targetId = q.value(2).toLongLong();
        m.title = q.value(3).toString();
        m.body = q.value(4).toString();
        m.coderId = q.value(5).toLongLong();
        m.created = parseTime(q.value(6));
        m.modified = parseTime(q.value(7));
        list.append(m);
    }
    return list;
}

std::optional<Memo> ProjectStore::memo(qint64 id) const
{
    const QList<Memo> list = MemoTable(m_db).load(QStringLiteral("WHERE id = ?"), {id});
    return list.isEmpty() ? std::nullopt : std::optional<Memo>(list.constFirst());
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
    requireWritable();
    QList<AddResult> results;
    results.reserve(articles.size());
    const QDateTime time = QDateTime::currentDateTimeUtc();
    SqlTransaction tx(m_db);
    ArticleSourceTable table(m_db);
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const AddResult r = insertArticle(articles[i], time);
        results << r;
        if (r.status == AddResult::Status::Added && i < sources.size() && !sources[i].html.isEmpty()) {
            ArticleSource source = sources[i];
            source.articleId = r.id;
            table.put(source);
        }
    }
    tx.commit();
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
    SqlTransaction tx(m_db);
    const qint64 id = FeedTable(m_db).ensureFolder(name.trimmed());
    tx.commit();
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
    const auto list = FeedTable(m_db).feeds(QStringLiteral("WHERE f.id = ?"), id);
    return list.isEmpty() ? std::nullopt : std::optional<Feed>(list.constFirst());
}

std::optional<Feed> ProjectStore::feedByUrl(const QString &url) const
{
    const auto list = FeedTable(m_db).feeds(QStringLiteral("WHERE f.url = ?"), url);
    return list.isEmpty() ? std::nullopt : std::optional<Feed>(list.constFirst());
}

qint64 ProjectStore::addFeed(const Feed &feed)
{
    requireWritable();
    if (feed.url.trimmed().isEmpty())
        throw ProjectError(QStringLiteral("a feed needs a URL"));
    SqlTransaction tx(m_db);
    const qint64 id = FeedTable(m_db).insertFeed(feed, now());
    tx.commit();
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
    requireWritable();
    SqlTransaction tx(m_db);
    FeedTable table(m_db);
    table.updateFeedState(state);
    const int added = table.mergeItems(state.id, items, now());
    tx.commit();
    Q_EMIT feedsChanged();
    return added;
}

QList<FeedItem> ProjectStore::feedItems(qint64 feedId) const
{
    return FeedTable(m_db).items(QStringLiteral("WHERE i.feed_id = ?"), feedId);
}

std::optional<FeedItem> ProjectStore::feedItem(qint64 id) const
{
    const auto list = FeedTable(m_db).items(QStringLiteral("WHERE i.id = ?"), id);
    return list.isEmpty() ? std::nullopt : std::optional<FeedItem>(list.constFirst());
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
    requireWritable();
    SqlTransaction tx(m_db);
    AnnotationEditTable edit(m_db, now());
    const qint64 articleId = edit.articleOf(annotationId);
    change(edit);
    tx.commit();
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
    requireWritable();
    SqlTransaction tx(m_db);
    AnnotationEditTable edit(m_db, now());
    QSet<qint64> touched;
    for (qint64 id : ids) {
        touched.insert(edit.articleOf(id));
        edit.remove(id);
    }
    tx.commit();
    for (qint64 articleId : std::as_const(touched))
        Q_EMIT annotationsChanged(articleId);
}

void ProjectStore::restoreAnnotations(const QList<Annotation> &annotations)
{
    requireWritable();
    SqlTransaction tx(m_db);
    AnnotationTable table(m_db);
    QSet<qint64> touched;
    for (const Annotation &a : annotations) {
        table.insertExact(a);
        touched.insert(a.articleId);
    }
    tx.commit();
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
    requireWritable();
    SqlTransaction tx(m_db);
    AnnotationEditTable(m_db, now()).articleOf(claim.annotationId); // throws if gone
    ClaimTable(m_db).save(claim);
    tx.commit();
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
    SqlTransaction tx(m_db);
    ActorTable(m_db).insert(actor, now());
    tx.commit();
    Q_EMIT actorsChanged();
}

ActorMerge ProjectStore::mergeActors(qint64 keptId, qint64 droppedId)
{
    ActorMerge merge;
    write([&] { merge = ActorTable(m_db).merge(keptId, droppedId); });
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
    SqlTransaction tx(m_db);
    LexiconTable(m_db).insert(terms);
    tx.commit();
    Q_EMIT lexiconChanged();
    return true;
}

void ProjectStore::setLexiconTerms(const QString &cue, const QString &language, const QStringList &terms)
{
    write([&] { LexiconTable(m_db).replace(cue, language, terms); });
    Q_EMIT lexiconChanged();
}
