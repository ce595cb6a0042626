#pragma once

#include <QString>

// Reads the first bytes of a file, without SQLite, to decide whether it is
// a Framewise project before anything opens it. Nothing is ever written.
class ProjectFileInspector
{
public:
    enum class Verdict {
        Missing,     // no such file
        Unreadable,  // exists but cannot be read (permissions, a folder...)
        Empty,       // zero bytes
        NotSqlite,   // some other kind of file
        Truncated,   // an SQLite file shorter than its header says
        Foreign,     // an SQLite database of another application
        Newer,       // a Framewise project from a newer version
        Project      // a Framewise project this version can open
    };

    struct Result
    {
        Verdict verdict = Verdict::Missing;
        int schemaVersion = 0; // from the header, for Project and Newer
        bool readOnly = false; // the file is marked read-only
        QString message;       // for a user, names the file; empty for Project
    };

    static Result inspect(const QString &path);
};
