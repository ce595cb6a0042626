#include "SqliteDialect.h"

#include "Bm25Ranking.h"
#include "text/SearchTerms.h"

namespace {

// Version 1: the domain tables.
const QStringList kSchemaV1 = {
    QStringLiteral(R"(CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT) WITHOUT ROWID)"),
    QStringLiteral(R"(CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        imported_at TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT ''))"),
    // Offsets point into the text, so it must never change after import.
    QStringLiteral(R"(CREATE TRIGGER articles_text_is_immutable
        BEFORE UPDATE OF text, content_hash ON articles
        BEGIN SELECT RAISE(ABORT, 'article text never changes after import'); END)"),
    QStringLiteral(R"(CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL CHECK (kind IN ('claim', 'actor', 'frame', 'technique', 'custom')),
        colour TEXT NOT NULL DEFAULT '#888888',
        position INTEGER NOT NULL DEFAULT 0))"),
    QStringLiteral(R"(CREATE TABLE codes (
        id INTEGER PRIMARY KEY,
        category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL,
        shortcut TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0))"),
    QStringLiteral("CREATE INDEX codes_by_category ON codes(category_id, position)"),
    QStringLiteral(R"(CREATE TABLE coders (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL DEFAULT 'person',
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE actor_aliases (
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        alias TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (actor_id, alias)) WITHOUT ROWID)"),
    QStringLiteral(R"(CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        coder_id INTEGER NOT NULL REFERENCES coders(id),
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        CHECK ("end" > start)))"),
    QStringLiteral("CREATE INDEX annotations_by_article ON annotations(article_id, start)"),
    QStringLiteral(R"(CREATE TABLE annotation_codes (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, code_id)) WITHOUT ROWID)"),
    QStringLiteral("CREATE INDEX annotation_codes_by_code ON annotation_codes(code_id, annotation_id)"),
    QStringLiteral(R"(CREATE TABLE memos (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL CHECK (target IN ('project', 'article', 'code', 'annotation', 'actor')),
        target_id INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        coder_id INTEGER REFERENCES coders(id),
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL))"),
    QStringLiteral("CREATE INDEX memos_by_target ON memos(target, target_id)"),
};

// Version 2: full-text search over titles and texts, kept in sync by
// triggers and filled from the articles already stored.
const QStringList kSchemaV2 = {
    QStringLiteral(R"(CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'))"),
    QStringLiteral(R"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END)"),
    QStringLiteral(R"(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text); END)"),
    QStringLiteral(R"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END)"),
    QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"),
};

// Version 3: what the annotation workbench, the reading lens and the SQL
// console need: document-level and primary codes, claim attributes, lens
// lexicons, and a stable view of coded segments for users' own queries.
const QStringList kSchemaV3 = {
    QStringLiteral("ALTER TABLE annotations ADD COLUMN scope TEXT NOT NULL DEFAULT 'span' "
                   "CHECK (scope IN ('span', 'document'))"),
    QStringLiteral("ALTER TABLE annotations ADD COLUMN is_primary INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral(R"(CREATE TABLE claims (
        annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
        speaker_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
        target_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
        stance TEXT NOT NULL DEFAULT '' CHECK (stance IN ('', 'supports', 'opposes', 'neutral')),
        kind TEXT NOT NULL DEFAULT '' CHECK (kind IN ('', 'fact', 'opinion', 'prediction', 'demand')),
        status TEXT NOT NULL DEFAULT 'unverified'
            CHECK (status IN ('unverified', 'true', 'false', 'misleading', 'unverifiable')),
        evidence TEXT NOT NULL DEFAULT ''))"),
    QStringLiteral(R"(CREATE TABLE lexicon_terms (
        id INTEGER PRIMARY KEY,
        cue TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        term TEXT NOT NULL,
        UNIQUE (cue, language, term)))"),
    QStringLiteral(R"(CREATE VIEW segments AS
        SELECT ar.id AS article_id, ar.title AS article_title, ar.outlet AS outlet,
               ar.published AS published, co.name AS code, ca.name AS category,
               cd.name AS coder, an.start AS start, an."end" AS "end", an.quote AS quote,
               an.note AS note, an.id AS annotation_id, an.scope AS scope
        FROM annotations an
        JOIN articles ar ON ar.id = an.article_id
        JOIN annotation_codes ac ON ac.annotation_id = an.id
        JOIN codes co ON co.id = ac.code_id
        JOIN categories ca ON ca.id = co.category_id
        JOIN coders cd ON cd.id = an.coder_id)"),
};

// Version 4: the web. Original pages of imported articles (compressed, so
// extraction can be re-run; the article text itself never changes) and
// subscribed feeds with their folders and items.
const QStringList kSchemaV4 = {
    QStringLiteral(R"(CREATE TABLE article_sources (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT NOT NULL DEFAULT '',
        fetched_at TEXT NOT NULL,
        content_type TEXT NOT NULL DEFAULT '',
        html BLOB NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE feed_folders (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        position INTEGER NOT NULL DEFAULT 0))"),
    QStringLiteral(R"(CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        folder_id INTEGER REFERENCES feed_folders(id) ON DELETE SET NULL,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site_url TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        last_fetched_at TEXT NOT NULL DEFAULT '',
        last_error TEXT NOT NULL DEFAULT '',
        refresh_minutes INTEGER NOT NULL DEFAULT 60 CHECK (refresh_minutes > 0),
        created_at TEXT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE feed_items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        is_read INTEGER NOT NULL DEFAULT 0,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        fetched_at TEXT NOT NULL,
        UNIQUE (feed_id, guid)))"),
    QStringLiteral("CREATE INDEX feed_items_by_feed ON feed_items(feed_id, is_read)"),
};

// Version 5: articles are indexed for full-text search after they are
// stored, not row by row inside the import: FTS5 fed by a trigger per row
// costs twice as much as indexing the same rows in chunks afterwards. New
// articles wait in fts_pending until ArticleRepository::indexPending() runs.
// An article still pending has no index entry, so deleting or renaming it
// must not touch the index.
const QStringList kSchemaV5 = {
    QStringLiteral("CREATE TABLE fts_pending (article_id INTEGER PRIMARY KEY)"),
    QStringLiteral("DROP TRIGGER articles_fts_insert"),
    QStringLiteral("DROP TRIGGER articles_fts_delete"),
    QStringLiteral("DROP TRIGGER articles_fts_update"),
    QStringLiteral(R"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO fts_pending(article_id) VALUES (new.id); END)"),
    QStringLiteral(R"(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        SELECT 'delete', old.id, old.title, old.text
        WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id);
        DELETE FROM fts_pending WHERE article_id = old.id; END)"),
    QStringLiteral(R"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title ON articles
        WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END)"),
};

// Version 6: actor mention counts (GROUP BY actor_id over the annotations
// that name an actor) read this index instead of scanning every annotation;
// it also serves merging actors and the ON DELETE SET NULL of removing one.
const QStringList kSchemaV6 = {
    QStringLiteral("CREATE INDEX annotations_by_actor ON annotations(actor_id)"),
};


// Version 7 (store v2): stable identities and first-class coders. Every
// article, category, code, coder, actor, annotation, claim and memo gets a
// UUID, never changed, which exchange formats and merges use from now on;
// coders get a colour; claims and memos record who wrote them. The text of
// an article may be rewritten only while the store holds a permit for it
// (re-extraction that re-anchors every annotation); the index follows.
const QStringList kUuidTables = {
    QStringLiteral("articles"), QStringLiteral("categories"), QStringLiteral("codes"),
    QStringLiteral("coders"),   QStringLiteral("actors"),     QStringLiteral("annotations"),
    QStringLiteral("claims"),   QStringLiteral("memos"),
};

QStringList schemaV7(const QString &newUuid)
{
    QStringList steps;
    for (const QString &table : kUuidTables) {
        steps << QStringLiteral("ALTER TABLE %1 ADD COLUMN uuid TEXT NOT NULL DEFAULT ''").arg(table)
              << QStringLiteral("UPDATE %1 SET uuid = %2").arg(table, newUuid)
              << QStringLiteral("CREATE UNIQUE INDEX %1_by_uuid ON %1(uuid)").arg(table);
    }
    steps << QStringLiteral("ALTER TABLE coders ADD COLUMN colour TEXT NOT NULL DEFAULT ''")
          << QStringLiteral("ALTER TABLE claims ADD COLUMN coder_id INTEGER REFERENCES coders(id)")
          << QStringLiteral("UPDATE claims SET coder_id = (SELECT coder_id FROM annotations "
                            "WHERE id = claims.annotation_id)")
          << QStringLiteral("CREATE TABLE text_rewrites (article_id INTEGER PRIMARY KEY)")
          << QStringLiteral("DROP TRIGGER articles_text_is_immutable")
          << QStringLiteral(R"(CREATE TRIGGER articles_text_is_immutable
        BEFORE UPDATE OF text, content_hash ON articles
        WHEN NOT EXISTS (SELECT 1 FROM text_rewrites WHERE article_id = old.id)
        BEGIN SELECT RAISE(ABORT, 'article text never changes after import'); END)")
          << QStringLiteral("DROP TRIGGER articles_fts_update")
          << QStringLiteral(R"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
        WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END)")
          << QStringLiteral("CREATE INDEX memos_by_coder ON memos(coder_id)")
          << QStringLiteral("CREATE INDEX annotations_by_coder ON annotations(coder_id)");
    return steps;
}

// Version 8: exchange formats. An article imported from a corpus file
// (SemEval PTC) keeps its id there and how its stored text differs from the
// file (a BOM dropped, CRLF made LF) as a layout, so exports give the
// original offsets back exactly; the few annotation spans that layout alone
// cannot give back keep their original offsets beside them.
const QStringList kSchemaV8 = {
    QStringLiteral(R"(CREATE TABLE article_offset_maps (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        scheme TEXT NOT NULL,
        external_id TEXT NOT NULL,
        layout TEXT NOT NULL DEFAULT '{}'))"),
    QStringLiteral("CREATE INDEX article_offset_maps_by_external ON article_offset_maps(scheme, external_id)"),
    QStringLiteral(R"(CREATE TABLE annotation_original_spans (
        annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        stored_start INTEGER NOT NULL,
        stored_end INTEGER NOT NULL))"),
};

// Version 9: retrieval and analysis (AnalysisRepository). Sentences and
// paragraphs of articles (cut once, in C++) and the ones each segment starts
// in, so "same sentence/paragraph" is an equality on one indexed column;
// both follow rewritten texts and moved spans by forgetting what changed.
// Indexes for span relations (covering article, start, end), claims by
// actor, and articles by outlet and date.
const QStringList kSchemaV9 = {
    QStringLiteral(R"(CREATE TABLE text_units (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL))"),
    QStringLiteral("CREATE INDEX text_units_by_article ON text_units(article_id, kind, start)"),
    QStringLiteral(R"(CREATE TABLE segment_units (
        annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
        paragraph_id INTEGER NOT NULL,
        sentence_id INTEGER NOT NULL))"),
    QStringLiteral("CREATE INDEX segment_units_by_paragraph ON segment_units(paragraph_id, annotation_id)"),
    QStringLiteral("CREATE INDEX segment_units_by_sentence ON segment_units(sentence_id, annotation_id)"),
    // What waits to be cut or placed, as fts_pending does for the index:
    // knowing there is nothing to do costs one lookup, not a scan.
    QStringLiteral(R"(CREATE TABLE units_pending_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE))"),
    QStringLiteral(R"(CREATE TABLE units_pending_segments (
        annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE))"),
    QStringLiteral("INSERT INTO units_pending_articles(article_id) SELECT id FROM articles"),
    QStringLiteral("INSERT INTO units_pending_segments(annotation_id) SELECT id FROM annotations"),
    QStringLiteral(R"(CREATE TRIGGER units_pending_article AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO units_pending_articles(article_id) VALUES (new.id); END)"),
    QStringLiteral(R"(CREATE TRIGGER units_pending_segment AFTER INSERT ON annotations BEGIN
        INSERT OR IGNORE INTO units_pending_segments(annotation_id) VALUES (new.id); END)"),
    QStringLiteral(R"(CREATE TRIGGER segment_units_follow_span AFTER UPDATE OF start, "end" ON annotations BEGIN
        DELETE FROM segment_units WHERE annotation_id = old.id;
        INSERT OR IGNORE INTO units_pending_segments(annotation_id) VALUES (old.id); END)"),
    QStringLiteral(R"(CREATE TRIGGER text_units_follow_text AFTER UPDATE OF text ON articles BEGIN
        DELETE FROM segment_units WHERE annotation_id IN (SELECT id FROM annotations WHERE article_id = old.id);
        DELETE FROM text_units WHERE article_id = old.id;
        INSERT OR IGNORE INTO units_pending_articles(article_id) VALUES (old.id);
        INSERT OR IGNORE INTO units_pending_segments(annotation_id)
            SELECT id FROM annotations WHERE article_id = old.id; END)"),
    QStringLiteral(R"(CREATE INDEX annotations_by_span ON annotations(article_id, start, "end"))"),
    QStringLiteral("CREATE INDEX claims_by_speaker ON claims(speaker_id)"),
    QStringLiteral("CREATE INDEX claims_by_target ON claims(target_id)"),
    QStringLiteral("CREATE INDEX articles_by_outlet ON articles(outlet COLLATE NOCASE, published)"),
    QStringLiteral("CREATE INDEX articles_by_published ON articles(published, outlet)"),
    // Code frequencies kept up to date by triggers, so a code x month or x
    // outlet matrix reads a few thousand rows instead of every segment:
    // per code and article (with the article's day and outlet copied, so
    // removing a row needs no article), and from those per code, day and
    // outlet. A segment's characters follow its span; an article's day and
    // outlet follow its metadata. Removing an annotation settles its codes
    // before the cascade removes their links (by then it is gone, and the
    // link trigger finds nothing to do).
    QStringLiteral(R"(CREATE TABLE code_articles (
        code_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        outlet TEXT NOT NULL,
        segments INTEGER NOT NULL,
        characters INTEGER NOT NULL,
        PRIMARY KEY (code_id, article_id)) WITHOUT ROWID)"),
    QStringLiteral("CREATE INDEX code_articles_by_article ON code_articles(article_id)"),
    QStringLiteral(R"(CREATE TABLE code_days (
        code_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        outlet TEXT NOT NULL,
        segments INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        characters INTEGER NOT NULL,
        PRIMARY KEY (code_id, day, outlet)) WITHOUT ROWID)"),
    // While a codebook edit touches thousands of links (merging or deleting
    // a code), the triggers stand aside and the store recounts the codes it
    // touched in one pass (CodeCounts): row by row would take seconds.
    QStringLiteral("CREATE TABLE code_counts_held (held INTEGER NOT NULL)"),
    QStringLiteral(R"(CREATE TRIGGER code_days_add AFTER INSERT ON code_articles WHEN NOT EXISTS (SELECT 1 FROM code_counts_held) BEGIN
        INSERT INTO code_days(code_id, day, outlet, segments, articles, characters)
        VALUES (new.code_id, new.day, new.outlet, new.segments, 1, new.characters)
        ON CONFLICT(code_id, day, outlet) DO UPDATE SET segments = segments + excluded.segments,
            articles = articles + 1, characters = characters + excluded.characters; END)"),
    QStringLiteral(R"(CREATE TRIGGER code_days_change AFTER UPDATE ON code_articles WHEN NOT EXISTS (SELECT 1 FROM code_counts_held) BEGIN
        UPDATE code_days SET segments = segments - old.segments, articles = articles - 1,
            characters = characters - old.characters
        WHERE code_id = old.code_id AND day = old.day AND outlet = old.outlet;
        INSERT INTO code_days(code_id, day, outlet, segments, articles, characters)
        VALUES (new.code_id, new.day, new.outlet, new.segments, 1, new.characters)
        ON CONFLICT(code_id, day, outlet) DO UPDATE SET segments = segments + excluded.segments,
            articles = articles + 1, characters = characters + excluded.characters; END)"),
    QStringLiteral(R"(CREATE TRIGGER code_days_remove AFTER DELETE ON code_articles WHEN NOT EXISTS (SELECT 1 FROM code_counts_held) BEGIN
        UPDATE code_days SET segments = segments - old.segments, articles = articles - 1,
            characters = characters - old.characters
        WHERE code_id = old.code_id AND day = old.day AND outlet = old.outlet; END)"),
    QStringLiteral(R"(INSERT INTO code_articles(code_id, article_id, day, outlet, segments, characters)
        SELECT ac.code_id, an.article_id, substr(ar.published, 1, 10), ar.outlet, count(*),
               sum(an."end" - an.start)
        FROM annotation_codes ac JOIN annotations an ON an.id = ac.annotation_id
        JOIN articles ar ON ar.id = an.article_id GROUP BY ac.code_id, an.article_id)"),
    QStringLiteral(R"(CREATE TRIGGER code_articles_link AFTER INSERT ON annotation_codes WHEN NOT EXISTS (SELECT 1 FROM code_counts_held) BEGIN
        INSERT INTO code_articles(code_id, article_id, day, outlet, segments, characters)
        SELECT new.code_id, an.article_id, substr(ar.published, 1, 10), ar.outlet, 1, an."end" - an.start
        FROM annotations an JOIN articles ar ON ar.id = an.article_id WHERE an.id = new.annotation_id
        ON CONFLICT(code_id, article_id) DO UPDATE SET segments = segments + 1,
            characters = characters + excluded.characters; END)"),
    QStringLiteral(R"(CREATE TRIGGER code_articles_unlink AFTER DELETE ON annotation_codes WHEN NOT EXISTS (SELECT 1 FROM code_counts_held) BEGIN
        UPDATE code_articles SET segments = segments - 1,
            characters = characters - (SELECT "end" - start FROM annotations WHERE id = old.annotation_id)
        WHERE code_id = old.code_id
          AND article_id = (SELECT article_id FROM annotations WHERE id = old.annotation_id);
        DELETE FROM code_articles WHERE code_id = old.code_id AND segments <= 0
          AND article_id = (SELECT article_id FROM annotations WHERE id = old.annotation_id); END)"),
    QStringLiteral(R"(CREATE TRIGGER code_articles_annotation_gone BEFORE DELETE ON annotations WHEN NOT EXISTS (SELECT 1 FROM code_counts_held) BEGIN
        UPDATE code_articles SET segments = segments - 1, characters = characters - (old."end" - old.start)
        WHERE article_id = old.article_id
          AND code_id IN (SELECT code_id FROM annotation_codes WHERE annotation_id = old.id);
        DELETE FROM code_articles WHERE article_id = old.article_id AND segments <= 0; END)"),
    QStringLiteral(R"(CREATE TRIGGER code_articles_span AFTER UPDATE OF start, "end" ON annotations WHEN NOT EXISTS (SELECT 1 FROM code_counts_held) BEGIN
        UPDATE code_articles SET characters = characters + (new."end" - new.start) - (old."end" - old.start)
        WHERE article_id = new.article_id
          AND code_id IN (SELECT code_id FROM annotation_codes WHERE annotation_id = new.id); END)"),
    QStringLiteral(R"(CREATE TRIGGER code_articles_metadata AFTER UPDATE OF published, outlet ON articles BEGIN
        UPDATE code_articles SET day = substr(new.published, 1, 10), outlet = new.outlet
        WHERE article_id = new.id; END)"),
};

// Version 10: the library lists every article by id with its title, outlet
// and date. Read from the table, that scan pulls in each article's text (a
// page per article); this narrow covering index holds only what the list
// shows, so a 200,000-article library reads a few MB instead of 1 GB.
const QStringList kSchemaV10 = {
    QStringLiteral("CREATE INDEX articles_listing ON articles(id, title, outlet, published)"),
};

// Version 11: where each annotation is, by id, without its quote, context
// and note. Retrieval looks up tens of thousands of segments by id and
// agreement reads every annotation's place; from the rows (about 400 bytes
// each) that is a page per few segments, from this index a few hundred per
// page. The planner prefers the table for id lookups, so the queries that
// want it name it (indexedBy).
//
// And each article's number of annotations, kept by triggers in a table of
// its own: the library shows it for every article, and counting in the
// annotations index reads pages spread over the whole file (half a second
// for 200,000 articles), where this table is a few MB read in id order.
const QStringList kSchemaV11 = {
    QStringLiteral(R"(CREATE INDEX annotations_places ON annotations(id, article_id, start, "end", coder_id, scope))"),
    QStringLiteral(R"(CREATE TABLE article_counts (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        annotations INTEGER NOT NULL))"),
    QStringLiteral("INSERT INTO article_counts(article_id, annotations) "
                   "SELECT article_id, count(*) FROM annotations GROUP BY article_id"),
    QStringLiteral(R"(CREATE TRIGGER article_counts_add AFTER INSERT ON annotations BEGIN
        INSERT INTO article_counts(article_id, annotations) VALUES (new.article_id, 1)
        ON CONFLICT(article_id) DO UPDATE SET annotations = annotations + 1; END)"),
    QStringLiteral(R"(CREATE TRIGGER article_counts_remove AFTER DELETE ON annotations BEGIN
        UPDATE article_counts SET annotations = annotations - 1 WHERE article_id = old.article_id; END)"),
};

// Version 12: optimistic concurrency between coders. Each code, category
// and actor carries a row version, 1 when made, raised by every update
// that edits it; an update names the version its caller read and changes
// nothing when another coder's commit has raised it since
// (ConcurrentEditError), instead of overwriting their edit.
const QStringList kSchemaV12 = {
    QStringLiteral("ALTER TABLE categories ADD COLUMN version INTEGER NOT NULL DEFAULT 1"),
    QStringLiteral("ALTER TABLE codes ADD COLUMN version INTEGER NOT NULL DEFAULT 1"),
    QStringLiteral("ALTER TABLE actors ADD COLUMN version INTEGER NOT NULL DEFAULT 1"),
};

// Version 13 changes nothing in a project file: PostgreSQL's step moves its
// search vectors into a table of their own (PostgresDialect.cpp).
const QStringList kSchemaV13 = {};

} // namespace

QString SqliteDialect::name() const
{
    return QStringLiteral("SQLite");
}

QStringList SqliteDialect::migrationTo(int version) const
{
    switch (version) {
    case 1:
        return kSchemaV1;
    case 2:
        return kSchemaV2;
    case 3:
        return kSchemaV3;
    case 4:
        return kSchemaV4;
    case 5:
        return kSchemaV5;
    case 6:
        return kSchemaV6;
    case 7:
        return schemaV7(newUuid());
    case 8:
        return kSchemaV8;
    case 9:
        return kSchemaV9;
    case 10:
        return kSchemaV10;
    case 11:
        return kSchemaV11;
    case 12:
        return kSchemaV12;
    case 13:
        return kSchemaV13;
    default:
        return {};
    }
}

QStringList SqliteDialect::connectionSettings() const
{
    // A larger page cache (64 MB, filled only as pages are read):
    // retrieving thousands of segments scattered over a big project is bound
    // by page reads. 128 MB made retrieval at 2,000,000 annotations a fifth
    // faster in the shell but search, opening an article and commits at
    // 20,000 articles half as slow again in the app, so it stays at 64. No
    // mmap: with fault-around, mapping a page maps its neighbours, and
    // listing a 200,000-article library then counts 900 MB of the file
    // against the app's memory.
    return {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA cache_size = -65536")};
}

QStringList SqliteDialect::writableSettings() const
{
    // WAL keeps every commit durable against a crash of the app; NORMAL
    // sync is safe in WAL mode and keeps commits fast. Database checks
    // that WAL really took effect.
    return {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = NORMAL")};
}

QString SqliteDialect::beginTransaction() const
{
    // IMMEDIATE takes the write lock up front, so two writers wait on the
    // busy timeout instead of failing half-way through.
    return QStringLiteral("BEGIN IMMEDIATE");
}

QString SqliteDialect::newUuid() const
{
    // Version 4, variant 1: 122 random bits in the 8-4-4-4-12 layout.
    return QStringLiteral(
        "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
        "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || "
        "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))");
}

QString SqliteDialect::indexedBy(const QString &index) const
{
    return QStringLiteral(" INDEXED BY ") + index;
}

QString SqliteDialect::idsIn() const
{
    return QStringLiteral("(SELECT value FROM json_each(?))");
}

QVariant SqliteDialect::idList(const QList<qint64> &ids) const
{
    return joinedIds(ids, '[', ']');
}

int SqliteDialect::schemaVersion() const
{
    return currentVersion;
}

QString SqliteDialect::readVersion() const
{
    return QStringLiteral("PRAGMA user_version");
}

QString SqliteDialect::writeVersion(int version) const
{
    return QStringLiteral("PRAGMA user_version = %1").arg(version);
}

QString SqliteDialect::setApplicationId()
{
    return QStringLiteral("PRAGMA application_id = %1").arg(qint32(applicationId));
}

QString SqliteDialect::checkpoint()
{
    return QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)");
}

QStringList SqliteDialect::requiredTables() const
{
    return {QStringLiteral("articles"), QStringLiteral("categories"), QStringLiteral("codes"),
            QStringLiteral("coders"), QStringLiteral("annotations"),
            QStringLiteral("annotation_codes"), QStringLiteral("actors"), QStringLiteral("memos"),
            QStringLiteral("claims"), QStringLiteral("lexicon_terms"),
            QStringLiteral("fts_pending"), QStringLiteral("article_offset_maps"),
            QStringLiteral("annotation_original_spans"), QStringLiteral("text_units"),
            QStringLiteral("segment_units"), QStringLiteral("units_pending_articles"),
            QStringLiteral("units_pending_segments"), QStringLiteral("code_articles"),
            QStringLiteral("code_days"), QStringLiteral("code_counts_held")};
}

QString SqliteDialect::tableExists() const
{
    return QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
}

QString SqliteDialect::searchArticles() const
{
    // Ranked as ORDER BY rank (bm25) would, by Bm25Ranking's function, and
    // only the hits kept: FTS5's own ORDER BY rank sorts every hit. The
    // snippets are made for those alone, each found again by its rowid.
    return QStringLiteral(
        "WITH m(q) AS (SELECT ?), "
        "top AS MATERIALIZED (SELECT rowid AS id, %1(articles_fts) AS r FROM articles_fts "
        "WHERE articles_fts MATCH (SELECT q FROM m) ORDER BY r, rowid LIMIT ?) "
        "SELECT articles_fts.rowid, title, snippet(articles_fts, 1, char(2), char(3), '…', 16) "
        "FROM top CROSS JOIN articles_fts ON articles_fts.rowid = top.id "
        "WHERE articles_fts MATCH (SELECT q FROM m) ORDER BY top.r, top.id")
        .arg(QLatin1String(Bm25Ranking::functionName));
}

QString SqliteDialect::scanArticles(int scannedTerms, bool withMatch) const
{
    // Ranked by how much of the text the terms cover: occurrences times
    // length, which replace() gives without a loop.
    QStringList found, covered;
    for (int i = 0; i < scannedTerms; ++i) {
        found << QStringLiteral("instr(a.title || char(10) || a.text, ?) > 0");
        covered << QStringLiteral("(length(a.text) - length(replace(a.text, ?, '')))");
    }
    QString sql = QStringLiteral("SELECT a.id, a.title, a.text FROM articles a WHERE ")
        + found.join(QStringLiteral(" AND "));
    if (withMatch)
        sql += QStringLiteral(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
    return sql + QStringLiteral(" ORDER BY ") + covered.join(QStringLiteral(" + "))
        + QStringLiteral(" DESC, a.id LIMIT ?");
}

QString SqliteDialect::matchExpression(const QList<SearchTerms::Term> &userTerms) const
{
    // Each word becomes a quoted token (so punctuation cannot break the
    // syntax); a trailing * keeps prefix search.
    QStringList terms;
    for (SearchTerms::Term term : userTerms) {
        term.text.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms << QLatin1Char('"') + term.text + QLatin1Char('"') + (term.prefix ? QStringLiteral("*") : QString());
    }
    return terms.join(QLatin1Char(' '));
}

QString SqliteDialect::pendingChunkEnd() const
{
    return QStringLiteral(
        "SELECT max(article_id) FROM (SELECT article_id FROM fts_pending ORDER BY article_id LIMIT ?)");
}

QStringList SqliteDialect::indexPendingUpTo() const
{
    return {QStringLiteral("INSERT INTO articles_fts(rowid, title, text) "
                           "SELECT a.id, a.title, a.text FROM fts_pending p JOIN articles a ON a.id = p.article_id "
                           "WHERE p.article_id <= ? ORDER BY p.article_id"),
            QStringLiteral("DELETE FROM fts_pending WHERE article_id <= ?")};
}

QString SqliteDialect::matchingArticleIds() const
{
    return QStringLiteral("(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
}

QString SqliteDialect::isoWeek(const QString &date) const
{
    // SQLite would read a bare number as a Julian day, hence the pattern first.
    return QStringLiteral("CASE WHEN %1 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN "
                          "coalesce(strftime('%G-W%V', substr(%1, 1, 10)), '') ELSE '' END")
        .arg(date);
}

QString SqliteDialect::textAggregate(const QString &expression, QChar separator) const
{
    return QStringLiteral("group_concat(%1, char(%2))").arg(expression).arg(separator.unicode());
}

QString SqliteDialect::listTables() const
{
    // FTS5's table is 'virtual' here and its storage 'shadow': neither is data.
    return QStringLiteral("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = "
                          "'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
}

QString SqliteDialect::listColumns() const
{
    return QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid");
}

QString SqliteDialect::listPrimaryKey() const
{
    return QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
}

QString SqliteDialect::listReferences() const
{
    return QStringLiteral("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
}

QString SqliteDialect::beginSnapshot() const
{
    // Deferred: in WAL mode the first read fixes what the transaction sees.
    return QStringLiteral("BEGIN");
}
