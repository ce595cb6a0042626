#include "CliRunner.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

CliRunner::CliRunner(const QString &binary, const QString &home)
    : m_binary(binary)
    , m_home(home)
{
}

CliRunner::Run CliRunner::run(const QStringList &args) const
{
    return run(args, {});
}

CliRunner::Run CliRunner::run(const QStringList &args, const QByteArray &input) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(m_home).filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // subcommands need no display at all
    p.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    p.start(m_binary, args);
    if (p.waitForStarted()) {
        p.write(input);
        p.closeWriteChannel();
        loop.exec();
    }
    if (p.state() != QProcess::NotRunning) {
        qWarning("framewise %s timed out", qPrintable(args.join(QLatin1Char(' '))));
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString CliRunner::write(const QString &name, const QByteArray &bytes) const
{
    const QString path = QDir(m_home).filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}
