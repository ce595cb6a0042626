#pragma once

#include "import/ImportOutcome.h"

#include <QList>
#include <QStringList>

class ArticleImporter;
class QWidget;

// Runs an import behind a window-modal progress dialog with a Cancel
// button. Files read before Cancel are stored; the rest are skipped.
class ImportProgress
{
public:
    // The dialog appears only if the import takes longer than a moment.
    static QList<ImportOutcome> run(ArticleImporter &importer, const QStringList &paths,
                                    QWidget *parent);
};
