#include "ProjectSchema.h"

#include "base/ProjectError.h"
#include "SqlQuery.h"
#include "SqliteDialect.h"

ProjectSchema::ProjectSchema(const QSqlDatabase &db)
    : m_db(db)
{
}

void ProjectSchema::configure(bool writable)
{
    for (const QString &pragma : SqliteDialect::connectionPragmas())
        SqlQuery::run(m_db, pragma);
    if (!writable)
        return;
    // WAL keeps every commit durable against a crash of the app;
    // NORMAL sync is safe in WAL mode and keeps commits fast.
    const QString journal
        = SqlQuery::scalar(m_db, QStringLiteral("PRAGMA journal_mode = WAL")).toString();
    if (journal.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        throw ProjectError(
            QStringLiteral("WAL journal mode is not available (got %1)").arg(journal));
    SqlQuery::run(m_db, QStringLiteral("PRAGMA synchronous = NORMAL"));
}

int ProjectSchema::version() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("PRAGMA user_version")).toInt();
}

void ProjectSchema::create(const QString &time)
{
    SqlQuery::run(m_db, SqliteDialect::setApplicationId());
    for (int v = 1; v <= SqliteDialect::schemaVersion; ++v) {
        for (const QString &sql : SqliteDialect::migrationTo(v))
            SqlQuery::run(m_db, sql);
    }
    SqlQuery::run(m_db, SqliteDialect::setVersion(SqliteDialect::schemaVersion));
    SqlQuery(m_db, QStringLiteral("INSERT INTO meta(key, value) VALUES ('created', ?)"))
        .bind(time)
        .exec();
}

void ProjectSchema::upgradeTo(int version)
{
    for (const QString &sql : SqliteDialect::migrationTo(version))
        SqlQuery::run(m_db, sql);
    SqlQuery::run(m_db, SqliteDialect::setVersion(version));
}

void ProjectSchema::verify() const
{
    QStringList missing;
    for (const QString &table : SqliteDialect::requiredTables()) {
        SqlQuery q(m_db,
                   QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?"));
        q.bind(table).exec();
        if (!q.next())
            missing << table;
    }
    if (!missing.isEmpty())
        throw ProjectError(QStringLiteral("the project is damaged (missing tables: %1)")
                               .arg(missing.join(QStringLiteral(", "))));
}

void ProjectSchema::checkpoint()
{
    SqlQuery::run(m_db, SqliteDialect::checkpoint());
}
