#pragma once

#include "ChangeSet.h"

#include <QSqlDatabase>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class ProjectSchema;
class SqlDialect;

// One connection to a project: opening (refusing what is not a project),
// settings, migrations, and the stack of units of work running on it. The
// repositories reach the database only through here, and write only inside
// a UnitOfWork.
class Database
{
public:
    // ReadOnly reads without writing a byte, so it never upgrades: an older
    // project is refused, naming its version.
    enum class OpenMode { OpenExisting, CreateIfMissing, ReadOnly };

    // Opens a project file, or a team project at a postgresql:// URL
    // (PostgresLocation), migrating an older one forward. Anything that is
    // not a Framewise project is refused without writing a byte to it; an
    // empty server database becomes one with CreateIfMissing.
    static std::unique_ptr<Database> open(const QString &path, OpenMode mode = OpenMode::OpenExisting);
    // Makes a new project where nothing is yet (a file that does not exist,
    // an empty server database; anything else is refused, naming it) and
    // fills it through fill, whose units of work run inside the transaction
    // that creates the schema: if fill throws, nothing is left claiming to
    // be a project (the file is removed, the database is empty again).
    static std::unique_ptr<Database> create(const QString &path,
                                            const std::function<void(Database &)> &fill);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QSqlDatabase &connection() const { return m_db; }
    const SqlDialect &dialect() const { return *m_dialect; }
    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    // Throws ProjectError naming the file when it is read-only.
    void requireWritable() const;
    int schemaVersion() const;

    // Called with what a unit of work changed, right after its outermost
    // commit (never after a rollback).
    void setCommitHandler(std::function<void(const ChangeSet &)> handler);
    // A background connection (the search indexer) lets the user's writes
    // go first: its units of work wait while another connection of this
    // process is waiting for the write lock.
    void setYieldsToOthers(bool yields) { m_yields = yields; }
    // How long the last unit of work waited for the write lock, in ms.
    double lastLockWait() const { return m_lastLockWait; }
    // Moves committed pages from the write-ahead log into the main file
    // without waiting for anyone; a background writer calls it between
    // chunks so a user's commit rarely has a large log to fold in.
    void checkpointPassively();
    bool inUnitOfWork() const { return !m_units.empty(); }

    // A team project's connection to its server (ServerLink watches it).
    // It is lost when a heartbeat or a rollback fails; while it is lost,
    // units of work are refused before they start, so no edit is queued or
    // half-written, and what was committed before stays committed.
    bool isServer() const;
    bool isLost() const { return m_lost; }
    // What an edit refused for that is told: the change was not saved.
    QString lostMessage() const;
    void markLost(const QString &reason);
    // Called once each time the connection is found lost, with the reason.
    void setLostHandler(std::function<void(const QString &)> handler);
    // Asks the server for an answer; marks the connection lost if none comes.
    bool probe();
    // Connects again after a loss, to a project at the same schema version;
    // false, with the reason in `error`, while the server is still away.
    bool reconnect(QString *error);

    // Stored times are UTC ISO 8601 with milliseconds; ids are UUIDs.
    static QString now();
    static QString newUuid();

private:
    friend class UnitOfWork;
    Database(const QString &path, bool readOnly);
    void connect(bool create);
    void connectServer(bool create);
    // Creates the schema and runs m_fill in one transaction.
    void createProject(ProjectSchema &schema);
    // Why an older project cannot be opened read-only.
    QString upgradeRefused(int version, bool writable) const;
    void migrate(int from);
    void checkpoint();
    void exec(const QString &sql);

    // The UnitOfWork protocol: begin pushes a frame (a transaction or a
    // savepoint inside one), commit and rollback pop it.
    void beginUnit(bool holdBegin = false);
    // Pops the frame once committed; what the outermost one changed is
    // returned for announce(), which runs after the unit is closed.
    std::optional<ChangeSet> commitUnit();
    void rollbackUnit();
    void announce(const ChangeSet &changes);
    ChangeSet &changes();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<SqlDialect> m_dialect;
    bool m_readOnly = false;
    // Set by create() while the new project is being filled.
    std::function<void(Database &)> m_fill;
    // One frame per open unit. A deque: opening an inner unit must not move
    // the frames outer units hold references to.
    std::deque<ChangeSet> m_units;
    int m_savepointSerial = 0;
    QList<QString> m_savepoints;
    std::function<void(const ChangeSet &)> m_onCommit;
    bool m_yields = false;
    bool m_lost = false;
    std::function<void(const QString &)> m_onLost;
    double m_lastLockWait = 0;
};
