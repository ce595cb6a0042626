#pragma once

#include <QString>

// How windows and dialogs name a project: a file by its file name, a team
// project on a server (postgresql:// URL) by its database's name.
class ProjectLocation
{
public:
    // "study.framewise", or "study" for postgresql://host/study.
    static QString displayName(const QString &location);
    // "study" either way: the stem of suggested export file names.
    static QString baseName(const QString &location);
    // Where file dialogs start: the file's folder, or the home folder for
    // a project on a server.
    static QString folder(const QString &location);
};
