#pragma once

#include <QByteArray>

class ProjectSession;

// Annotations as TSV or JSON. Offsets are Unicode code points of the stored
// article text, and both formats say so.
class AnnotationExporter
{
public:
    // articleId 0 = every article.
    static QByteArray toTsv(const ProjectSession &store, qint64 articleId = 0);
    static QByteArray toJson(const ProjectSession &store, qint64 articleId = 0);
};
