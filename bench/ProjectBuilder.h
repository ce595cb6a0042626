#pragma once

struct BenchContext;

// Turns the imported project into a coded one: the big article, a codebook
// of 30 codes in the four categories, three coders and the annotations,
// all through ProjectStore. Not measured; prints how long it took.
class ProjectBuilder
{
public:
    explicit ProjectBuilder(BenchContext &context);
    void run();

private:
    void addCodebook(class ProjectStore &store);
    void addAnnotations(class ProjectStore &store);

    BenchContext &m_context;
};
