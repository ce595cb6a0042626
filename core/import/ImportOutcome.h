#pragma once

#include <QString>

// What happened to one file of an import.
struct ImportOutcome
{
    enum class Status { Imported, Duplicate, Failed };

    QString path;
    Status status = Status::Failed;
    qint64 articleId = 0; // the new article, or for a duplicate the stored one
    QString title;
    QString message; // why it failed, naming the file
};
