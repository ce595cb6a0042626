#include "shell/CopyProjectFlow.h"

#include "base/ProjectError.h"
#include "store/PostgresLocation.h"
#include "store/ProjectCopy.h"
#include "store/ProjectLocation.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

QString CopyProjectFlow::askDestination(QWidget *parent, const QString &project)
{
    QMessageBox where(QMessageBox::Question, tr("Copy Project To"),
                      tr("Copy %1 into a new project file, or into an empty database on a "
                         "PostgreSQL server (to share it with a team)?")
                          .arg(ProjectLocation::displayName(project)),
                      QMessageBox::Cancel, parent);
    where.setObjectName(QStringLiteral("copyProjectWhere"));
    QPushButton *toFile = where.addButton(tr("To a &File…"), QMessageBox::AcceptRole);
    toFile->setObjectName(QStringLiteral("copyToFile"));
    QPushButton *toServer = where.addButton(tr("To a &Server…"), QMessageBox::AcceptRole);
    toServer->setObjectName(QStringLiteral("copyToServer"));
    where.exec();
    if (where.clickedButton() == toFile) {
        const QString suggested
            = QDir(ProjectLocation::folder(project))
                  .filePath(tr("%1 copy.framewise").arg(ProjectLocation::baseName(project)));
        QString path
            = QFileDialog::getSaveFileName(parent, tr("Copy Project To File"), suggested,
                                           tr("Framewise projects (*.framewise);;All files (*)"),
                                           nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".framewise");
        return path;
    }
    if (where.clickedButton() != toServer)
        return {};
    bool ok = false;
    const QString url
        = QInputDialog::getText(parent, tr("Copy Project To Server"),
                                tr("URL of an empty database (postgresql://user@host:port/"
                                   "database); the password comes from ~/.pgpass, PGPASSWORD, "
                                   "a service file or the desktop keyring, or is asked for:"),
                                QLineEdit::Normal, QStringLiteral("postgresql://"), &ok)
              .trimmed();
    if (!ok || url.isEmpty())
        return {};
    if (!PostgresLocation::isUrl(url))
        throw ProjectError(
            tr("%1: not a server database; a URL starts with postgresql://").arg(url));
    return url;
}

QString CopyProjectFlow::copy(QWidget *parent, const QString &project, const QString &destination)
{
    const QString name = ProjectLocation::displayName(destination);
    QProgressDialog progress(tr("Copying to %1…").arg(name), tr("Cancel"), 0, 0, parent);
    progress.setObjectName(QStringLiteral("copyProgress"));
    progress.setWindowTitle(tr("Copy Project To"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    // Thrown out of the copy's progress to stop it; the copy then rolls back.
    struct Cancelled
    {
    };
    QString stage;
    bool committed = false;
    try {
        const ProjectCopy::Report report = ProjectCopy::copy(
            project, destination, [&](const QString &now, qint64 done, qint64 total) {
                if (now != stage) {
                    stage = now;
                    // The server's statistics come after the copy committed:
                    // nothing to cancel any more.
                    committed = now != QLatin1String("copying")
                        && now != QLatin1String("indexing for search");
                    if (committed)
                        progress.setCancelButton(nullptr);
                    progress.setLabelText(now == QLatin1String("copying")
                                              ? tr("Copying to %1…").arg(name)
                                          : now == QLatin1String("indexing for search")
                                              ? tr("Indexing the copy for search…")
                                              : tr("Updating the server's statistics…"));
                }
                if (!committed && progress.wasCanceled())
                    throw Cancelled {};
                progress.setMaximum(int(total));
                // Modal: lets the window repaint between batches, and the
                // user press Cancel.
                progress.setValue(int(done));
            });
        return tr("Copied to %1: %2").arg(name, report.summary());
    } catch (const Cancelled &) {
        return tr("Copy to %1 cancelled; nothing was written there.").arg(name);
    }
}
