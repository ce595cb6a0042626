#pragma once

#include <QString>

#include <memory>

class ProjectStore;

// The project a new user starts with: the sample article and a starter
// codebook of claims, actors, frames and techniques.
class StarterProject
{
public:
    // <platform data folder>/default.framewise
    static QString defaultProjectPath();
    // Opens the project at path, creating and filling it first if missing.
    static std::unique_ptr<ProjectStore> openOrCreate(const QString &path);
    // Adds the sample article and the starter codebook (merging by name).
    static void populate(ProjectStore &store);

    static QString sampleTitle();
};
