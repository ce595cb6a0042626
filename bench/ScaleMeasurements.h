#pragma once

#include <QList>
#include <QString>

struct BenchContext;
class ProjectSession;
class SentencePool;

// The analysis at scale: for each size of a series (20,000 / 60,000 /
// 200,000 articles, 10 annotations per article on average), a coded
// project built straight through the store, then the library shown and
// sorted in the main window, full-text search, the GUI's peak memory (in a
// child process), a retrieval query with
// two codes and a relation, the code x month matrix, co-occurrence by
// paragraph and the HTML report, timed, with the project's size per
// article. Prints how each figure grows from the smallest size to the
// largest next to how the articles grow. With a server URL (a team
// project), the same project copied there: its library and search over the
// connection.
class ScaleMeasurements
{
public:
    ScaleMeasurements(BenchContext &context, const SentencePool &pool, QList<int> sizes);
    void run();

    static QList<int> fullSeries() { return {20000, 60000, 200000}; }
    static QList<int> quickSeries() { return {200, 600, 2000}; }

private:
    struct Figures
    {
        int articles = 0;
        double libraryMs = 0, searchMs = 0, retrievalMs = 0, unitRetrievalMs = 0, matrixMs = 0, cooccurrenceMs = 0, reportMs = 0;
        double bytesPerArticle = 0;
        double peakMb = 0;
    };
    // Milliseconds of each run, and what the last one found.
    struct Timed
    {
        QList<double> ms;
        int count = 0;
    };
    Figures measure(int articles);
    // Full-text search for the top 100 (hits), and the main window opened
    // on the project with its library sorted and painted (rows).
    Timed timeSearch(ProjectSession &store) const;
    Timed timeLibrary(const QString &location) const;
    void addRow(const QString &name, const QString &unit, double target,
                const QList<double> &samples, const QString &note);
    QString build(int articles);
    // The library and search of the project at `path` copied to the
    // server (or the copy a previous run left there).
    void measureServer(int articles, const QString &path);
    // The project of that size a previous --reuse run left, or "".
    QString reuse(int articles);

    BenchContext &m_context;
    const SentencePool &m_pool;
    QList<int> m_sizes;
    qint64 m_firstArticle = 0;
};
