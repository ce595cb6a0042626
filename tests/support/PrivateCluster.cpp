#include "PrivateCluster.h"

#include "RequiredTool.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QUrl>
#include <unistd.h>

PrivateCluster::PrivateCluster()
{
    const QString override = qEnvironmentVariable("FRAMEWISE_PG_BINDIR");
    const RequiredTool::Lookup initdb = RequiredTool::find(
        QStringLiteral("initdb"), QStringLiteral("postgresql-17"),
        {override.isEmpty() ? QStringLiteral("/usr/lib/postgresql/*/bin") : override});
    if (initdb.path.isEmpty()) {
        m_problem = initdb.message;
        return;
    }
    m_bindir = QFileInfo(initdb.path).absolutePath();
    m_role = qEnvironmentVariable("USER", QStringLiteral("postgres"));
    if (geteuid() == 0) {
        m_role = QStringLiteral("postgres");
        m_asOwner = {QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                     QStringLiteral("--")};
        if (!run(QStringLiteral("chown"), {QStringLiteral("postgres"), m_dir.path()}))
            return;
    }
    if (!run(m_bindir + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-U"),
              m_role, QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
              QStringLiteral("--locale=C.UTF-8")}))
        return;
    QFile conf(m_dir.filePath(QStringLiteral("data/postgresql.conf")));
    if (!conf.open(QIODevice::Append)) {
        m_problem = QStringLiteral("cannot write %1").arg(conf.fileName());
        return;
    }
    // Durable commits (the point of the tests that use this), no TCP.
    conf.write(QStringLiteral("listen_addresses = ''\nunix_socket_directories = '%1'\n"
                              "port = 5432\nsynchronous_commit = on\nfsync = off\n")
                   .arg(m_dir.path())
                   .toUtf8());
    conf.close();
    start();
}

PrivateCluster::~PrivateCluster()
{
    if (m_running)
        kill();
}

bool PrivateCluster::run(const QString &tool, const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList command
        = (tool == QLatin1String("chown") ? QStringList() : m_asOwner) + QStringList {tool} + args;
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_problem = QStringLiteral("%1 failed: %2 %3")
                        .arg(command.join(QLatin1Char(' ')), process.errorString(),
                             QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

bool PrivateCluster::start()
{
    m_running
        = run(m_bindir + QStringLiteral("/pg_ctl"),
              {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-l"),
               m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
               QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")});
    return m_running;
}

bool PrivateCluster::kill()
{
    m_running = false;
    return run(m_bindir + QStringLiteral("/pg_ctl"),
               {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
}

QString PrivateCluster::createDatabase(const QString &name)
{
    if (!run(m_bindir + QStringLiteral("/createdb"),
             {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-U"), m_role, name}))
        return {};
    return QStringLiteral("postgresql://%1@/%2?host=%3")
        .arg(m_role, name, QString::fromLatin1(QUrl::toPercentEncoding(m_dir.path(), "/")));
}

QString PrivateCluster::createPasswordDatabase(const QString &name, const QString &role,
                                               const QString &password)
{
    if (!run(m_bindir + QStringLiteral("/psql"),
             {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-U"), m_role,
              QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-v"),
              QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"),
              QStringLiteral("SET password_encryption = 'scram-sha-256'; CREATE ROLE \"%1\" "
                             "LOGIN PASSWORD '%2'")
                  .arg(role, QString(password).replace(QLatin1Char('\''), QStringLiteral("''")))}))
        return {};
    if (!run(m_bindir + QStringLiteral("/createdb"),
             {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-U"), m_role,
              QStringLiteral("-O"), role, name}))
        return {};
    QFile hba(m_dir.filePath(QStringLiteral("data/pg_hba.conf")));
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_problem = QStringLiteral("cannot write %1").arg(hba.fileName());
        return {};
    }
    hba.write(
        QStringLiteral("local all %1 trust\nlocal all all scram-sha-256\n").arg(m_role).toUtf8());
    hba.close();
    if (!run(m_bindir + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
              QStringLiteral("reload")}))
        return {};
    // The postmaster rereads pg_hba.conf on the signal: wait until a login
    // without a password is refused.
    for (int i = 0; i < 100; ++i) {
        QProcess probe;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PGPASSWORD"));
        probe.setProcessEnvironment(env);
        probe.start(m_bindir + QStringLiteral("/psql"),
                    {QStringLiteral("-w"), QStringLiteral("-h"), m_dir.path(), QStringLiteral("-U"),
                     role, QStringLiteral("-d"), name, QStringLiteral("-c"),
                     QStringLiteral("SELECT 1")});
        if (probe.waitForFinished(10000) && probe.exitCode() != 0)
            return QStringLiteral("postgresql://%1@/%2?host=%3")
                .arg(role, name, QString::fromLatin1(QUrl::toPercentEncoding(m_dir.path(), "/")));
        QThread::msleep(50);
    }
    m_problem = QStringLiteral("the server still lets %1 in without a password after reloading "
                               "pg_hba.conf")
                    .arg(role);
    return {};
}
