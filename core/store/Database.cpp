#include "Database.h"

#include "Bm25Ranking.h"
#include "ChangeNotifications.h"
#include "DeferredStatements.h"
#include "PostgresDialect.h"
#include "PostgresLocation.h"
#include "ProjectFileInspector.h"
#include "ProjectSchema.h"
#include "ServerPasswords.h"
#include "ServerStatements.h"
#include "SqlQuery.h"
#include "SqliteDialect.h"
#include "TeamAdmin.h"
#include "base/ProjectError.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <sqlite3.h>
#include <thread>

namespace {
// Connections of this process now waiting to begin a write.
std::atomic<int> g_waitingWriters{0};

// SQLite's own busy handler sleeps in steps of up to 100 ms, so a writer
// could sleep on well after the lock came free. Polling every millisecond
// gets the lock within about one of its release; 5 s, then give up.
int pollEveryMillisecond(void *, int attempts)
{
    if (attempts >= 5000)
        return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return 1;
}

// Counts a writer as waiting while it asks for the lock.
class WaitingWriter
{
public:
    WaitingWriter() { ++g_waitingWriters; }
    ~WaitingWriter() { --g_waitingWriters; }
};
} // namespace

std::unique_ptr<Database> Database::open(const QString &path, OpenMode mode)
{
    const bool readOnly = mode == OpenMode::ReadOnly;
    // A team project on a server: connect() checks what the database holds.
    if (PostgresLocation::isUrl(path)) {
        std::unique_ptr<Database> db(new Database(path, readOnly));
        db->connect(mode == OpenMode::CreateIfMissing);
        return db;
    }
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
    std::unique_ptr<Database> db(new Database(path, readOnly || (!create && inspection.readOnly)));
    db->connect(create);
    return db;
}

std::unique_ptr<Database> Database::create(const QString &path,
                                           const std::function<void(Database &)> &fill)
{
    if (!PostgresLocation::isUrl(path)
        && ProjectFileInspector::inspect(path).verdict != ProjectFileInspector::Verdict::Missing)
        throw ProjectError(QStringLiteral("%1: already exists; a new project needs a file that "
                                          "does not exist yet (nothing was changed)")
                               .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    std::unique_ptr<Database> db(new Database(path, false));
    db->m_fill = fill;
    db->connect(true);
    db->m_fill = nullptr;
    return db;
}

Database::Database(const QString &path, bool readOnly)
    : m_path(PostgresLocation::isUrl(path) ? path : QFileInfo(path).absoluteFilePath())
    , m_dialect(PostgresLocation::isUrl(path)
                    ? std::unique_ptr<SqlDialect>(std::make_unique<PostgresDialect>())
                    : std::make_unique<SqliteDialect>())
    , m_readOnly(readOnly)
{
    static std::atomic<int> counter{0};
    m_connectionName = QStringLiteral("framewise-%1").arg(++counter);
}

Database::~Database()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

namespace {
bool isSqlite(const SqlDialect &dialect)
{
    return dynamic_cast<const SqliteDialect *>(&dialect) != nullptr;
}
} // namespace

void Database::connect(bool create)
{
    if (!isSqlite(*m_dialect)) {
        connectServer(create);
        return;
    }
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
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.data())) {
            sqlite3_busy_handler(raw, &pollEveryMillisecond, nullptr);
            if (!Bm25Ranking::install(raw)) {
                m_db.close();
                throw ProjectError(
                    QStringLiteral("%1: this SQLite has no full-text search (FTS5)").arg(name));
            }
        }
    }

    const auto forget = [&] {
        m_db.close();
        if (create) {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(m_path + QLatin1String(suffix));
        }
    };
    try {
        ProjectSchema schema(m_db, *m_dialect);
        schema.configure(!m_readOnly);
        if (create) {
            createProject(schema);
            checkpoint();
        } else {
            const int version = schema.version();
            if (version < m_dialect->schemaVersion()) {
                if (m_readOnly)
                    throw ProjectError(
                        upgradeRefused(version, !ProjectFileInspector::inspect(m_path).readOnly));
                migrate(version);
                checkpoint();
            }
            schema.verify();
        }
    } catch (const ProjectError &e) {
        forget();
        throw ProjectError(QStringLiteral("%1: %2").arg(name, e.message()));
    } catch (...) {
        forget();
        throw;
    }
}

void Database::createProject(ProjectSchema &schema)
{
    exec(m_dialect->beginTransaction());
    try {
        if (isSqlite(*m_dialect))
            exec(SqliteDialect::setApplicationId());
        schema.create(now());
        if (m_fill) {
            // The units of work of fill nest in this transaction (savepoints).
            m_units.emplace_back();
            try {
                m_fill(*this);
            } catch (...) {
                m_units.pop_back();
                throw;
            }
            m_units.pop_back();
        }
        exec(m_dialect->commit());
    } catch (...) {
        QSqlQuery(m_db).exec(m_dialect->rollback());
        throw;
    }
}

// The server's database must be empty (when creating) or ours, at a version
// we can open; every check reads before anything is written.
void Database::connectServer(bool create)
{
    const PostgresLocation where = PostgresLocation::parse(m_path);
    m_db = where.addConnection(m_path, m_connectionName);
    // A password the user gave this session; else libpq's own sources, and
    // the keyring's only when the server refused those.
    ServerPasswords::Known password = ServerPasswords::session(m_path);
    if (password.source == ServerPasswords::Source::Session)
        m_db.setPassword(password.password);
    bool opened = m_db.open();
    if (!opened && password.source == ServerPasswords::Source::None
        && PostgresLocation::isAuthenticationFailure(m_db.lastError())) {
        password = ServerPasswords::stored(m_path);
        if (password.source == ServerPasswords::Source::Keyring) {
            m_db.setPassword(password.password);
            opened = m_db.open();
        }
    }
    if (!opened)
        ServerPasswords::fail(m_path, where, m_db.lastError(), password);
    ServerStatements::forget(m_db.driver());

    try {
        ProjectSchema schema(m_db, *m_dialect);
        schema.configure(true);
        if (SqlQuery::scalar(m_db, PostgresDialect::versionTableExists()).toInt() == 0) {
            if (SqlQuery::scalar(m_db, PostgresDialect::userTableCount()).toInt() > 0)
                throw ProjectError(QStringLiteral("the database is not a Framewise project (it "
                                                  "has tables, but not Framewise's); nothing "
                                                  "was changed"));
            if (!create)
                throw ProjectError(QStringLiteral("the database is empty, not a Framewise "
                                                  "project yet; create the project in it first"));
            createProject(schema);
            return;
        }
        if (m_fill)
            throw ProjectError(QStringLiteral("the database already holds a Framewise project; "
                                              "a new project needs an empty database (nothing "
                                              "was changed)"));
        const int version = schema.version();
        if (version > m_dialect->schemaVersion())
            throw ProjectError(QStringLiteral("made by a newer Framewise (project version %1; "
                                              "this version opens up to %2). Update Framewise "
                                              "to open it.")
                                   .arg(version)
                                   .arg(m_dialect->schemaVersion()));
        if (version < PostgresDialect::baselineVersion)
            throw ProjectError(QStringLiteral("the project has version %1, older than any "
                                              "PostgreSQL project (%2): it is damaged")
                                   .arg(version)
                                   .arg(PostgresDialect::baselineVersion));
        if (version < m_dialect->schemaVersion()) {
            if (m_readOnly)
                throw ProjectError(upgradeRefused(version, true));
            migrate(version);
            // A team's grants and policies cover the tables that existed at
            // `team init`: extend them to what the upgrade added.
            std::optional<TeamAdmin> team;
            try {
                team.emplace(*this);
            } catch (const ProjectError &) {
                // A database name too long for team roles: never a team.
            }
            if (team && team->isTeam())
                team->refreshRights();
        }
        schema.verify();
        // The server then refuses any write of this connection, ours too.
        if (m_readOnly)
            exec(QStringLiteral("SET default_transaction_read_only = on"));
    } catch (const ProjectError &e) {
        m_db.close();
        throw ProjectError(QStringLiteral("%1: %2").arg(m_path, e.message()));
    } catch (...) {
        m_db.close();
        throw;
    }
}

QString Database::upgradeRefused(int version, bool writable) const
{
    if (!writable)
        return QStringLiteral("the project needs an upgrade from version %1 but the file is "
                              "read-only")
            .arg(version);
    return QStringLiteral("the project has version %1 and needs an upgrade to version %2, but it "
                          "is opened for reading only; open it once with this version of "
                          "Framewise (which upgrades it), then try again")
        .arg(version)
        .arg(m_dialect->schemaVersion());
}

void Database::migrate(int from)
{
    // One transaction per step, so a failure leaves the last good version.
    for (int v = from + 1; v <= m_dialect->schemaVersion(); ++v) {
        exec(m_dialect->beginTransaction());
        try {
            ProjectSchema(m_db, *m_dialect).upgradeTo(v);
            exec(m_dialect->commit());
        } catch (const ProjectError &e) {
            exec(m_dialect->rollback());
            throw ProjectError(QStringLiteral("upgrading to version %1 failed: %2").arg(v).arg(e.message()));
        }
    }
}

void Database::checkpoint()
{
    // The marks that make a file a project (application_id, user_version)
    // live in the main file's header: put them there now, not at some later
    // checkpoint, so a crash in the first session leaves a file we accept.
    if (isSqlite(*m_dialect))
        exec(SqliteDialect::checkpoint());
}

void Database::checkpointPassively()
{
    if (!isSqlite(*m_dialect))
        return;
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
}

void Database::exec(const QString &sql)
{
    SqlQuery::run(m_db, sql);
}

void Database::requireWritable() const
{
    if (m_readOnly)
        throw ProjectError(QStringLiteral("%1 is read-only; nothing was changed")
                               .arg(QDir::toNativeSeparators(m_path)));
}

int Database::schemaVersion() const
{
    return ProjectSchema(m_db, *m_dialect).version();
}

void Database::setCommitHandler(std::function<void(const ChangeSet &)> handler)
{
    m_onCommit = std::move(handler);
}

QString Database::now()
{
    return SqlQuery::formatTime(QDateTime::currentDateTimeUtc());
}

QString Database::newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool Database::isServer() const
{
    return !isSqlite(*m_dialect);
}

void Database::setLostHandler(std::function<void(const QString &)> handler)
{
    m_onLost = std::move(handler);
}

void Database::markLost(const QString &reason)
{
    if (m_lost)
        return;
    m_lost = true;
    if (m_onLost)
        m_onLost(reason);
}

bool Database::probe()
{
    if (m_lost)
        return false;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT 1")) && q.next())
        return true;
    markLost(q.lastError().text());
    return false;
}

bool Database::reconnect(QString *error)
{
    Q_ASSERT(m_units.empty());
    m_db.close();
    if (!m_db.open()) {
        *error = PostgresLocation::parse(m_path).failure(m_path, m_db.lastError());
        return false;
    }
    ServerStatements::forget(m_db.driver());
    try {
        ProjectSchema schema(m_db, *m_dialect);
        schema.configure(!m_readOnly);
        if (m_readOnly)
            exec(QStringLiteral("SET default_transaction_read_only = on"));
        // Someone may have upgraded the project meanwhile: this build would
        // then write to tables it does not know.
        const int version = schema.version();
        if (version != m_dialect->schemaVersion())
            throw ProjectError(QStringLiteral("the project is now at version %1; this Framewise "
                                              "works with version %2. Open it again with a "
                                              "matching version")
                                   .arg(version)
                                   .arg(m_dialect->schemaVersion()));
    } catch (const ProjectError &e) {
        m_db.close();
        *error = QStringLiteral("%1: %2").arg(m_path, e.message());
        return false;
    }
    m_lost = false;
    return true;
}

QString Database::lostMessage() const
{
    return QStringLiteral("%1: the connection to the server is lost, so this change was not "
                          "saved. Framewise is reconnecting; everything saved before is safe on "
                          "the server.")
        .arg(m_path);
}

void Database::beginUnit(bool holdBegin)
{
    requireWritable();
    if (m_lost)
        throw ProjectError(lostMessage());
    if (m_units.empty() && holdBegin && isServer()) {
        // A server gone meanwhile fails the first statement instead, and
        // the rollback that follows finds the connection lost.
        DeferredStatements::hold(m_db.driver(), m_dialect->beginTransaction());
        m_units.emplace_back();
        return;
    }
    if (m_units.empty()) {
        try {
            if (m_yields) {
                while (g_waitingWriters.load() > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                exec(m_dialect->beginTransaction());
            } else {
                WaitingWriter waiting;
                QElapsedTimer timer;
                timer.start();
                exec(m_dialect->beginTransaction());
                m_lastLockWait = double(timer.nsecsElapsed()) / 1e6;
            }
        } catch (const ProjectError &) {
            // BEGIN fails on a healthy server only in ways a probe tells apart.
            if (isServer() && !probe())
                throw ProjectError(lostMessage());
            throw;
        }
        m_units.emplace_back();
        return;
    }
    const QString name = QStringLiteral("unit_%1").arg(++m_savepointSerial);
    exec(m_dialect->savepoint(name));
    m_savepoints.append(name);
    m_units.emplace_back();
}

std::optional<ChangeSet> Database::commitUnit()
{
    if (m_units.size() == 1) {
        // A team project tells its other sessions what changed, in the
        // transaction: they hear of it if and only if it commits. The
        // notifications and the COMMIT go in one round trip (a simple
        // query of several statements; the first to fail stops the rest).
        QStringList statements;
        if (const QString held = DeferredStatements::take(m_db.driver()); !held.isEmpty())
            statements << held;
        if (!isSqlite(*m_dialect) && !m_units.back().isEmpty())
            statements << ChangeNotifications::statements(m_units.back());
        statements << m_dialect->commit();
        SqlQuery::runAll(m_db, statements.join(QStringLiteral("; ")));
        ChangeSet changes = std::move(m_units.back());
        m_units.pop_back();
        if (changes.isEmpty())
            return std::nullopt;
        return changes;
    }
    exec(m_dialect->releaseSavepoint(m_savepoints.last()));
    m_savepoints.removeLast();
    const ChangeSet inner = std::move(m_units.back());
    m_units.pop_back();
    m_units.back().merge(inner);
    return std::nullopt;
}

void Database::announce(const ChangeSet &changes)
{
    if (m_onCommit)
        m_onCommit(changes);
}

void Database::rollbackUnit()
{
    // Never throws: it runs from destructors while an error unwinds.
    // Writes held back are the rolled-back unit's (a savepoint sends them
    // before it is made), so they go unsent.
    DeferredStatements::take(m_db.driver());
    QSqlQuery q(m_db);
    if (m_units.size() == 1) {
        // A healthy connection always rolls back: failing to means the
        // server is gone (and the transaction with it).
        if (!q.exec(m_dialect->rollback()) && isServer()) {
            // The driver may have nothing more to say once the statement
            // before failed the same way (a held BEGIN's unit).
            const QString reason = q.lastError().text().trimmed();
            markLost(reason.isEmpty() ? QStringLiteral("the server closed the connection")
                                      : reason);
        }
    } else {
        q.exec(m_dialect->rollbackToSavepoint(m_savepoints.last()));
        q.exec(m_dialect->releaseSavepoint(m_savepoints.last()));
        m_savepoints.removeLast();
    }
    m_units.pop_back();
}

ChangeSet &Database::changes()
{
    Q_ASSERT(!m_units.empty());
    return m_units.back();
}
