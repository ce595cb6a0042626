#pragma once

#include <QString>

#include <functional>

struct BenchContext;
class MainWindow;

// Codebook edits that touch a large part of the corpus, measured from the
// command to every model updated, with the window open (library, reader
// and code list alive): merging a code used 20,000 times across 5,700
// articles into another, deleting a code with 20,000 annotations, and the
// undo of each. Runs on a copy of the coded project.
class CodebookMeasurements
{
public:
    explicit CodebookMeasurements(BenchContext &context);
    void run();

private:
    // A code used by `annotations` short spans spread over `articles`
    // articles (the first ones of the corpus); returns its id.
    qint64 addUsedCode(const QString &projectPath, const QString &name, int articles, int annotations);
    void measure(MainWindow &window, const QString &name, const std::function<void()> &push,
                 double targetMs);

    BenchContext &m_context;
};
