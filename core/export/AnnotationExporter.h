#pragma once

#include <QByteArray>

class ProjectStore;

// Annotations as TSV or JSON. Offsets are Unicode code points of the stored
// article text, and both formats say so.
class AnnotationExporter
{
public:
    // articleId 0 = every article.
    static QByteArray toTsv(const ProjectStore &store, qint64 articleId = 0);
    static QByteArray toJson(const ProjectStore &store, qint64 articleId = 0);
};
