// Copying a whole project (ProjectCopy, `framewise copy`): a file to the
// backend under test and back to a file (as tst_copy_pg, to PostgreSQL and
// back), keeping ids and UUIDs, giving byte-identical exports, rebuilding
// the search index and the kept counts; refusing a destination that is not
// new and a source that is not a project; leaving nothing behind when a
// copy fails; reading an older project file through an upgraded copy.
#include "CliRunner.h"
#include "RawSql.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "exchange/ExchangeFormat.h"
#include "store/AdjudicationRepository.h"
#include "store/PostgresLocation.h"
#include "store/ProjectCopy.h"
#include "store/ProjectSession.h"
#include "store/SavedQueryRepository.h"
#include "store/SqliteDialect.h"

#include <KZip>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using Run = CliRunner::Run;

namespace {

QString copyError(const QString &source, const QString &destination)
{
    try {
        ProjectCopy::copy(source, destination);
    } catch (const ProjectError &e) {
        return e.message();
    }
    return {};
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// What an export wrote, name by name: the files of a folder (PTC), the
// entries of a zip (a .qdpx: KZip stamps each entry with the time it was
// written, so the archive's own bytes differ from one export to the next
// while every entry's name and bytes are the same), or the one file.
QMap<QString, QByteArray> exported(const QString &path)
{
    QMap<QString, QByteArray> files;
    if (QFileInfo(path).isDir()) {
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                files.insert(QDir(path).relativeFilePath(file), f.readAll());
        }
    } else if (path.endsWith(QLatin1String(".qdpx"))) {
        KZip zip(path);
        if (!zip.open(QIODevice::ReadOnly))
            return files;
        const std::function<void(const KArchiveDirectory *, const QString &)> walk
            = [&](const KArchiveDirectory *dir, const QString &prefix) {
                  for (const QString &name : dir->entries()) {
                      const KArchiveEntry *entry = dir->entry(name);
                      if (entry->isDirectory())
                          walk(static_cast<const KArchiveDirectory *>(entry), prefix + name + '/');
                      else
                          files.insert(prefix + name,
                                       static_cast<const KArchiveFile *>(entry)->data());
                  }
              };
        walk(zip.directory(), QString());
    } else {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(QStringLiteral("the file"), f.readAll());
    }
    return files;
}

// Where a project is shows in two exports by design: the W3C collection and
// the REFI-QDA project are named after its file (or database), and the
// collection's id is derived from its path. Those strings, as the exporters
// make them, become placeholders; nothing else is touched.
QMap<QString, QByteArray> placeless(QMap<QString, QByteArray> files, const QString &project)
{
    const QString name = QFileInfo(project).completeBaseName();
    const QString id = QUuid::createUuidV5(
                           QUuid(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}")), project)
                           .toString(QUuid::WithoutBraces);
    for (QByteArray &bytes : files) {
        bytes.replace(QStringLiteral("\"Framewise: %1\"").arg(name).toUtf8(),
                      "\"Framewise: PROJECT\"");
        bytes.replace(id.toUtf8(), "PROJECT-ID");
        bytes.replace(
            QStringLiteral(" name=\"%1\" origin=\"Framewise ").arg(name.toHtmlEscaped()).toUtf8(),
            " name=\"PROJECT\" origin=\"Framewise ");
    }
    return files;
}

// Every row of a table, in key order, as text: what the project holds.
QList<QVariantList> dump(const QString &project, const QString &table, const QString &order)
{
    return RawSql::rows(project, QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, order));
}

// The project's own tables and the order their rows compare in (every
// column of a key, so that ties cannot reorder them).
const QList<std::pair<QString, QString>> kTables = {
    {QStringLiteral("articles"), QStringLiteral("id")},
    {QStringLiteral("article_sources"), QStringLiteral("article_id")},
    {QStringLiteral("article_offset_maps"), QStringLiteral("article_id")},
    {QStringLiteral("categories"), QStringLiteral("id")},
    {QStringLiteral("codes"), QStringLiteral("id")},
    {QStringLiteral("coders"), QStringLiteral("id")},
    {QStringLiteral("actors"), QStringLiteral("id")},
    {QStringLiteral("actor_aliases"), QStringLiteral("actor_id, alias")},
    {QStringLiteral("annotations"), QStringLiteral("id")},
    {QStringLiteral("annotation_codes"), QStringLiteral("annotation_id, code_id")},
    {QStringLiteral("annotation_original_spans"), QStringLiteral("annotation_id")},
    {QStringLiteral("claims"), QStringLiteral("annotation_id")},
    {QStringLiteral("memos"), QStringLiteral("id")},
    {QStringLiteral("lexicon_terms"), QStringLiteral("id")},
    {QStringLiteral("feed_folders"), QStringLiteral("id")},
    {QStringLiteral("feeds"), QStringLiteral("id")},
    {QStringLiteral("feed_items"), QStringLiteral("id")},
    // Kept by triggers: the copy's own triggers must arrive at the same.
    {QStringLiteral("article_counts"), QStringLiteral("article_id")},
    {QStringLiteral("code_articles"), QStringLiteral("code_id, article_id")},
    {QStringLiteral("code_days"), QStringLiteral("code_id, day, outlet")},
};

} // namespace

class TestCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripKeepsEverything();
    void copyOnTheBackendIsComplete();
    void exportsAreIdentical();
    void copiesSearchAndContinuesIds();
    void copiesWithinTheBackend();
    void refusesADestinationThatIsNotNew();
    void refusesASourceThatIsNotAProject();
    void failureLeavesNothing();
    void stoppingLeavesNothing();
    void readsAnOlderFileThroughAnUpgradedCopy();
    void refusesAnOlderServerProject();
    void commandLine();

private:
    void build(const QString &path);
    QString file(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    TestProject m_projects;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
    QString m_original, m_middle, m_back;
    ProjectCopy::Report m_there; // original -> middle
};

void TestCopy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    REQUIRE_BACKEND(m_projects);
    m_original = file(QStringLiteral("original.framewise"));
    build(m_original);
    m_middle = m_projects.location(QStringLiteral("middle"));
    m_back = file(QStringLiteral("back.framewise"));
    const QByteArray before = fileHash(m_original);
    m_there = ProjectCopy::copy(m_original, m_middle);
    // Reading the source changes no byte of it, and leaves nothing beside it.
    QCOMPARE(fileHash(m_original), before);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("original.framewise*")}),
             QStringList {QStringLiteral("original.framewise")});
    const ProjectCopy::Report &there = m_there;
    QCOMPARE(there.rows(QStringLiteral("articles")), 5);
    QCOMPARE(there.rows(QStringLiteral("categories")), 3); // and the PTC techniques'
    QCOMPARE(there.rows(QStringLiteral("actor_aliases")), 1);
    QCOMPARE(there.rows(QStringLiteral("lexicon_terms")), 3);
    QCOMPARE(there.rows(QStringLiteral("article_sources")), 1);
    QCOMPARE(there.sourceVersion, SqliteDialect::currentVersion);
    for (const ProjectCopy::Table &t : there.tables)
        QVERIFY2(!t.name.startsWith(QLatin1String("articles_fts")) && t.name != "fts_pending"
                     && t.name != "article_counts" && t.name != "text_units",
                 qPrintable(t.name));
    QList<std::pair<QString, QString>> stages;
    const ProjectCopy::Report back
        = ProjectCopy::copy(m_middle, m_back, [&](const QString &stage, qint64 done, qint64 total) {
              QVERIFY(done <= total);
              if (stages.isEmpty() || stages.constLast().first != stage)
                  stages.append({stage, QString()});
              stages.last().second = QStringLiteral("%1/%2").arg(done).arg(total);
          });
    // Progress ends at its total: every row, then every article indexed.
    QCOMPARE(stages.size(), 2);
    QCOMPARE(stages.at(0).first, QStringLiteral("copying"));
    qint64 rows = 0;
    for (const ProjectCopy::Table &t : back.tables)
        rows += t.rows;
    QCOMPARE(stages.at(0).second, QStringLiteral("%1/%1").arg(rows));
    QCOMPARE(stages.at(1),
             std::make_pair(QStringLiteral("indexing for search"), QStringLiteral("5/5")));
    QCOMPARE(back.rows(QStringLiteral("annotations")), there.rows(QStringLiteral("annotations")));
}

// A project with something in every table: text in several scripts, codes
// in categories (one under a parent made after it), two coders' annotations
// with claims, actors with aliases, memos, a feed, lexicon terms, an
// adjudication, saved queries, a setting, an imported PTC corpus.
void TestCopy::build(const QString &path)
{
    auto s = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
    const QList<QString> texts = {
        QStringLiteral("Talks in Seoul 😀 went on.\nThe minister said the war would end; "
                       "critics called it \"a \\ slogan\" and 'wishful'."),
        QStringLiteral("北朝鮮の記者は、会談が成功したと報じた。\n専門家は疑問を呈した。"),
        QStringLiteral("قال الوزير إن الحرب ستنتهي قريبا.\nورد المعارضون بالتشكيك."),
    };
    QList<Article> articles;
    QList<ArticleSource> sources;
    for (int i = 0; i < texts.size(); ++i) {
        Article a;
        a.title = QStringLiteral("Article %1 — ☕").arg(i + 1);
        a.outlet = i == 1 ? QStringLiteral("朝日") : QStringLiteral("The Daily");
        a.author = QStringLiteral("Ana Núñez");
        a.published = QStringLiteral("2025-05-0%1").arg(i + 1);
        a.url = QStringLiteral("https://example.org/%1").arg(i + 1);
        a.language = i == 1 ? QStringLiteral("ja")
                            : (i == 2 ? QStringLiteral("ar") : QStringLiteral("en"));
        a.text = texts.at(i);
        articles << a;
        ArticleSource src;
        src.url = a.url;
        src.fetchedAt = QDateTime(QDate(2025, 5, 1), QTime(12, 0), QTimeZone::UTC);
        src.contentType = QStringLiteral("text/html; charset=utf-8");
        src.html = i == 0 ? QByteArray("\x1f\x8b\x00\x01binary\xff", 11) : QByteArray();
        sources << src;
    }
    QList<qint64> ids;
    for (const auto &r : s->articles().addMany(articles, sources))
        ids << r.id;
    ExchangeFormat::importPaths(*s, ExchangeFormat::Format::Ptc,
                                {QStringLiteral(FRAMEWISE_TEST_DATA "/ptc")});

    Category frames;
    frames.name = QStringLiteral("Frames");
    frames.kind = Category::Kind::Frame;
    frames.colour = QStringLiteral("#336699");
    frames.id = s->codebook().addCategory(frames);
    Category claims;
    claims.name = QStringLiteral("Claims ✓");
    claims.kind = Category::Kind::Claim;
    claims.colour = QStringLiteral("#993366");
    claims.id = s->codebook().addCategory(claims);
    Code child;
    child.categoryId = frames.id;
    child.name = QStringLiteral("Security threat");
    child.colour = QStringLiteral("#112233");
    child.shortcut = QStringLiteral("1");
    child.description = QStringLiteral("Danger — as a frame");
    child.id = s->codebook().addCode(child);
    Code parent;
    parent.categoryId = frames.id;
    parent.name = QStringLiteral("Conflict");
    parent.colour = QStringLiteral("#445566");
    parent.id = s->codebook().addCode(parent);
    // A child with a smaller id than its parent: rows in id order would put
    // it before the row it refers to.
    s->codebook().moveCode(child.id, frames.id, parent.id, 0);
    Code claim;
    claim.categoryId = claims.id;
    claim.name = QStringLiteral("Claim");
    claim.colour = QStringLiteral("#778899");
    claim.id = s->codebook().addCode(claim);

    Actor minister;
    minister.name = QStringLiteral("Minister Kim");
    minister.kind = QStringLiteral("person");
    minister.id = s->actors().add(minister);
    s->actors().addAlias(minister.id, QStringLiteral("김 장관"));
    Actor critics;
    critics.name = QStringLiteral("المعارضون");
    critics.kind = QStringLiteral("group");
    critics.id = s->actors().add(critics);

    QList<qint64> annotations;
    const auto annotate = [&](qint64 article, qint64 start, qint64 end, qint64 code,
                              const QString &coder, bool document = false) {
        NewAnnotation n;
        n.articleId = article;
        n.start = start;
        n.end = end;
        n.codeIds = {code};
        n.coderName = coder;
        n.document = document;
        n.note = QStringLiteral("note by %1 ✎").arg(coder);
        annotations << s->annotations().add(n).id;
        return annotations.constLast();
    };
    const qint64 said = annotate(ids[0], 27, 55, claim.id, QStringLiteral("ana"));
    annotate(ids[0], 27, 58, claim.id, QStringLiteral("ben"));
    annotate(ids[0], 0, 14, child.id, QStringLiteral("ana"));
    annotate(ids[1], 0, 5, parent.id, QStringLiteral("ben"));
    annotate(ids[2], 0, 8, child.id, QStringLiteral("ana"));
    annotate(ids[2], 0, 0, parent.id, QStringLiteral("ben"), true);
    s->annotations().addCode(said, parent.id);
    s->annotations().setActor(said, minister.id);
    s->annotations().setPrimary(said, true);
    Claim c;
    c.annotationId = said;
    c.speakerId = minister.id;
    c.targetId = critics.id;
    c.stance = QStringLiteral("opposes");
    c.kind = QStringLiteral("prediction");
    c.status = QStringLiteral("misleading");
    c.evidence = QStringLiteral("No sign of it — “quoted”");
    s->annotations().setClaim(c);

    const auto memo = [&](Memo::Target target, qint64 id, const QString &title) {
        Memo m;
        m.target = target;
        m.targetId = id;
        m.title = title;
        m.body = QStringLiteral("Body of %1: 😀 北 قال").arg(title);
        s->memos().add(m);
    };
    memo(Memo::Target::Project, 0, QStringLiteral("Project memo"));
    memo(Memo::Target::Article, ids[1], QStringLiteral("Article memo"));
    memo(Memo::Target::Code, child.id, QStringLiteral("Code memo"));
    memo(Memo::Target::Annotation, said, QStringLiteral("Annotation memo"));

    Feed feed;
    feed.url = QStringLiteral("https://example.org/feed.xml");
    feed.title = QStringLiteral("Example feed");
    feed.folderId = s->feeds().ensureFolder(QStringLiteral("News ☕"));
    feed.id = s->feeds().add(feed);
    feed.lastFetched = QDateTime(QDate(2025, 5, 2), QTime(8, 0), QTimeZone::UTC);
    FeedItem item;
    item.guid = QStringLiteral("item-1");
    item.title = QStringLiteral("Talks in Seoul");
    item.url = QStringLiteral("https://example.org/1");
    s->feeds().recordRefresh(feed, {item});
    s->feeds().linkItem(s->feeds().items(feed.id).constFirst().id, ids[0]);

    s->lexicon().setTerms(QStringLiteral("hedge"), QStringLiteral("en"),
                          {QStringLiteral("reportedly"), QStringLiteral("allegedly")});
    s->lexicon().setTerms(QStringLiteral("hedge"), QStringLiteral("ja"),
                          {QStringLiteral("らしい")});

    AdjudicationDecision d;
    d.consensusCoderId = s->coders().ensure(QStringLiteral("consensus"));
    d.unit = QStringLiteral("document");
    d.articleId = ids[0];
    d.codeIds = {claim.id};
    d.acceptedCoderIds = {s->coders().byName(QStringLiteral("ana"))->id};
    d.decided = QDateTime(QDate(2025, 5, 3), QTime(9, 30), QTimeZone::UTC);
    s->adjudications().add(d);

    SavedQueryRepository(s->database()).save(QStringLiteral("claims"), QStringLiteral("Claim"));
    SavedQueryRepository(s->database())
        .save(QStringLiteral("threats ☕"), QStringLiteral("\"Security threat\" AND coder:ana"));
    s->settings().setBlindCoding(true);
}

// Every project table has the same rows, ids and UUIDs after file ->
// backend -> file; the counts kept by triggers are the same too.
void TestCopy::roundTripKeepsEverything()
{
    for (const auto &[table, order] : kTables) {
        const QList<QVariantList> original = dump(m_original, table, order);
        QVERIFY2(!original.isEmpty(), qPrintable(table));
        QCOMPARE(dump(m_back, table, order), original);
    }
    // meta: settings, saved queries, adjudications, the creation time; the
    // server's text search language comes back as a setting SQLite ignores.
    const QString meta = QStringLiteral("SELECT key, value FROM meta WHERE key <> "
                                        "'search_language' ORDER BY key");
    QCOMPARE(RawSql::rows(m_back, meta), RawSql::rows(m_original, meta));
    QCOMPARE(RawSql::rows(m_original, meta).size(), 5);
    QCOMPARE(RawSql::scalar(m_back, QStringLiteral("PRAGMA user_version")).toInt(),
             SqliteDialect::currentVersion);
    QVERIFY(RawSql::rows(m_back, QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
    QCOMPARE(RawSql::scalar(m_back, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
}

// The copy on the backend under test holds the same rows (compared as the
// store reads them, which spells types alike on both).
void TestCopy::copyOnTheBackendIsComplete()
{
    auto original = ProjectSession::open(m_original);
    auto middle = ProjectSession::open(m_middle);
    const auto uuids = [](ProjectSession &s) {
        QStringList list;
        for (qint64 id = 1; id <= s.articles().count(); ++id)
            list << s.articles().get(id)->uuid + s.articles().get(id)->contentHash;
        for (const Annotation &a : s.annotations().all())
            list << a.uuid + a.quote + a.note;
        for (const Code &c : s.codebook().codes())
            list << c.uuid + c.name + QString::number(c.parentId);
        for (const Category &c : s.codebook().categories())
            list << c.uuid + c.name;
        for (const Coder &c : s.coders().all())
            list << c.uuid + c.name;
        for (const Actor &a : s.actors().all())
            list << a.uuid + a.name + a.aliases.join(QLatin1Char('|'));
        for (const Claim &c : s.annotations().claims())
            list << c.uuid + c.evidence;
        for (const Memo &m : s.memos().all())
            list << m.uuid + m.body;
        return list;
    };
    QCOMPARE(uuids(*middle), uuids(*original));
    QCOMPARE(middle->settings().blindCoding(), true);
    QCOMPARE(SavedQueryRepository(middle->database()).all().size(), 2);
    QCOMPARE(middle->adjudications()
                 .forCoder(middle->coders().byName(QStringLiteral("consensus"))->id)
                 .size(),
             1);
    QCOMPARE(
        middle->feeds().items(middle->feeds().all().constFirst().id).constFirst().articleId,
        original->feeds().items(original->feeds().all().constFirst().id).constFirst().articleId);
    QCOMPARE(middle->articles().summaries().size(), 5);
    for (const ArticleSummary &a : middle->articles().summaries())
        QCOMPARE(a.annotationCount,
                 original->articles().summaries().at(int(a.id - 1)).annotationCount);
}

// Every export format writes the same bytes from the original, from the
// copy on the backend and from the file that came back.
void TestCopy::exportsAreIdentical()
{
    auto original = ProjectSession::open(m_original);
    auto middle = ProjectSession::open(m_middle);
    auto back = ProjectSession::open(m_back);
    QStringList formats = ExchangeFormat::exportNames();
    formats << QStringLiteral("qdpx") << QStringLiteral("qdc");
    for (const QString &name : std::as_const(formats)) {
        const ExchangeFormat::Format format = *ExchangeFormat::fromName(name);
        QMap<QString, QByteArray> outputs[3];
        int i = 0;
        for (ProjectSession *s : {original.get(), middle.get(), back.get()}) {
            const QString out = file(QStringLiteral("export-%1-%2.%1").arg(name).arg(i));
            ExchangeFormat::exportTo(*s, format, out);
            outputs[i++] = placeless(exported(out), s->path());
        }
        QVERIFY2(!outputs[0].isEmpty(), qPrintable(name));
        for (int copy : {1, 2}) {
            for (auto it = outputs[0].cbegin(); it != outputs[0].cend(); ++it) {
                QVERIFY2(outputs[copy].value(it.key()) == it.value(),
                         qPrintable(QStringLiteral("%1 of %2 differs in the %3:\n%4\n---\n%5")
                                        .arg(it.key(), name,
                                             copy == 1 ? QStringLiteral("copy on the backend")
                                                       : QStringLiteral("file that came back"),
                                             QString::fromUtf8(it.value().left(3000)),
                                             QString::fromUtf8(
                                                 outputs[copy].value(it.key()).left(3000)))));
            }
            QCOMPARE(outputs[copy].keys(), outputs[0].keys());
        }
    }
}

// Search finds articles in every copy at once; new rows get ids after the
// copied ones.
void TestCopy::copiesSearchAndContinuesIds()
{
    for (const QString &where : {m_middle, m_back}) {
        auto s = ProjectSession::open(where);
        QCOMPARE(s->articles().unindexedCount(), 0);
        const QList<ArticleSearchHit> hits = s->articles().search(QStringLiteral("minister"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.constFirst().articleId, 1);
        QCOMPARE(s->articles().search(QStringLiteral("seoul")).size(), 1);
    }
    // A server plans its queries on statistics the copy gathers (reltuples
    // stays -1 until ANALYZE), and the copy was vacuumed once committed.
    if (TestProject::onPostgres()) {
        QCOMPARE(RawSql::scalar(m_middle, QStringLiteral("SELECT reltuples FROM pg_class WHERE "
                                                         "oid = 'articles'::regclass"))
                     .toInt(),
                 5);
        QCOMPARE(RawSql::scalar(m_middle, QStringLiteral("SELECT count(*) FROM pg_stat_user_tables "
                                                         "WHERE last_vacuum IS NOT NULL AND "
                                                         "relname IN ('articles', 'annotations')"))
                     .toInt(),
                 2);
    }
    const QString again = m_projects.copyOf(m_middle, QStringLiteral("again"));
    auto s = ProjectSession::open(again);
    Article a;
    a.title = QStringLiteral("After the copy");
    a.text = QStringLiteral("A new article.");
    QCOMPARE(s->articles().add(a).id, 6);
    NewAnnotation n;
    n.articleId = 6;
    n.start = 0;
    n.end = 5;
    n.codeIds = {s->codebook().ensureCode(QStringLiteral("New code")).id};
    const Annotation added = s->annotations().add(n);
    QVERIFY(added.id > ProjectSession::open(m_original)->annotations().count());
    QCOMPARE(s->codebook().codeByName(QStringLiteral("New code"))->id,
             s->codebook().codes().size());
}

// Within one backend too: file to file, server to server.
void TestCopy::copiesWithinTheBackend()
{
    const QString second = m_projects.location(QStringLiteral("second"));
    ProjectCopy::copy(m_middle, second);
    const auto &[table, order] = kTables.at(8); // annotations
    QCOMPARE(dump(second, table, order), dump(m_middle, table, order));
    auto s = ProjectSession::open(second);
    QCOMPARE(s->articles().search(QStringLiteral("minister")).size(), 1);
}

void TestCopy::refusesADestinationThatIsNotNew()
{
    // A file that exists, project or not, keeps its bytes.
    const QString text = file(QStringLiteral("notes.txt"));
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("my notes\n");
    }
    for (const QString &existing : {m_back, text}) {
        const QByteArray before = fileHash(existing);
        const QString error = copyError(m_original, existing);
        QVERIFY2(error.contains(QDir::toNativeSeparators(existing))
                     && error.contains(QLatin1String("already exists")),
                 qPrintable(error));
        QCOMPARE(fileHash(existing), before);
    }
    if (!TestProject::onPostgres())
        return;
    // A database that holds a project, or other tables.
    QString error = copyError(m_original, m_middle);
    QVERIFY2(error.startsWith(m_middle)
                 && error.contains(QLatin1String("already holds a Framewise "
                                                 "project")),
             qPrintable(error));
    QCOMPARE(ProjectSession::open(m_middle)->articles().count(), 5);
    const QString foreign = m_projects.location(QStringLiteral("foreign"));
    RawSql::run(foreign, {QStringLiteral("CREATE TABLE invoices (id integer)")});
    error = copyError(m_original, foreign);
    QVERIFY2(error.startsWith(foreign) && error.contains(QLatin1String("not a Framewise project")),
             qPrintable(error));
    QCOMPARE(RawSql::scalar(foreign,
                            QStringLiteral("SELECT count(*) FROM pg_tables WHERE "
                                           "schemaname = 'public'"))
                 .toInt(),
             1);
}

void TestCopy::refusesASourceThatIsNotAProject()
{
    const QString text = file(QStringLiteral("source.txt"));
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("plain text\n");
    }
    const QString target = m_projects.location(QStringLiteral("never"));
    QString error = copyError(text, target);
    QVERIFY2(error.contains(QDir::toNativeSeparators(text))
                 && error.contains(QLatin1String("not a Framewise project")),
             qPrintable(error));
    error = copyError(file(QStringLiteral("missing.framewise")), target);
    QVERIFY2(error.contains(QLatin1String("no such file")), qPrintable(error));
    if (TestProject::onPostgres()) {
        // An empty database is no project either, and is left empty.
        const QString empty = m_projects.location(QStringLiteral("empty"));
        error = copyError(empty, file(QStringLiteral("from-empty.framewise")));
        QVERIFY2(error.startsWith(empty) && error.contains(QLatin1String("empty")),
                 qPrintable(error));
        QCOMPARE(RawSql::scalar(target,
                                QStringLiteral("SELECT count(*) FROM pg_tables WHERE "
                                               "schemaname = 'public'"))
                     .toInt(),
                 0);
    } else {
        QVERIFY(!QFile::exists(target));
    }
    QVERIFY(!QFile::exists(file(QStringLiteral("from-empty.framewise"))));
}

// A row the destination refuses (here a link to a code that is not there,
// put in around the store) fails the copy half-way: nothing is left.
void TestCopy::failureLeavesNothing()
{
    const QString broken = file(QStringLiteral("broken.framewise"));
    QVERIFY(QFile::copy(m_original, broken));
    RawSql::run(broken,
                {QStringLiteral("PRAGMA foreign_keys = OFF"),
                 QStringLiteral("INSERT INTO annotation_codes(annotation_id, code_id) "
                                "VALUES (1, 999)")});
    const QString target = m_projects.location(QStringLiteral("broken"));
    const QString error = copyError(broken, target);
    QVERIFY2(error.contains(QLatin1String("copying table annotation_codes from"))
                 && error.contains(broken),
             qPrintable(error));
    QVERIFY(TestProject::nothingAt(target));
    if (TestProject::onPostgres()) {
        // Empty again, so it can take a copy.
        RawSql::run(broken, {QStringLiteral("DELETE FROM annotation_codes WHERE code_id = 999")});
        ProjectCopy::copy(broken, target);
        QCOMPARE(ProjectSession::open(target)->articles().count(), 5);
    }
}

// A copy stopped by its progress callback (the window's Cancel button)
// leaves the destination as it was, and it can take a copy afterwards.
void TestCopy::stoppingLeavesNothing()
{
    struct Stop
    {
    };
    const QString target = m_projects.location(QStringLiteral("stopped"));
    int calls = 0;
    QStringList stages;
    try {
        ProjectCopy::copy(m_original, target, [&](const QString &stage, qint64, qint64) {
            stages << stage;
            if (++calls == 3)
                throw Stop {};
        });
        QFAIL("the copy did not stop");
    } catch (const Stop &) {
    }
    QCOMPARE(stages, QStringList(3, QStringLiteral("copying")));
    QVERIFY(TestProject::nothingAt(target));
    ProjectCopy::copy(m_original, target);
    QCOMPARE(ProjectSession::open(target)->articles().count(), 5);
}

// The schema-10 release's file is copied as this version's project; the
// file itself is not written (not even upgraded).
void TestCopy::readsAnOlderFileThroughAnUpgradedCopy()
{
    const QString old = file(QStringLiteral("v10.framewise"));
    QVERIFY(
        QFile::copy(QStringLiteral(FRAMEWISE_TEST_DATA "/projects/v10-release.framewise"), old));
    QFile::setPermissions(old, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray before = fileHash(old);
    const QString target = m_projects.location(QStringLiteral("from-v10"));
    const ProjectCopy::Report r = ProjectCopy::copy(old, target);
    QCOMPARE(r.sourceVersion, 10);
    QCOMPARE(fileHash(old), before);
    QVERIFY(!QFile::exists(old + QLatin1String("-wal")));
    QCOMPARE(RawSql::scalar(old, QStringLiteral("PRAGMA user_version")).toInt(), 10);
    auto s = ProjectSession::open(target);
    QCOMPARE(s->schemaVersion(), SqliteDialect::currentVersion);
    QCOMPARE(s->annotations().count(), 9);
    QCOMPARE(s->articles().summaries().at(0).annotationCount, 6);
    QCOMPARE(RawSql::rows(target, QStringLiteral("SELECT uuid FROM annotations ORDER BY id")),
             RawSql::rows(old, QStringLiteral("SELECT uuid FROM annotations ORDER BY id")));
}

// A server project older than this version is not upgraded by reading it.
void TestCopy::refusesAnOlderServerProject()
{
    if (!TestProject::onPostgres())
        return; // no file is refused: readsAnOlderFileThroughAnUpgradedCopy
    const QString old = m_projects.location(QStringLiteral("old"));
    ProjectCopy::copy(m_original, old);
    // What a schema-10 server project holds; the store would add it back.
    RawSql::run(old,
                {QStringLiteral("DROP TABLE article_counts CASCADE"),
                 QStringLiteral("UPDATE framewise_schema SET version = 10")});
    const QString error = copyError(old, file(QStringLiteral("from-old.framewise")));
    QVERIFY2(error.startsWith(old) && error.contains(QLatin1String("version 10"))
                 && error.contains(QLatin1String("open it once")),
             qPrintable(error));
    QCOMPARE(RawSql::scalar(old, QStringLiteral("SELECT version FROM framewise_schema")).toInt(),
             10);
    QVERIFY(!QFile::exists(file(QStringLiteral("from-old.framewise"))));
}

void TestCopy::commandLine()
{
    const QString target = m_projects.location(QStringLiteral("cli"));
    Run r = m_cli.run({QStringLiteral("copy"), m_original, target});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData()); // no progress bar: not a terminal
    qint64 rows = 0;
    for (const ProjectCopy::Table &t : m_there.tables)
        rows += t.rows;
    const auto n = [&](const char *table) { return m_there.rows(QLatin1String(table)); };
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("copied %1 to %2: 5 articles, %3 annotations, %4 codes in 3 "
                            "categories, %5 coders, 2 actors, 4 memos, 1 feed, 3 lexicon terms "
                            "(%6 rows in all)\n")
                 .arg(m_original, target)
                 .arg(n("annotations"))
                 .arg(n("codes"))
                 .arg(n("coders"))
                 .arg(rows));
    QCOMPARE(ProjectSession::open(target)->annotations().count(), n("annotations"));

    // Refusals exit 1 naming what is wrong, and write nothing.
    r = m_cli.run({QStringLiteral("copy"), m_original, m_back});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("framewise: " + QDir::toNativeSeparators(m_back).toUtf8())
                 && r.err.contains("already exists"),
             r.err.constData());
    QVERIFY(r.out.isEmpty());
    const QString text = m_cli.write(QStringLiteral("cli.txt"), "not a project\n");
    r = m_cli.run({QStringLiteral("copy"), text, file(QStringLiteral("cli-new.framewise"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not a Framewise project"), r.err.constData());
    QVERIFY(!QFile::exists(file(QStringLiteral("cli-new.framewise"))));
    // An older file: a note on stderr, the line on stdout.
    const QString old = file(QStringLiteral("cli-v10.framewise"));
    QVERIFY(
        QFile::copy(QStringLiteral(FRAMEWISE_TEST_DATA "/projects/v10-release.framewise"), old));
    QFile::setPermissions(old, QFile::ReadOwner | QFile::WriteOwner);
    r = m_cli.run({QStringLiteral("copy"), old, file(QStringLiteral("cli-v11.framewise"))});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("has project version 10: copied from an upgraded temporary copy"),
             r.err.constData());
    QVERIFY2(r.out.contains(": 2 articles, 9 annotations, "), r.out.constData());

    // Bad usage exits 2; the command list and its help name it.
    r = m_cli.run({QStringLiteral("copy"), m_original});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("usage: framewise copy SOURCE DESTINATION"), r.err.constData());
    r = m_cli.run({QStringLiteral("--help")});
    QVERIFY(r.out.contains("framewise copy SOURCE DESTINATION"));
    r = m_cli.run({QStringLiteral("copy"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("DESTINATION must be new"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCopy)
#include "tst_copy.moc"
