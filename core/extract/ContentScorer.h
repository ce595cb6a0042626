#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <gumbo.h>

// Finds the article body in a page's DOM with readability-style scoring.
//
// Every paragraph-like block with some text gives points (one, plus one per
// comma, plus one per 100 characters up to three) to its parent, half to its
// grandparent and less to further ancestors. Ancestors start from a bonus or
// penalty for their tag, class/id words ("article", "content", "story" vs.
// "comment", "sidebar", "share", ...) and semantic markers (<article>,
// <main>, itemprop=articleBody). The best-scoring container, after scaling
// by (1 - link density), wins; related siblings that also score well (the
// rest of a split article) are merged in. Boilerplate inside the winner
// (share bars, link lists, forms, ads) is then removed by its statistics.
class ContentScorer
{
public:
    struct Options
    {
        bool stripUnlikely = true; // drop blocks whose class/id says "not content"
        bool weightClasses = true; // class/id words change the score
        bool cleanConditionally = true; // statistical cleanup inside the winner
        QString siteDomain; // e.g. "example.co.uk", to tell teaser links from sources
    };

    ContentScorer(const GumboNode *body, Options options);

    // The winning container and merged siblings, in document order.
    QList<const GumboNode *> content() const { return m_content; }
    // Nodes inside content() that must not be output.
    const QSet<const GumboNode *> &removed() const { return m_removed; }


private:
    struct Stats
    {
        int text = 0; // characters of visible text, whitespace collapsed
        int links = 0; // characters of that text inside <a>
        int commas = 0;
    };

    void markRemoved(const GumboNode *node);
    void collectParagraphs(const GumboNode *node, QList<QPair<const GumboNode *, Stats>> &paragraphs);
    bool hasBlockDescendant(const GumboNode *node) const;
    void scoreParagraphs();
    const GumboNode *pickTopCandidate();
    void mergeSiblings(const GumboNode *top);
    void cleanConditionally(const GumboNode *root);
    void removeEmptyAndJunk(const GumboNode *root);
    static const GumboNode *blockAncestor(const GumboNode *node);
    static bool isProse(const GumboNode *block);
    bool standsAlone(const GumboNode *node) const;
    bool linksAreInternal(const GumboNode *node) const;
    void removeWithLabel(const GumboNode *node, bool withLabel, int depth = 0);
    Stats stats(const GumboNode *node);
    double linkDensity(const GumboNode *node);
    double initialScore(const GumboNode *node) const;
    double &score(const GumboNode *node);

    const GumboNode *m_body;
    Options m_options;
    QSet<const GumboNode *> m_removed;
    QHash<const GumboNode *, double> m_scores;
    QHash<const GumboNode *, Stats> m_stats;
    QHash<const GumboNode *, bool> m_hasBlock;
    QList<const GumboNode *> m_content;
};
