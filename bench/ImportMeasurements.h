#pragma once

#include <QString>

struct BenchContext;

// Imports the corpus folder through ArticleImporter::importPaths (the code
// behind `framewise import`) into fresh projects, and compares with the
// sqlite3 shell doing the same inserts with an FTS5 index. Leaves the first imported project
// in context.projectPath for the later stages.
class ImportMeasurements
{
public:
    explicit ImportMeasurements(BenchContext &context);
    void run();

private:
    struct Timing
    {
        double import = 0; // seconds until the articles are committed
        double index = 0; // seconds to make them all searchable after that
    };
    Timing importOnce(const QString &projectPath);

    BenchContext &m_context;
};
