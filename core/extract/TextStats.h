#pragma once

#include <QHash>
#include <QSet>
#include <gumbo.h>

// Text statistics of DOM subtrees (visible characters, characters inside
// links, commas), leaving out removed nodes. Cached: call invalidate()
// after removing nodes.
class TextStats
{
public:
    struct Counts
    {
        int text = 0; // characters of visible text, whitespace collapsed
        int links = 0; // characters of that text inside <a>
        int commas = 0;
    };

    explicit TextStats(const QSet<const GumboNode *> &removed);

    Counts of(const GumboNode *node);
    double linkDensity(const GumboNode *node);
    // True if some descendant (not removed) starts a block of text.
    bool hasBlockDescendant(const GumboNode *node);
    void invalidate();

private:
    const QSet<const GumboNode *> &m_removed;
    QHash<const GumboNode *, Counts> m_counts;
    QHash<const GumboNode *, bool> m_hasBlock;
};
