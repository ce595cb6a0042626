#include "CommandLine.h"
#include "shell/GuiLauncher.h"
#include "base/EnglishPlurals.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Subcommands run headless: no display, no widgets.
    if (CommandLine::isSubcommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("Framewise"));
        QCoreApplication::setApplicationName(QStringLiteral("Framewise"));
        QCoreApplication::setApplicationVersion(QStringLiteral(FRAMEWISE_VERSION));
        EnglishPlurals plurals;
        QCoreApplication::installTranslator(&plurals);
        return CommandLine::run(QCoreApplication::arguments());
    }
    return GuiLauncher::run(argc, argv);
}
