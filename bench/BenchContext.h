#pragma once

#include "BenchReport.h"

#include <QList>
#include <QString>

// The size of the synthetic corpus.
struct CorpusSpec
{
    int articles = 20000;
    qsizetype articleBytes = 4 * 1024;
    qsizetype bigArticleBytes = 1024 * 1024;
    int codes = 30;
    int coders = 3;
    int annotations = 200000; // in all, including the two below
    int heavyArticleAnnotations = 2000; // on one ordinary article
    int bigArticleAnnotations = 10000; // on the big article

    static CorpusSpec full() { return {}; }
    static CorpusSpec quick()
    {
        CorpusSpec s;
        s.articles = 200;
        s.bigArticleBytes = 50 * 1024;
        s.annotations = 2000;
        s.heavyArticleAnnotations = 200;
        s.bigArticleAnnotations = 500;
        return s;
    }
};

// What one run shares between its stages: where things are, what was
// built, how often to repeat, and the report being filled.
struct BenchContext
{
    CorpusSpec spec;
    quint64 seed = 20190104;
    QString sourceDir; // the Framewise source tree (samples, tests/data)
    QString sharedDir; // ../shared beside it (Wikinews CSV), may be missing
    QString workDir;
    bool reuse = false; // keep scale projects in workDir across runs
    QString scaleServer; // PostgreSQL URL the scale project is measured on too
    int repeat = 3; // runs of the slow measurements (import, baseline, memory)

    QString corpusDir; // the ordinary articles, one .txt each
    QStringList corpusFiles;
    QString bigArticleFile;
    QString projectPath; // the project the later stages use

    qint64 heavyArticleId = 0; // the ordinary article with many annotations
    qint64 bigArticleId = 0;
    QList<qint64> articleIds; // ordinary articles, in import order
    QList<qint64> codeIds;
    QStringList coderNames;

    BenchReport report;

    // Runs of the measurements that take milliseconds.
    int fastRuns() const { return 10 * repeat; }
    // Runs of the GUI measurements (each builds a window).
    int guiRuns() const { return 2 * repeat + 1; }
};
