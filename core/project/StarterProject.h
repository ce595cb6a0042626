#pragma once

#include <QString>

#include <memory>

class ProjectSession;

// The project a new user starts with: the sample article and a starter
// codebook of claims, actors, frames and techniques.
class StarterProject
{
public:
    // <platform data folder>/default.framewise
    static QString defaultProjectPath();
    // Opens the project at path, creating and filling it first if missing.
    static std::unique_ptr<ProjectSession> openOrCreate(const QString &path);
    // Adds the sample article and the starter codebook (merging by name).
    static void populate(ProjectSession &store);

    static QString sampleTitle();
};
