#pragma once

#include <QByteArray>
#include <QString>

class ProjectSession;

// Codebooks as JSON files, so they travel between projects. Adding one
// merges by name: categories and codes already present are kept, never
// duplicated.
class CodebookFile
{
public:
    struct MergeResult
    {
        int categoriesAdded = 0;
        int codesAdded = 0;
        int codesKept = 0;
    };

    // Throws ProjectError on malformed JSON, naming origin.
    static MergeResult merge(ProjectSession &store, const QByteArray &json, const QString &origin);
    static QByteArray exportJson(const ProjectSession &store, const QString &name);
};
