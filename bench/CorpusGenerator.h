#pragma once

#include "Random.h"

#include <QStringList>

class SentencePool;

// Writes the synthetic corpus: news-like articles assembled from real
// sentences, deterministic for a given seed. Each article is a headline, a
// blank line and paragraphs of three to six sentences, the first opening
// with a dateline; now and then a sentence in curly quotes, emoji or CJK.
class CorpusGenerator
{
public:
    CorpusGenerator(const SentencePool &pool, quint64 seed);

    // One article of about targetBytes of UTF-8.
    QString article(qsizetype targetBytes);

    // Writes count articles as article-NNNNN.txt into folder (created if
    // missing) and returns their paths in name order. Throws
    // std::runtime_error if a file cannot be written.
    QStringList writeArticles(const QString &folder, int count, qsizetype bytesEach);
    QString writeArticle(const QString &path, qsizetype bytes);

private:
    QString paragraph(int sentences);
    QString dateline();

    const SentencePool &m_pool;
    Random m_random;
};
