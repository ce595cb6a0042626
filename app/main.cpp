#include "AnalysisCommands.h"
#include "CommandLine.h"
#include "shell/GuiLauncher.h"
#include "base/EnglishPlurals.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // Subcommands run headless: no display, no widgets.
    if (CommandLine::isSubcommand(argc, argv)) {
        std::unique_ptr<QCoreApplication> app;
        if (AnalysisCommands::needsGuiApplication(argc, argv)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        QCoreApplication::setOrganizationName(QStringLiteral("Framewise"));
        QCoreApplication::setApplicationName(QStringLiteral("Framewise"));
        QCoreApplication::setApplicationVersion(QStringLiteral(FRAMEWISE_VERSION));
        EnglishPlurals plurals;
        QCoreApplication::installTranslator(&plurals);
        return CommandLine::run(QCoreApplication::arguments());
    }
    return GuiLauncher::run(argc, argv);
}
