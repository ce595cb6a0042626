#include "ProjectCopy.h"

#include "AnnotationRepository.h"
#include "ArticleRepository.h"
#include "CodeCounts.h"
#include "CoderRepository.h"
#include "Database.h"
#include "FeedRepository.h"
#include "MemoRepository.h"
#include "OffsetMapRepository.h"
#include "PostgresLocation.h"
#include "ProjectFileInspector.h"
#include "SqlDialect.h"
#include "SqlQuery.h"
#include "SqliteDialect.h"
#include "TeamAdmin.h"
#include "base/ProjectError.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <map>
#include <optional>

namespace {

// What a project derives from its data: the copy makes its own.
const QSet<QString> kDerivedTables = {
    // The version mark: the new project has written its own.
    QStringLiteral("framewise_schema"),
    // Queued by the articles' insert trigger; the copy indexes them at the
    // end, which fills PostgreSQL's search vectors.
    QStringLiteral("fts_pending"),
    QStringLiteral("article_search"),
    // Kept by triggers as the annotations arrive, and counted once the last
    // code is linked (fill).
    QStringLiteral("article_counts"),
    QStringLiteral("code_articles"),
    QStringLiteral("code_days"),
    // Held only while a codebook edit or a re-extraction runs.
    QStringLiteral("code_counts_held"),
    QStringLiteral("text_rewrites"),
    // Sentences and paragraphs: the triggers queue every article and
    // annotation, and analysis cuts them again when it first needs them.
    QStringLiteral("text_units"),
    QStringLiteral("segment_units"),
    QStringLiteral("units_pending_articles"),
    QStringLiteral("units_pending_segments"),
};

// Bound values per INSERT, far below SQLite's 32766 and PostgreSQL's 65535,
// and about how much text: long articles go in smaller batches.
constexpr int kValuesPerInsert = 4000;
constexpr qint64 kBytesPerInsert = qint64(4) << 20;
constexpr int kIndexChunk = 1000;

const QString kCopying = QStringLiteral("copying");
const QString kIndexing = QStringLiteral("indexing for search");

[[noreturn]] void fail(const QSqlError &error, const QString &sql)
{
    throw ProjectError(QStringLiteral("database error: %1 (in: %2)")
                           .arg(error.text(), sql.simplified().left(200)));
}

QString quoted(const QString &identifier)
{
    QString q = identifier;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString quotedList(const QStringList &identifiers)
{
    QStringList q;
    for (const QString &identifier : identifiers)
        q << quoted(identifier);
    return q.join(QStringLiteral(", "));
}

// The first column of a catalogue query, for one table or none.
QStringList names(const QSqlDatabase &db, const QString &sql, const QString &table = {})
{
    SqlQuery q(db, sql);
    if (!table.isNull())
        q.bind(table);
    q.exec();
    QStringList result;
    while (q.next())
        result << q.value(0).toString();
    return result;
}

qint64 sizeOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return 2 * value.toString().size();
    case QMetaType::QByteArray:
        return value.toByteArray().size();
    default:
        return 8;
    }
}

// How one table is copied.
struct Plan
{
    QString table;
    QStringList columns; // both sides have them; the destination's order
    QStringList sourceKey; // the source's rows in key order
    QStringList key; // the destination's primary key
    QList<int> selfReferences; // columns referring to this table: set last
    bool upsert = false; // the new project already has rows here (meta)
    qint64 rows = 0; // in the source
};

// Parents first (alphabetically among equals, so every copy goes alike);
// a table's references to itself are set after its rows are in.
QStringList parentsFirst(const QStringList &tables, const QHash<QString, QSet<QString>> &parents)
{
    QStringList order;
    QSet<QString> placed;
    while (order.size() < tables.size()) {
        bool progressed = false;
        for (const QString &table : tables) {
            if (placed.contains(table))
                continue;
            bool ready = true;
            for (const QString &parent : parents.value(table))
                ready = ready && placed.contains(parent);
            if (ready) {
                order << table;
                placed.insert(table);
                progressed = true;
            }
        }
        if (!progressed) {
            QStringList left;
            for (const QString &table : tables)
                if (!placed.contains(table))
                    left << table;
            throw ProjectError(QStringLiteral("the tables %1 refer to each other in a circle; "
                                              "they cannot be copied one after another")
                                   .arg(left.join(QStringLiteral(", "))));
        }
    }
    return order;
}

QList<Plan> plan(Database &from, Database &to)
{
    const QSqlDatabase &source = from.connection();
    const QSqlDatabase &target = to.connection();
    const QStringList sourceTableList = names(source, from.dialect().listTables());
    const QSet<QString> sourceTables(sourceTableList.cbegin(), sourceTableList.cend());
    QStringList tables;
    for (const QString &table : names(target, to.dialect().listTables())) {
        if (sourceTables.contains(table) && !kDerivedTables.contains(table))
            tables << table;
    }

    QHash<QString, QSet<QString>> parents;
    QHash<QString, QStringList> selfReferring;
    for (const QString &table : std::as_const(tables)) {
        SqlQuery references(target, to.dialect().listReferences());
        references.bind(table).exec();
        while (references.next()) {
            const QString parent = references.value(1).toString();
            if (parent == table)
                selfReferring[table] << references.value(0).toString();
            else if (tables.contains(parent))
                parents[table].insert(parent);
        }
    }

    QList<Plan> plans;
    for (const QString &table : parentsFirst(tables, parents)) {
        Plan p;
        p.table = table;
        const QStringList sourceColumnList = names(source, from.dialect().listColumns(), table);
        const QSet<QString> sourceColumns(sourceColumnList.cbegin(), sourceColumnList.cend());
        for (const QString &column : names(target, to.dialect().listColumns(), table)) {
            if (sourceColumns.contains(column))
                p.columns << column;
        }
        p.sourceKey = names(source, from.dialect().listPrimaryKey(), table);
        p.key = names(target, to.dialect().listPrimaryKey(), table);
        for (const QString &column : selfReferring.value(table)) {
            if (p.columns.contains(column))
                p.selfReferences << p.columns.indexOf(column);
        }
        if (!p.selfReferences.isEmpty()
            && std::any_of(p.key.cbegin(), p.key.cend(),
                           [&](const QString &k) { return !p.columns.contains(k); }))
            throw ProjectError(QStringLiteral("table %1 refers to itself but has no primary "
                                              "key to set those references by")
                                   .arg(table));
        p.upsert = SqlQuery::scalar(target,
                                    QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM "
                                                   "%1 LIMIT 1) t")
                                        .arg(quoted(table)))
                       .toLongLong()
            > 0;
        p.rows
            = SqlQuery::scalar(source, QStringLiteral("SELECT count(*) FROM %1").arg(quoted(table)))
                  .toLongLong();
        if (!p.columns.isEmpty())
            plans << p;
    }
    return plans;
}

// Copies one table's rows in multi-row INSERTs (one prepared statement per
// row count), calling copied(n) with each batch.
qint64 copyRows(const QSqlDatabase &source, const QSqlDatabase &target, const Plan &p,
                const std::function<void(qint64)> &copied)
{
    const int width = int(p.columns.size());
    QString select
        = QStringLiteral("SELECT %1 FROM %2").arg(quotedList(p.columns), quoted(p.table));
    if (!p.sourceKey.isEmpty())
        select += QStringLiteral(" ORDER BY ") + quotedList(p.sourceKey);
    SqlQuery rows(source, select);
    rows.exec();

    const QString head
        = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(quoted(p.table), quotedList(p.columns));
    const QString tuple = QLatin1Char('(')
        + QStringList(width, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    QString conflict;
    if (p.upsert && !p.key.isEmpty()) {
        QStringList sets;
        for (const QString &column : p.columns) {
            if (!p.key.contains(column))
                sets << QStringLiteral("%1 = excluded.%1").arg(quoted(column));
        }
        conflict = QStringLiteral(" ON CONFLICT (%1) DO ").arg(quotedList(p.key))
            + (sets.isEmpty() ? QStringLiteral("NOTHING")
                              : QStringLiteral("UPDATE SET ") + sets.join(QStringLiteral(", ")));
    }
    std::map<int, QSqlQuery> statements;
    const auto statement = [&](int count) -> QSqlQuery & {
        auto found = statements.find(count);
        if (found == statements.end()) {
            const QString sql = head + QStringList(count, tuple).join(QLatin1Char(',')) + conflict;
            QSqlQuery q(target);
            if (!q.prepare(sql))
                fail(q.lastError(), sql);
            found = statements.emplace(count, q).first;
        }
        return found->second;
    };

    QList<int> keyColumns;
    for (const QString &k : p.key)
        keyColumns << int(p.columns.indexOf(k));
    struct Reference
    {
        QVariantList key;
        int column;
        QVariant value;
    };
    QList<Reference> references;

    const int batchRows = std::max(1, kValuesPerInsert / width);
    QVariantList values;
    values.reserve(batchRows * width);
    qint64 bytes = 0;
    qint64 done = 0;
    const auto flush = [&] {
        const int count = int(values.size()) / width;
        if (count == 0)
            return;
        QSqlQuery &q = statement(count);
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!q.exec())
            fail(q.lastError(), q.lastQuery());
        done += count;
        values.clear();
        bytes = 0;
        copied(done);
    };
    while (rows.next()) {
        const qsizetype start = values.size();
        for (int c = 0; c < width; ++c) {
            values.append(rows.value(c));
            bytes += sizeOf(values.constLast());
        }
        for (int c : std::as_const(p.selfReferences)) {
            QVariant &value = values[start + c];
            if (value.isNull())
                continue;
            Reference r {{}, c, value};
            for (int k : std::as_const(keyColumns))
                r.key << values.at(start + k);
            references << r;
            value = QVariant(value.metaType());
        }
        if (values.size() >= batchRows * width || bytes >= kBytesPerInsert)
            flush();
    }
    flush();

    if (!references.isEmpty()) {
        QStringList where;
        for (const QString &k : p.key)
            where << quoted(k) + QStringLiteral(" = ?");
        std::map<int, SqlQuery> updates;
        for (const Reference &r : std::as_const(references)) {
            auto update = updates.find(r.column);
            if (update == updates.end())
                update = updates
                             .emplace(
                                 r.column,
                                 SqlQuery(target,
                                          QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3")
                                              .arg(quoted(p.table), quoted(p.columns.at(r.column)),
                                                   where.join(QStringLiteral(" AND ")))))
                             .first;
            update->second.bind(r.value);
            for (const QVariant &k : r.key)
                update->second.bind(k);
            update->second.exec();
        }
    }
    return done;
}

// An older project file, upgraded in a copy in folder: the file itself is
// never opened (a connection, even a read-only one, leaves a write-ahead log
// beside it). Its log goes along, holding what was last saved.
std::unique_ptr<Database> upgradedCopy(const QString &source, const QString &folder)
{
    const QString copy = QDir(folder).filePath(QStringLiteral("upgraded.framewise"));
    for (const QLatin1String suffix : {QLatin1String(""), QLatin1String("-wal")}) {
        if ((suffix.isEmpty() || QFile::exists(source + suffix))
            && !QFile::copy(source + suffix, copy + suffix))
            throw ProjectError(
                QStringLiteral("%1: project version %2 needs an upgrade, and a "
                               "copy to upgrade cannot be made in %3")
                    .arg(QDir::toNativeSeparators(source + suffix),
                         QString::number(ProjectFileInspector::inspect(source).schemaVersion),
                         QDir::toNativeSeparators(folder)));
    }
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    return Database::open(copy);
}

void fill(Database &from, const QString &sourceName, Database &to, ProjectCopy::Report &report,
          const ProjectCopy::Progress &progress)
{
    const QList<Plan> plans = plan(from, to);
    qint64 total = 0;
    for (const Plan &p : plans)
        total += p.rows;
    qint64 before = 0;
    // The code counts follow each annotation's codes through two triggers
    // per link; held, they are counted in one pass after the last link.
    CodeCounts counts(to);
    CodeCounts::Hold hold(counts);
    for (const Plan &p : plans) {
        qint64 rows = 0;
        try {
            rows = copyRows(from.connection(), to.connection(), p, [&](qint64 done) {
                if (progress)
                    progress(kCopying, before + done, total);
            });
        } catch (const ProjectError &e) {
            throw ProjectError(QStringLiteral("copying table %1 from %2: %3")
                                   .arg(p.table, sourceName, e.message()));
        }
        before += rows;
        report.tables << ProjectCopy::Table {p.table, rows};
    }
    QList<qint64> codes;
    SqlQuery codeIds(to.connection(), QStringLiteral("SELECT id FROM codes"));
    codeIds.exec();
    while (codeIds.next())
        codes << codeIds.value(0).toLongLong();
    hold.recount(codes);
    for (const QString &statement : to.dialect().continueIds())
        SqlQuery::run(to.connection(), statement);

    // Search works in the copy from its first moment.
    CoderRepository coders(to);
    OffsetMapRepository offsetMaps(to);
    AnnotationRepository annotations(to, coders, offsetMaps);
    MemoRepository memos(to, coders);
    FeedRepository feeds(to);
    ArticleRepository articles(to, annotations, memos, feeds, offsetMaps);
    const qint64 waiting = articles.unindexedCount();
    qint64 indexed = 0;
    while (const int n = articles.indexPending(kIndexChunk)) {
        indexed += n;
        if (progress)
            progress(kIndexing, indexed, waiting);
    }
}

// After a bulk load a server has no statistics to plan queries on (full-text
// search was planned for one hit of thousands) and its first reads would
// each stop to set hint bits, until autovacuum comes by: the copy does that
// work at once (VACUUM cannot run in the copy's transaction). It is only
// upkeep: if it fails, the committed copy stands, and autovacuum catches up.
void tidyServer(const QString &destination, const ProjectCopy::Progress &progress)
{
    const QString stage = QStringLiteral("updating the server's statistics");
    if (progress)
        progress(stage, 0, 1);
    try {
        auto to = Database::open(destination, Database::OpenMode::OpenExisting);
        SqlQuery::run(to->connection(), QStringLiteral("VACUUM (ANALYZE)"));
    } catch (const ProjectError &e) {
        qWarning("%s: VACUUM after the copy failed: %s", qPrintable(destination),
                 qPrintable(e.message()));
    }
    if (progress)
        progress(stage, 1, 1);
}

} // namespace

qint64 ProjectCopy::Report::rows(const QString &table) const
{
    for (const Table &t : tables) {
        if (t.name == table)
            return t.rows;
    }
    return 0;
}

QString ProjectCopy::Report::summary() const
{
    const auto count = [](qint64 n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    const auto of = [&](const char *table, const char *one, const char *many) {
        return count(rows(QLatin1String(table)), one, many);
    };
    qint64 all = 0;
    for (const Table &t : tables)
        all += t.rows;
    const QStringList parts = {
        of("articles", "article", "articles"),
        of("annotations", "annotation", "annotations"),
        of("codes", "code", "codes") + QStringLiteral(" in ")
            + of("categories", "category", "categories"),
        of("coders", "coder", "coders"),
        of("actors", "actor", "actors"),
        of("memos", "memo", "memos"),
        of("feeds", "feed", "feeds"),
        of("lexicon_terms", "lexicon term", "lexicon terms"),
    };
    return QStringLiteral("%1 (%2 in all)")
        .arg(parts.join(QStringLiteral(", ")), count(all, "row", "rows"));
}

ProjectCopy::Report ProjectCopy::copy(const QString &source, const QString &destination,
                                      const Progress &progress)
{
    Report report;
    std::optional<QTemporaryDir> upgradeFolder;
    std::unique_ptr<Database> from;
    if (!PostgresLocation::isUrl(source)) {
        const auto found = ProjectFileInspector::inspect(source);
        if (found.verdict == ProjectFileInspector::Verdict::Project
            && found.schemaVersion < SqliteDialect::currentVersion) {
            report.sourceVersion = found.schemaVersion;
            upgradeFolder.emplace();
            if (!upgradeFolder->isValid())
                throw ProjectError(QStringLiteral("%1: project version %2 needs an upgraded copy, "
                                                  "but no temporary folder can be made (%3)")
                                       .arg(QDir::toNativeSeparators(source))
                                       .arg(found.schemaVersion)
                                       .arg(upgradeFolder->errorString()));
            from = upgradedCopy(source, upgradeFolder->path());
        }
    }
    if (!from) {
        // A file of this version is opened as the app opens it: reading
        // writes nothing, and closing leaves no write-ahead log behind (as a
        // read-only connection would). A server project is only read: one of
        // an older version is refused, not upgraded.
        from = Database::open(source,
                              PostgresLocation::isUrl(source) ? Database::OpenMode::ReadOnly
                                                              : Database::OpenMode::OpenExisting);
        report.sourceVersion = from->schemaVersion();
    }
    if (from->dialect().name() == QLatin1String("PostgreSQL")
        && !TeamAdmin(*from).readsEverything())
        throw ProjectError(QStringLiteral("%1: blind coding is on, and the role in the URL sees "
                                          "only its own annotations and memos: a copy would "
                                          "lack the other coders' work. Copy it as the "
                                          "project's lead or the database's owner.")
                               .arg(source));

    // The source as it is at this moment, however long the copy takes.
    SqlQuery::run(from->connection(), from->dialect().beginSnapshot());
    Database::create(destination, [&](Database &to) { fill(*from, source, to, report, progress); });
    SqlQuery::run(from->connection(), from->dialect().rollback());
    if (PostgresLocation::isUrl(destination))
        tidyServer(destination, progress);
    return report;
}
