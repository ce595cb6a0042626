#pragma once

#include "TextStats.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <gumbo.h>

// Removes boilerplate inside the container ContentScorer chose: blocks whose
// statistics say "not prose" (link farms, image galleries, forms, embeds
// without text), chrome named by class (share bars, captions, bylines),
// the title and dateline, teaser links to the site's own pages, and the
// short labels that introduce a removed widget ("Related articles").
// Removal only marks nodes in the shared removed set.
class BoilerplateCleaner
{
public:
    BoilerplateCleaner(QSet<const GumboNode *> &removed, TextStats &stats,
                       const QHash<const GumboNode *, double> &scores, bool weightClasses,
                       const QString &siteDomain);

    // Readability-style statistical cleanup of forms, tables, lists, divs.
    void cleanConditionally(const GumboNode *root);
    // Class-named chrome, headers, captions, datelines and teaser links.
    void removeJunk(const GumboNode *root);
    // Removes a block and, with withLabel, the short label just before it.
    void removeWithLabel(const GumboNode *node, bool withLabel, int depth = 0);

private:
    static const GumboNode *blockAncestor(const GumboNode *node);
    static bool isProse(const GumboNode *block);
    bool standsAlone(const GumboNode *node) const;
    bool linksAreInternal(const GumboNode *node) const;

    QSet<const GumboNode *> &m_removed;
    TextStats &m_stats;
    const QHash<const GumboNode *, double> &m_scores;
    bool m_weightClasses;
    QString m_siteDomain;
};
