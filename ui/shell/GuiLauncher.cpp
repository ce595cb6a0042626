#include "shell/GuiLauncher.h"

#include "base/EnglishPlurals.h"

#include "shell/ThemeSettings.h"
#include "shell/MainWindow.h"
#include "project/StarterProject.h"
#include "base/ProjectError.h"
#include "shell/ServerLogin.h"
#include "store/PostgresLocation.h"
#include "store/ProjectLocation.h"
#include "store/ProjectSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QIcon>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSvgRenderer>

#include <cstdio>

namespace {
void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

bool hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

QIcon appIcon()
{
    // Rendered here rather than through the svg image plugin, which not
    // every installation has.
    QSvgRenderer renderer(QStringLiteral(":/framewise/icons/framewise.svg"));
    QIcon icon;
    if (!renderer.isValid())
        return icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

// Lets queued layout, resize and paint work finish before a screenshot.
void settle(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QCoreApplication::sendPostedEvents();
    }
}

struct GuiOptions
{
    QString project;
    QString screenshot;
    qint64 articleId = 0;
    QString search;
    QString panel;
};

// The dock of an analysis panel named on the command line, created and
// shown; nullptr for an unknown name.
QDockWidget *showPanel(MainWindow &window, const QString &name)
{
    QDockWidget *dock = nullptr;
    if (name == QLatin1String("segments")) {
        dock = window.codedSegmentsDock();
    } else if (name == QLatin1String("matrix")) {
        window.codeMatrixPanel();
        dock = window.codeMatrixDock();
    } else if (name == QLatin1String("network")) {
        window.networkPanel();
        dock = window.networkDock();
    }
    if (dock) {
        dock->show();
        dock->raise();
    }
    return dock;
}

void describe(QCommandLineParser &parser, QCommandLineOption &screenshot, QCommandLineOption &article)
{
    parser.setApplicationDescription(QStringLiteral(
        "Read news articles and code claims, actors, frames and techniques by hand.\n"
        "Without a PROJECT, opens (and on first start creates) your default project."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(screenshot);
    parser.addOption(article);
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .framewise project file."),
                                 QStringLiteral("[PROJECT]"));
}
} // namespace

int GuiLauncher::run(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Framewise"));
    QCoreApplication::setApplicationName(QStringLiteral("Framewise"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRAMEWISE_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QCommandLineParser parser;
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Lay out the window at 1400×860, open the article, save a PNG to FILE and exit."),
        QStringLiteral("FILE"));
    QCommandLineOption articleOption(QStringLiteral("article"),
                                     QStringLiteral("Open the article with this id (default: the first)."),
                                     QStringLiteral("ID"));
    describe(parser, screenshotOption, articleOption);
    QCommandLineOption themeOption(QStringLiteral("theme"),
                                   QStringLiteral("light, dark or system (default: the saved choice, else system)."),
                                   QStringLiteral("THEME"));
    parser.addOption(themeOption);
    QCommandLineOption searchOption(QStringLiteral("search"),
                                    QStringLiteral("Search all articles for QUERY and open the best match."),
                                    QStringLiteral("QUERY"));
    parser.addOption(searchOption);
    QCommandLineOption panelOption(
        QStringLiteral("panel"),
        QStringLiteral("Show this analysis panel: segments, matrix or network (with --screenshot, "
                       "the PNG shows the panel alone, floating at 1200×760)."),
        QStringLiteral("NAME"));
    parser.addOption(panelOption);

    // Parsed before any application object exists: --help, --version and
    // usage errors must work without a display.
    if (!parser.parse(arguments)) {
        print(stderr, QStringLiteral("framewise: %1\nSee framewise --help.\n").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        QCoreApplication app(argc, argv);
        if (parser.isSet(QStringLiteral("version")))
            print(stdout, QStringLiteral("framewise %1\n").arg(QStringLiteral(FRAMEWISE_VERSION)));
        else
            print(stdout, parser.helpText());
        return 0;
    }

    GuiOptions options;
    options.screenshot = parser.value(screenshotOption);
    options.search = parser.value(searchOption);
    options.panel = parser.value(panelOption);
    if (!options.panel.isEmpty()
        && !QStringList{QStringLiteral("segments"), QStringLiteral("matrix"), QStringLiteral("network")}
                .contains(options.panel)) {
        print(stderr, QStringLiteral("framewise: --panel must be segments, matrix or network, not “%1”\n")
                          .arg(options.panel));
        return 2;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        print(stderr, QStringLiteral("framewise: expected at most one PROJECT, got %1\n").arg(positional.size()));
        return 2;
    }
    bool themeGiven = false;
    ThemeSettings::Theme theme = ThemeSettings::Theme::System;
    if (parser.isSet(themeOption)) {
        theme = ThemeSettings::fromName(parser.value(themeOption), &themeGiven);
        if (!themeGiven) {
            print(stderr, QStringLiteral("framewise: --theme must be light, dark or system, not “%1”\n")
                              .arg(parser.value(themeOption)));
            return 2;
        }
    }
    if (parser.isSet(articleOption)) {
        bool ok = false;
        options.articleId = parser.value(articleOption).toLongLong(&ok);
        if (!ok || options.articleId <= 0) {
            print(stderr, QStringLiteral("framewise: --article must be an article id (a whole number > 0), not “%1”\n")
                              .arg(parser.value(articleOption)));
            return 2;
        }
    }

    if (!hasDisplay()) {
        print(stderr, QStringLiteral(
                          "framewise: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                          "  To run the window on a virtual display:  xvfb-run -a framewise\n"
                          "  For --screenshot without any display:    QT_QPA_PLATFORM=offscreen framewise --screenshot FILE\n"
                          "  The command-line tools need no display:  framewise --help\n"));
        return 1;
    }

    QApplication app(argc, argv);
    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.framewise.Framewise"));
    QApplication::setWindowIcon(appIcon());
    ThemeSettings::apply(app, themeGiven ? theme : ThemeSettings::saved());

    const bool screenshot = !options.screenshot.isEmpty();
    // A file, or a team project on a server (postgresql:// URL).
    QString path = positional.isEmpty()                          ? StarterProject::defaultProjectPath()
        : PostgresLocation::isUrl(positional.first()) ? positional.first()
                                                      : QDir::current().absoluteFilePath(positional.first());
    std::unique_ptr<ProjectSession> store;
    while (!store) {
        try {
            // A server project's password is asked for when the server
            // wants one (not for a screenshot); Cancel ends here.
            if (screenshot)
                store = StarterProject::openOrCreate(path);
            else if (!ServerLogin::run(nullptr,
                                       [&] { store = StarterProject::openOrCreate(path); }))
                return 1;
        } catch (const ProjectError &e) {
            if (screenshot) {
                print(stderr, QStringLiteral("framewise: %1\n").arg(e.message()));
                return 1;
            }
            QMessageBox box(QMessageBox::Critical, QObject::tr("Cannot open project"), e.message());
            box.setTextFormat(Qt::PlainText); // the path as it is
            box.setInformativeText(QObject::tr("You can open another project instead."));
            QPushButton *other = box.addButton(QObject::tr("Open Another…"), QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Close);
            box.exec();
            if (box.clickedButton() != other)
                return 1;
            path = QFileDialog::getOpenFileName(nullptr, QObject::tr("Open Project"), ProjectLocation::folder(path),
                                                QObject::tr("Framewise projects (*.framewise);;All files (*)"));
            if (path.isEmpty())
                return 1;
        }
    }

    MainWindow window(std::move(store), MainWindow::Options{!screenshot});
    if (screenshot) {
        window.resize(1400, 860);
        window.show();
        settle(150);
    } else {
        window.show();
        // Every annotation records its coder: ask for the name once.
        if (MainWindow::coderUnset() && qEnvironmentVariableIsEmpty("FRAMEWISE_CODER"))
            window.chooseCoder();
    }

    bool opened = options.articleId ? window.openArticle(options.articleId) : window.openFirstArticle();
    if (!opened && options.articleId) {
        if (screenshot) {
            print(stderr, QStringLiteral("framewise: no article with id %1\n").arg(options.articleId));
            return 1;
        }
        opened = window.openFirstArticle();
    }

    if (!options.search.isEmpty() && !window.searchFor(options.search)) {
        print(stderr, QStringLiteral("framewise: no article matches “%1”\n").arg(options.search));
        if (screenshot)
            return 1;
    }

    QDockWidget *panel = options.panel.isEmpty() ? nullptr : showPanel(window, options.panel);
    if (panel && screenshot) {
        panel->setFloating(true);
        panel->resize(1200, 760);
        settle(250);
    }

    if (screenshot) {
        settle(250);
        const QPixmap image = panel ? panel->grab() : window.grab();
        if (!image.save(options.screenshot, "PNG")) {
            print(stderr, QStringLiteral("framewise: cannot write %1\n").arg(options.screenshot));
            return 1;
        }
        return 0;
    }
    return app.exec();
}
