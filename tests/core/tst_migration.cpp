// Forward migration of a project file saved by the previous release
// (tests/data/projects/v6-release.framewise, schema 6) to this one.
#include "RawSql.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "store/SqliteDialect.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <tuple>

class TestMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void upgradesTheReleasedFile();
    void givesEveryRowAUniqueUuid();
    void keepsCodingIntact();
    void keepsSearchAndImmutability();
    void addsOffsetMapsInVersion8();
    void upgradesTheV7Release();
    void upgradesTheV9ReleaseWithAListingIndex();
    void upgradesTheV10ReleaseWithAPlacesIndex();
    void upgradesTheV11ReleaseWithRowVersions();
    void upgradesTheV12Release();

private:
    // A writable copy of the file the schema-`version` release saved.
    QString copyOfRelease(int version = 6);
    QTemporaryDir m_dir;
    int m_copies = 0;
};

void TestMigration::init()
{
    QVERIFY(m_dir.isValid());
}

// Version 8: the offset maps of exchange formats, empty after the upgrade
// and deleted with their article.
void TestMigration::addsOffsetMapsInVersion8()
{
    const QString path = copyOfRelease();
    auto session = ProjectSession::open(path);
    QCOMPARE(session->offsetMaps().maps(QStringLiteral("ptc")).size(), 0);
    const qint64 article = session->articles().summaries().constFirst().id;
    session->offsetMaps().put({article, QStringLiteral("ptc"), QStringLiteral("111"), QStringLiteral("{\"bom\":true}")});
    QCOMPARE(session->offsetMaps().map(article)->externalId, QStringLiteral("111"));
    session->articles().remove({article});
    QVERIFY(!session->offsetMaps().map(article));
    session.reset();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA foreign_key_check")), QVariant());
}

// The store v2 release (schema 7) moves to 8 in one step, keeping every
// UUID and annotation, and takes a PTC offset map afterwards.
void TestMigration::upgradesTheV7Release()
{
    const QString path = copyOfRelease(7);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 7);
    const QString uuids = RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations")).toString();
    const int annotations = RawSql::scalar(path, QStringLiteral("SELECT count(*) FROM annotations")).toInt();
    QVERIFY(annotations > 0);
    auto session = ProjectSession::open(path);
    QCOMPARE(session->schemaVersion(), SqliteDialect::currentVersion);
    QCOMPARE(session->annotations().count(), annotations);
    const qint64 article = session->articles().summaries().constFirst().id;
    session->offsetMaps().put({article, QStringLiteral("ptc"), QStringLiteral("7"), QStringLiteral("{}")});
    QCOMPARE(session->offsetMaps().maps(QStringLiteral("ptc")).size(), 1);
    session.reset();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), SqliteDialect::currentVersion);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations")).toString(), uuids);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

// The analysis release (schema 9) moves to 10, which lists the library from
// a narrow index instead of the article rows with their texts.
void TestMigration::upgradesTheV9ReleaseWithAListingIndex()
{
    const QString path = copyOfRelease(9);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 9);
    const QString listingIndex
        = QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'articles_listing'");
    QCOMPARE(RawSql::scalar(path, listingIndex).toInt(), 0);
    const QString uuids = RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations")).toString();
    auto session = ProjectSession::open(path);
    QCOMPARE(session->schemaVersion(), SqliteDialect::currentVersion);
    const QList<ArticleSummary> library = session->articles().summaries();
    QCOMPARE(library.size(), 2);
    QCOMPARE(library.at(0).annotationCount, 5); // four coders' spans on article 1
    QCOMPARE(library.at(1).annotationCount, 3);
    const QList<Annotation> first = session->annotations().forArticle(library.at(0).id);
    QVERIFY(std::any_of(first.cbegin(), first.cend(), [](const Annotation &a) {
        return a.coderName == QLatin1String("dana") && a.note == QLatin1String("schema 9");
    }));
    session.reset();
    QCOMPARE(RawSql::scalar(path, listingIndex).toInt(), 1);
    // The listing is read from the index alone, never from the texts.
    const auto plan = RawSql::rows(
        path, QStringLiteral("EXPLAIN QUERY PLAN SELECT a.id, a.title, a.outlet, a.published FROM "
                             "articles a ORDER BY a.id"));
    QVERIFY(!plan.isEmpty());
    QVERIFY2(plan.constLast().constLast().toString().contains(
                 QStringLiteral("COVERING INDEX articles_listing")),
             qPrintable(plan.constLast().constLast().toString()));
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations")).toString(), uuids);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void TestMigration::upgradesTheV10ReleaseWithAPlacesIndex()
{
    const QString path = copyOfRelease(10);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 10);
    const QString placesIndex
        = QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'annotations_places'");
    QCOMPARE(RawSql::scalar(path, placesIndex).toInt(), 0);
    const QString uuids
        = RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations"))
              .toString();
    auto session = ProjectSession::open(path);
    QCOMPARE(session->schemaVersion(), SqliteDialect::currentVersion);
    // Places as agreement reads them: by article, then start; emil's span
    // (saved by the schema-10 release) among them with its code.
    const QList<AnnotationRepository::Place> places = session->annotations().places();
    QCOMPARE(places.size(), 9);
    QVERIFY(std::is_sorted(places.cbegin(), places.cend(), [](const auto &a, const auto &b) {
        return std::tie(a.articleId, a.start) < std::tie(b.articleId, b.start);
    }));
    const auto emil = session->coders().byName(QStringLiteral("emil"));
    QVERIFY(emil);
    const auto emils = std::count_if(places.cbegin(), places.cend(), [&](const auto &p) {
        return p.coderId == emil->id && p.articleId == 1 && p.start == 0 && p.end == 12
            && p.codeIds.size() == 1;
    });
    QCOMPARE(emils, 1);
    const QList<Annotation> first = session->annotations().forArticle(1);
    QVERIFY(std::any_of(first.cbegin(), first.cend(), [](const Annotation &a) {
        return a.coderName == QLatin1String("emil") && a.note == QLatin1String("schema 10");
    }));
    // The library's counts, now kept in their own table, start right.
    const QList<ArticleSummary> library = session->articles().summaries();
    QCOMPARE(library.size(), 2);
    QCOMPARE(library.at(0).annotationCount, 6);
    QCOMPARE(library.at(1).annotationCount, 3);
    session.reset();
    QCOMPARE(RawSql::scalar(path, placesIndex).toInt(), 1);
    // Agreement's scan of every place reads the index, not the rows.
    const auto plan = RawSql::rows(
        path,
        QStringLiteral("EXPLAIN QUERY PLAN SELECT id, article_id, coder_id, start, \"end\", "
                       "scope FROM annotations INDEXED BY annotations_places ORDER BY id"));
    QVERIFY(!plan.isEmpty());
    QVERIFY2(plan.constLast().constLast().toString().contains(
                 QStringLiteral("COVERING INDEX annotations_places")),
             qPrintable(plan.constLast().constLast().toString()));
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations"))
                 .toString(),
             uuids);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
}

// Schema 12: every code, category and actor of the schema-11 release gets
// row version 1 (optimistic concurrency between coders); edits raise it and
// an edit naming an older version changes nothing.
void TestMigration::upgradesTheV11ReleaseWithRowVersions()
{
    const QString path = copyOfRelease(11);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 11);
    const QString versionColumns = QStringLiteral(
        "SELECT (SELECT count(*) FROM pragma_table_info('codes') WHERE name = 'version') + "
        "(SELECT count(*) FROM pragma_table_info('categories') WHERE name = 'version') + "
        "(SELECT count(*) FROM pragma_table_info('actors') WHERE name = 'version')");
    QCOMPARE(RawSql::scalar(path, versionColumns).toInt(), 0);
    const QString uuids
        = RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM codes")).toString();

    auto session = ProjectSession::open(path);
    QCOMPARE(session->schemaVersion(), SqliteDialect::currentVersion);
    const QList<Code> codes = session->codebook().codes();
    QCOMPARE(codes.size(), 15);
    QVERIFY(
        std::all_of(codes.cbegin(), codes.cend(), [](const Code &c) { return c.version == 1; }));
    const QList<Category> categories = session->codebook().categories();
    QCOMPARE(categories.size(), 2);
    QVERIFY(std::all_of(categories.cbegin(), categories.cend(),
                        [](const Category &c) { return c.version == 1; }));
    const QList<Actor> actors = session->actors().all();
    QCOMPARE(actors.size(), 2);
    QCOMPARE(actors.at(0).name, QStringLiteral("Kim Jong Un"));
    QCOMPARE(actors.at(0).aliases, QStringList {QStringLiteral("Kim")});
    QVERIFY(
        std::all_of(actors.cbegin(), actors.cend(), [](const Actor &a) { return a.version == 1; }));
    // fay's annotation, saved by the schema-11 release, is still there.
    const QList<Annotation> first = session->annotations().forArticle(1);
    QVERIFY(std::any_of(first.cbegin(), first.cend(), [](const Annotation &a) {
        return a.coderName == QLatin1String("fay") && a.note == QLatin1String("schema 11");
    }));

    Code loaded = *session->codebook().codeByName(QStringLiteral("Loaded language"));
    Code stale = loaded;
    loaded.description = QStringLiteral("Words with strong connotations.");
    QCOMPARE(session->codebook().updateCode(loaded), 2);
    stale.colour = QStringLiteral("#123456");
    QVERIFY_THROWS_EXCEPTION(ProjectError, session->codebook().updateCode(stale));
    QCOMPARE(session->codebook().code(loaded.id)->colour, loaded.colour);
    session.reset();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(),
             SqliteDialect::currentVersion);
    QCOMPARE(RawSql::scalar(path, versionColumns).toInt(), 3);
    QCOMPARE(
        RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM codes")).toString(),
        uuids);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
}

// Schema 13 changes nothing in a project file (its step moves PostgreSQL's
// search vectors): the schema-12 release opens, keeps every row, and its
// index answers through the ranking function each connection now has.
void TestMigration::upgradesTheV12Release()
{
    const QString path = copyOfRelease(12);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 12);
    const QString schema = QStringLiteral(
        "SELECT group_concat(type || name || coalesce(sql, ''), char(10)) FROM "
        "(SELECT * FROM sqlite_schema ORDER BY name)");
    const QString before = RawSql::scalar(path, schema).toString();
    const QString uuids =
        RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations"))
            .toString();

    auto session = ProjectSession::open(path);
    QCOMPARE(session->schemaVersion(), SqliteDialect::currentVersion);
    // gus's annotation, saved by the schema-12 release, is still there.
    const QList<Annotation> first = session->annotations().forArticle(1);
    QVERIFY(std::any_of(first.cbegin(), first.cend(), [](const Annotation &a) {
        return a.coderName == QLatin1String("gus") && a.note == QLatin1String("schema 12")
            && a.start == 40 && a.end == 52;
    }));
    QCOMPARE(session->codebook().codes().size(), 15);
    const QList<ArticleSearchHit> hits = session->articles().search(QStringLiteral("korean"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.constFirst().articleId, 1);
    QVERIFY(hits.constFirst().snippet.contains(QChar(2)));
    session.reset();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(),
             SqliteDialect::currentVersion);
    QCOMPARE(RawSql::scalar(path, schema).toString(), before);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations"))
                 .toString(),
             uuids);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
}

QString TestMigration::copyOfRelease(int version)
{
    const QString path
        = m_dir.filePath(QStringLiteral("v%1-%2.framewise").arg(version).arg(++m_copies));
    const QString source = QStringLiteral(FRAMEWISE_TEST_DATA "/projects/v%1-release.framewise")
                               .arg(version);
    [&] { QVERIFY(QFile::copy(source, path)); }();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void TestMigration::upgradesTheReleasedFile()
{
    const QString path = copyOfRelease();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 6);
    auto session = ProjectSession::open(path);
    QCOMPARE(session->schemaVersion(), SqliteDialect::currentVersion);
    session.reset();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA foreign_key_check")), QVariant());
}

void TestMigration::givesEveryRowAUniqueUuid()
{
    const QString path = copyOfRelease();
    ProjectSession::open(path).reset();
    const QRegularExpression v4(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QString> seen;
    for (const char *table : {"articles", "categories", "codes", "coders", "actors", "annotations",
                              "claims", "memos"}) {
        const auto rows = RawSql::rows(path, QStringLiteral("SELECT uuid FROM %1").arg(QLatin1String(table)));
        QVERIFY2(!rows.isEmpty(), table);
        for (const QVariantList &row : rows) {
            const QString uuid = row.at(0).toString();
            QVERIFY2(v4.match(uuid).hasMatch(), qPrintable(uuid));
            QVERIFY2(!seen.contains(uuid), qPrintable(uuid));
            seen.insert(uuid);
        }
    }
    // Stable: opening again changes none of them.
    const QString before = RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations")).toString();
    ProjectSession::open(path).reset();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT group_concat(uuid) FROM annotations")).toString(), before);
}

void TestMigration::keepsCodingIntact()
{
    const QString path = copyOfRelease();
    auto session = ProjectSession::open(path);
    QCOMPARE(session->articles().count(), 2);
    QCOMPARE(session->annotations().count(), 5);
    const QList<Annotation> mixed = session->annotations().forArticle(2);
    QCOMPARE(mixed.size(), 2);
    QCOMPARE(mixed.at(0).quote, QStringLiteral("🇰🇷"));
    QCOMPARE(mixed.at(0).start, 6);
    QCOMPARE(mixed.at(0).note, QStringLiteral("flag emoji"));
    QCOMPARE(mixed.at(1).quote, QStringLiteral("北京"));
    QCOMPARE(session->coders().all().size(), 2);
    // Coders from before colours were stored get distinct ones.
    const QList<Coder> coders = session->coders().all();
    QVERIFY(Code::isColour(coders.at(0).colour));
    QVERIFY(Code::isColour(coders.at(1).colour));
    QVERIFY(coders.at(0).colour != coders.at(1).colour);
    const auto claim = session->annotations().claim(2);
    QVERIFY(claim);
    QCOMPARE(claim->stance, QStringLiteral("supports"));
    QCOMPARE(claim->coderId, session->annotations().get(2)->coderId); // the annotation's coder
    QCOMPARE(session->actors().get(1)->aliases, QStringList{QStringLiteral("Kim")});
    QCOMPARE(session->memos().all().size(), 2);
    QCOMPARE(session->feeds().all().size(), 1);
    QCOMPARE(session->feeds().items(1).constFirst().articleId, 1);
    QCOMPARE(session->lexicon().terms().size(), 2);
    // New work after the upgrade gets the new columns.
    NewAnnotation n;
    n.articleId = 1;
    n.start = 0;
    n.end = 3;
    n.codeIds = {session->codebook().codeByName(QStringLiteral("Loaded language"))->id};
    QCOMPARE(session->annotations().add(n).uuid.size(), 36);
}

void TestMigration::keepsSearchAndImmutability()
{
    const QString path = copyOfRelease();
    auto session = ProjectSession::open(path);
    while (session->articles().indexPending(100) > 0) {
    }
    QCOMPARE(session->articles().search(QStringLiteral("Pyongyang")).size(), 2);
    session.reset();
    // Outside the store's own rewrite the text still cannot change.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    {
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(!q.exec(QStringLiteral("UPDATE articles SET text = 'x' WHERE id = 1")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("never changes")));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
