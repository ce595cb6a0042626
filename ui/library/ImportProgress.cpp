#include "library/ImportProgress.h"

#include "import/ArticleImporter.h"

#include <QApplication>
#include <QProgressDialog>
#include <new>

QList<ImportOutcome> ImportProgress::run(ArticleImporter &importer, const QStringList &paths,
                                         QWidget *parent)
{
    QProgressDialog dialog(QCoreApplication::translate("ImportProgress", "Importing…"),
                           QCoreApplication::translate("ImportProgress", "Cancel"), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("importProgress"));
    dialog.setWindowTitle(QCoreApplication::translate("ImportProgress", "Import"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog,
                     [&importer] { importer.cancel(); });
    QList<ImportOutcome> outcomes;
    try {
        outcomes = importer.importPaths(paths, [&dialog](int done, int total) {
            dialog.setMaximum(total);
            dialog.setLabelText(QCoreApplication::translate("ImportProgress", "Importing %1 of %2…")
                                    .arg(done)
                                    .arg(total));
            // A modal QProgressDialog processes events here, so Cancel is heard.
            dialog.setValue(done);
        });
    } catch (const std::bad_alloc &) {
        // The importer reports this per file; should it escape anyway, the
        // window stays and says so for each path instead of aborting.
        outcomes.clear();
        for (const QString &path : paths)
            outcomes.append({path,
                             ImportOutcome::Status::Failed,
                             0,
                             {},
                             ArticleImporter::outOfMemoryMessage(path)});
    }
    dialog.close();
    return outcomes;
}
