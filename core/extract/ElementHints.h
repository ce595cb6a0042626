#pragma once

#include <QString>
#include <gumbo.h>

// What an element's tag, class, id, role and attributes say about whether
// it holds article text. These are general vocabulary rules (the words
// publishers' templates use), never rules for particular sites.
class ElementHints
{
public:
    // Class/id weight in [-50, 50]: -25 per attribute with a boilerplate
    // word (comment, share, sidebar, promo, ...), +25 per attribute with a
    // content word (article, content, entry, post, story, body, text, ...).
    static int classWeight(const GumboNode *node);
    // Scripts, styles, forms controls, navigation: never article text.
    static bool isNeverContent(const GumboNode *node);
    // Boilerplate by class/id/role (unless the name also says "content" or
    // the element holds an embedded post), <aside> and <footer>.
    static bool isUnlikelyCandidate(const GumboNode *node);
    // hidden, aria-hidden="true" or an inline display:none/visibility:hidden.
    static bool isProbablyHidden(const GumboNode *node);
    // Elements that start a new block of text.
    static bool isBlock(const GumboNode *node);
    // <article>, <main> or itemprop=articleBody.
    static bool isContentMarker(const GumboNode *node);
    static bool hasAncestor(const GumboNode *node, GumboTag tag, int depth = 3);
    // Embedded posts (tweets and the like) are quotations the article makes;
    // their wrappers often carry "social"/"widget" classes.
    static bool containsQuote(const GumboNode *node, int depth = 0);
    // The registrable part of a host name, roughly ("news.example.com" -> "example.com").
    static QString siteDomain(const QString &host);
};
