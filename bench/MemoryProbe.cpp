#include "MemoryProbe.h"

#include "BenchContext.h"
#include "GuiMeasurements.h"
#include "shell/MainWindow.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>
#include <stdexcept>

MemoryProbe::MemoryProbe(BenchContext &context)
    : m_context(context)
{
}

qint64 MemoryProbe::peakResidentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression hwm(QStringLiteral(R"(^VmHWM:\s+(\d+) kB)"),
                                        QRegularExpression::MultilineOption);
    const auto m = hwm.match(QString::fromLatin1(status.readAll()));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

int MemoryProbe::runChild(const QString &projectPath, qint64 articleId)
{
    auto window = GuiMeasurements::openWindow(projectPath);
    GuiMeasurements::showArticle(*window, articleId);
    std::printf("vmhwm-kb %lld\n", qlonglong(peakResidentKb()));
    return 0;
}

double MemoryProbe::measureChild(const QString &projectPath, qint64 articleId)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--memory-probe"), projectPath, QStringLiteral("--article"),
                 QString::number(articleId)});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        throw std::runtime_error("the memory probe failed: " + child.errorString().toStdString());
    static const QRegularExpression line(QStringLiteral(R"(vmhwm-kb (\d+))"));
    const auto match = line.match(QString::fromLatin1(child.readAllStandardOutput()));
    if (!match.hasMatch())
        throw std::runtime_error("the memory probe printed no VmHWM");
    return match.captured(1).toDouble() / 1024;
}

void MemoryProbe::run()
{
    Measurement m(QStringLiteral("peak memory, project open, big article shown"), QStringLiteral("MB"), 200,
                  Measurement::Better::Lower);
    if (peakResidentKb() < 0) {
        m.setNote(QStringLiteral("not run: no /proc/self/status"));
        m_context.report.add(m);
        return;
    }
    for (int r = 0; r < m_context.repeat; ++r)
        m.add(measureChild(m_context.projectPath, m_context.bigArticleId));
    m.setNote(QStringLiteral("VmHWM of a fresh process: MainWindow on the project, big article open"));
    m_context.report.add(m);
}
