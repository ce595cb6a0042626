#pragma once

#include "BoilerplateCleaner.h"
#include "TextStats.h"

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
// (share bars, link lists, forms, ads) is then removed by BoilerplateCleaner.
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
    void markRemoved(const GumboNode *node);
    void collectParagraphs(const GumboNode *node,
                           QList<QPair<const GumboNode *, TextStats::Counts>> &paragraphs);
    void scoreParagraphs();
    const GumboNode *pickTopCandidate();
    void mergeSiblings(const GumboNode *top);
    double initialScore(const GumboNode *node) const;
    double &score(const GumboNode *node);

    const GumboNode *m_body;
    Options m_options;
    QSet<const GumboNode *> m_removed;
    QHash<const GumboNode *, double> m_scores;
    TextStats m_stats; // after m_removed, which it refers to
    BoilerplateCleaner m_cleaner;
    QList<const GumboNode *> m_content;
};
