#pragma once

struct BenchContext;

// What a coder does against the store many times a session: create one
// annotation (and commit it), search the corpus, and pull every segment of
// a code with its quote.
class StoreMeasurements
{
public:
    explicit StoreMeasurements(BenchContext &context);
    void run();

private:
    void createAnnotation(class ProjectSession &store);
    void search(class ProjectSession &store);
    void segmentsOfCode(class ProjectSession &store);

    BenchContext &m_context;
};
