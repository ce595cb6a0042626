#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

// File > Copy Project To…: where to (a new project file, or an empty
// database on a PostgreSQL server, for a team), and the copy itself
// (ProjectCopy) behind a progress dialog. The open project stays open.
class CopyProjectFlow
{
    Q_DECLARE_TR_FUNCTIONS(CopyProjectFlow)

public:
    // Asks for a new file or a postgresql:// URL; empty if the user cancels.
    // Throws ProjectError for a server address that is no URL.
    static QString askDestination(QWidget *parent, const QString &project);
    // Copies project to destination and says what was copied, or that the
    // user cancelled it and nothing was written (for the status bar).
    // Throws ProjectError naming what refused it.
    static QString copy(QWidget *parent, const QString &project, const QString &destination);
};
