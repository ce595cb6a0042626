#include "KeyringSession.h"

#include "RequiredTool.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <signal.h>

KeyringSession::KeyringSession()
{
    const RequiredTool::Lookup session
        = RequiredTool::find(QStringLiteral("dbus-run-session"), QStringLiteral("dbus-daemon"));
    const RequiredTool::Lookup keyring = RequiredTool::find(QStringLiteral("gnome-keyring-daemon"),
                                                            QStringLiteral("gnome-keyring"));
    const RequiredTool::Lookup secretTool
        = RequiredTool::find(QStringLiteral("secret-tool"), QStringLiteral("libsecret-tools"));
    for (const auto *tool : {&session, &keyring, &secretTool}) {
        if (tool->path.isEmpty()) {
            m_problem = tool->message;
            return;
        }
    }
    m_secretTool = secretTool.path;
    if (!m_dir.isValid()) {
        m_problem = QStringLiteral("cannot make a temporary folder for the keyring");
        return;
    }
    const QString runtime = m_dir.filePath(QStringLiteral("run"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));

    // The keyring daemon forks once it serves the bus; the shell then says
    // where the bus is and sleeps as long as the session should last.
    auto *process = new QProcess; // left to finish on its own when we end
    process->setProcessEnvironment(env);
    process->start(
        session.path,
        {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("'%1' --daemonize --unlock --components=secrets >/dev/null "
                        "|| exit 1; echo \"$$ $DBUS_SESSION_BUS_ADDRESS\"; exec sleep 900")
             .arg(keyring.path)});
    if (!process->waitForStarted()) {
        m_problem
            = QStringLiteral("%1 did not start: %2").arg(session.path, process->errorString());
        delete process;
        return;
    }
    process->write("keyring-test-password");
    process->closeWriteChannel();
    QByteArray line;
    while (!line.contains('\n') && process->state() == QProcess::Running
           && process->waitForReadyRead(30000))
        line += process->readAllStandardOutput();
    const QList<QByteArray> fields = line.trimmed().split(' ');
    if (fields.size() != 2 || fields[1].isEmpty()) {
        m_problem = QStringLiteral("gnome-keyring-daemon in dbus-run-session did not start: %1 %2")
                        .arg(QString::fromLocal8Bit(line),
                             QString::fromLocal8Bit(process->readAllStandardError()));
        process->kill();
        process->waitForFinished();
        delete process;
        return;
    }
    m_sleeper = fields[0].toLongLong();
    QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
    m_hadAddress = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    m_savedAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", fields[1]);
    // QtKeychain would prefer KWallet on a KDE desktop: the Secret Service here.
    qunsetenv("XDG_CURRENT_DESKTOP");
    qunsetenv("KDE_FULL_SESSION");
}

KeyringSession::~KeyringSession()
{
    if (m_sleeper > 0)
        ::kill(pid_t(m_sleeper), SIGTERM); // dbus-run-session then ends its bus
    if (m_hadAddress)
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_savedAddress);
    else
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

std::optional<QString> KeyringSession::lookup(const QString &key) const
{
    QProcess p;
    p.start(m_secretTool,
            {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("Framewise"),
             QStringLiteral("user"), key});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(p.readAllStandardOutput());
}
