#pragma once

#include <QList>

struct BenchContext;
struct BenchOptions;
struct NewAnnotation;

// The team row: coder processes (children of this one, each with its own
// connection, as its own coder) commit single annotations to one PostgreSQL
// team project at the same time, each noting when it hears the others'
// commits (ProjectSession::changed, carried by LISTEN/NOTIFY). Then this
// process checks that every planned annotation is there exactly once (count
// and a checksum of uuid, span and code) and reports the p99 commit time
// and how late the other coders saw each commit.
class TeamMeasurements
{
public:
    TeamMeasurements(BenchContext &context, const BenchOptions &options);
    // False when an annotation was lost or duplicated, or a coder never
    // heard of another's commit (or heard it twice).
    bool run();

    // The child's side: coder number options.teamChild. Prints "ready",
    // waits for a line on stdin, commits, listens, prints its figures.
    static int runChild(const BenchOptions &options);

    // Commit number `commit` of coder `coder`: a deterministic span, code,
    // article and UUID, so the parent knows what must be there.
    static NewAnnotation plan(int coder, int commit, const QList<qint64> &articleIds,
                              const QList<qint64> &articleLengths, const QList<qint64> &codeIds);

private:
    BenchContext &m_context;
    const BenchOptions &m_options;
};
