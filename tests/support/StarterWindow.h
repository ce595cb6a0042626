#pragma once

#include "shell/MainWindow.h"
#include "project/StarterProject.h"
#include "store/ProjectSession.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Where most UI tests start, as a user would: the starter project (sample
// article and codebook) in a fresh temporary folder, in a shown and active
// main window with the first article open. In init():
//     QVERIFY(openStarterWindow(m_dir, m_window, {1200, 800}));
// In cleanup(), reset the window before the folder: it holds the project open.
// Header-only: only UI tests, which link framewise_ui, include it.
inline bool openStarterWindow(std::unique_ptr<QTemporaryDir> &dir,
                              std::unique_ptr<MainWindow> &window, QSize size)
{
    dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid())
        return false;
    auto store = StarterProject::openOrCreate(dir->filePath(QStringLiteral("starter.framewise")));
    window = std::make_unique<MainWindow>(std::move(store), MainWindow::Options{false});
    window->resize(size);
    window->show();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window.get()) && window->openFirstArticle();
}
