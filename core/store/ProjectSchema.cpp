#include "ProjectSchema.h"

#include "SqlDialect.h"
#include "SqlQuery.h"
#include "base/ProjectError.h"

ProjectSchema::ProjectSchema(const QSqlDatabase &db, const SqlDialect &dialect)
    : m_db(db)
    , m_dialect(dialect)
{
}

void ProjectSchema::configure(bool writable)
{
    for (const QString &setting : m_dialect.connectionSettings())
        SqlQuery::run(m_db, setting);
    if (!writable)
        return;
    for (const QString &setting : m_dialect.writableSettings()) {
        const QVariant answer = SqlQuery::scalar(m_db, setting);
        // SQLite answers the journal mode it really took.
        if (setting.contains(QLatin1String("journal_mode"))
            && answer.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            throw ProjectError(
                QStringLiteral("WAL journal mode is not available (got %1)").arg(answer.toString()));
    }
}

int ProjectSchema::version() const
{
    return SqlQuery::scalar(m_db, m_dialect.readVersion()).toInt();
}

void ProjectSchema::create(const QString &time)
{
    for (int v = 1; v <= m_dialect.schemaVersion(); ++v) {
        for (const QString &sql : m_dialect.migrationTo(v))
            SqlQuery::run(m_db, sql);
    }
    SqlQuery::run(m_db, m_dialect.writeVersion(m_dialect.schemaVersion()));
    SqlQuery(m_db, QStringLiteral("INSERT INTO meta(key, value) VALUES ('created', ?)"))
        .bind(time)
        .exec();
}

void ProjectSchema::upgradeTo(int version)
{
    for (const QString &sql : m_dialect.migrationTo(version))
        SqlQuery::run(m_db, sql);
    SqlQuery::run(m_db, m_dialect.writeVersion(version));
}

void ProjectSchema::verify() const
{
    QStringList missing;
    SqlQuery q(m_db, m_dialect.tableExists());
    for (const QString &table : m_dialect.requiredTables()) {
        q.bind(table).exec();
        if (!q.next())
            missing << table;
    }
    if (!missing.isEmpty())
        throw ProjectError(QStringLiteral("the project is damaged (missing tables: %1)")
                               .arg(missing.join(QStringLiteral(", "))));
}
