#pragma once

#include <QStringList>

// The physical limit for an import: the sqlite3 shell inserting the same
// titles and texts in one transaction into a table with an FTS5 index
// (same tokenizer, same journal settings as a project), from one SQL script.
class SqliteShellBaseline
{
public:
    // The sqlite3 executable on PATH, or empty.
    static QString findShell();
    // Writes the script; the texts are read exactly as the importer reads
    // them, so both sides store the same characters. Throws
    // std::runtime_error on I/O errors.
    static void writeScript(const QString &scriptPath, const QStringList &files);
    // Runs the shell on a fresh database and returns the wall time in
    // seconds (process start to exit). Throws std::runtime_error if it fails.
    static double run(const QString &shell, const QString &scriptPath, const QString &databasePath);
};
