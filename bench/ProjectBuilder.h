#pragma once

struct BenchContext;

// Turns the imported project into a coded one: the big article, a codebook
// of 30 codes in the four categories, three coders and the annotations,
// all through ProjectSession. Not measured; prints how long it took.
class ProjectBuilder
{
public:
    explicit ProjectBuilder(BenchContext &context);
    void run();

private:
    void addCodebook(class ProjectSession &store);
    void addAnnotations(class ProjectSession &store);

    BenchContext &m_context;
};
