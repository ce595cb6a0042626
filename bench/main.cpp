#include "shell/AppTheme.h"
#include "BenchOptions.h"
#include "BenchRunner.h"
#include "MemoryProbe.h"
#include "TeamMeasurements.h"
#include "base/ProjectError.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <exception>

namespace {
QtMessageHandler g_defaultHandler = nullptr;

// The offscreen platform warns once per shown window that it cannot pass
// size hints on; that says nothing about Framewise and buries the report.
void filterMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    g_defaultHandler(type, context, message);
}
} // namespace

int main(int argc, char *argv[])
{
    g_defaultHandler = qInstallMessageHandler(filterMessages);
    // The GUI measurements need no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Framewise"));
    QCoreApplication::setApplicationName(QStringLiteral("framewise-bench"));
    // Settings of its own, fresh each run: a reading lens or layout left on
    // by an earlier run (or by the user) would change what is measured.
    const QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    AppTheme::apply(app);

    const BenchOptions options = BenchOptions::parse(QCoreApplication::arguments());
    try {
        if (options.teamChild >= 0)
            return TeamMeasurements::runChild(options);
        if (!options.probeProject.isEmpty())
            return MemoryProbe::runChild(options.probeProject, options.probeArticle);
        return BenchRunner(options, QStringLiteral(FRAMEWISE_SOURCE_DIR), QStringLiteral(FRAMEWISE_SHARED_DIR))
            .run();
    } catch (const ProjectError &e) {
        std::fprintf(stderr, "framewise-bench: %s\n", qPrintable(e.message()));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "framewise-bench: %s\n", e.what());
    }
    return 1;
}
