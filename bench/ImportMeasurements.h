#pragma once

#include <QString>

struct BenchContext;

// Imports the corpus folder through ArticleImporter::importPaths (the code
// behind `framewise import`) into fresh projects, and compares with the
// sqlite3 shell doing the bare inserts. Leaves the first imported project
// in context.projectPath for the later stages.
class ImportMeasurements
{
public:
    explicit ImportMeasurements(BenchContext &context);
    void run();

private:
    double importOnce(const QString &projectPath);

    BenchContext &m_context;
};
