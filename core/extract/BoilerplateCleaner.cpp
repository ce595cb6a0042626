#include "BoilerplateCleaner.h"

#include "ElementHints.h"
#include "html/HtmlDocument.h"

#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

BoilerplateCleaner::BoilerplateCleaner(QSet<const GumboNode *> &removed, TextStats &stats,
                                       const QHash<const GumboNode *, double> &scores,
                                       bool weightClasses, const QString &siteDomain)
    : m_removed(removed)
    , m_stats(stats)
    , m_scores(scores)
    , m_weightClasses(weightClasses)
    , m_siteDomain(siteDomain)
{
}

void BoilerplateCleaner::cleanConditionally(const GumboNode *root)
{
    // Innermost first, so a container is judged without the junk inside it.
    QList<const GumboNode *> nodes;
    QList<const GumboNode *> stack {root};
    while (!stack.isEmpty()) {
        const GumboNode *n = stack.takeLast();
        if (m_removed.contains(n) || !HtmlDocument::isElement(n))
            continue;
        const GumboTag t = HtmlDocument::tag(n);
        if (n != root
            && (t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIELDSET || t == GUMBO_TAG_TABLE
                || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DIV
                || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_ASIDE
                || t == GUMBO_TAG_FIGURE))
            nodes.append(n);
        for (const GumboNode *c : HtmlDocument::children(n))
            stack.append(c);
    }
    std::reverse(nodes.begin(), nodes.end());
    for (const GumboNode *n : std::as_const(nodes)) {
        const GumboTag t = HtmlDocument::tag(n);
        const bool isList = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
        const int weight = m_weightClasses ? ElementHints::classWeight(n) : 0;
        bool remove = weight + (m_scores.contains(n) ? m_scores.value(n) : 0) < 0;
        const TextStats::Counts s = m_stats.of(n);
        if (!remove && s.commas < 10) {
            int p = 0, img = 0, li = -100, input = 0, embeds = 0, headingText = 0;
            QList<const GumboNode *> st {n};
            while (!st.isEmpty()) {
                const GumboNode *d = st.takeLast();
                if (!HtmlDocument::isElement(d) || m_removed.contains(d))
                    continue;
                switch (HtmlDocument::tag(d)) {
                case GUMBO_TAG_P:
                    ++p;
                    break;
                case GUMBO_TAG_IMG:
                    ++img;
                    break;
                case GUMBO_TAG_LI:
                    ++li;
                    break;
                case GUMBO_TAG_INPUT:
                    ++input;
                    break;
                case GUMBO_TAG_VIDEO:
                case GUMBO_TAG_AUDIO:
                    ++embeds;
                    break;
                case GUMBO_TAG_H1:
                case GUMBO_TAG_H2:
                case GUMBO_TAG_H3:
                case GUMBO_TAG_H4:
                case GUMBO_TAG_H5:
                case GUMBO_TAG_H6:
                    headingText += m_stats.of(d).text;
                    break;
                default:
                    break;
                }
                for (const GumboNode *c : HtmlDocument::children(d))
                    st.append(c);
            }
            const double ld = m_stats.linkDensity(n);
            const int len = s.text;
            const double headingDensity = len > 0 ? double(headingText) / len : 0;
            const bool inFigure = ElementHints::hasAncestor(n, GUMBO_TAG_FIGURE);
            remove = (img > 1 && double(p) / img < 0.5 && !inFigure) || (!isList && li > p)
                || (input > p / 3)
                || (!isList && headingDensity < 0.9 && len < 25 && (img == 0 || img > 2)
                    && !inFigure)
                || (!isList && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5)
                || (isList && ld > 0.4 && linksAreInternal(n)) // "more stories" lists
                || (embeds == 1 && len < 75) || embeds > 1;
        }
        if (remove && ElementHints::containsQuote(n) && s.text < 1500)
            remove = false; // an embedded post, not a link farm
        if (remove)
            removeWithLabel(n, true);
    }
}

void BoilerplateCleaner::removeJunk(const GumboNode *root)
{
    QList<const GumboNode *> stack {root};
    while (!stack.isEmpty()) {
        const GumboNode *n = stack.takeLast();
        if (m_removed.contains(n) || !HtmlDocument::isElement(n))
            continue;
        const GumboTag t = HtmlDocument::tag(n);
        if (t == GUMBO_TAG_BLOCKQUOTE)
            continue; // quoted posts keep their links and labels
        const bool heading = t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
        // Headings and short blocks whose class says share/promo/related are chrome.
        if (n != root && m_weightClasses && ElementHints::classWeight(n) < 0
            && !ElementHints::containsQuote(n)) {
            if (heading || m_stats.of(n).text < 500) {
                removeWithLabel(n, !heading);
                continue;
            }
        }
        // The title, dateline and captions are not part of the body text.
        if (n != root
            && (t == GUMBO_TAG_H1 || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE
                || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FIGCAPTION)) {
            removeWithLabel(n, false);
            continue;
        }
        // A date outside a paragraph is a dateline ("Updated 6:55 AM").
        if (t == GUMBO_TAG_TIME && !isProse(blockAncestor(n))) {
            m_removed.insert(n);
            m_stats.invalidate();
            continue;
        }
        // A link standing alone between blocks is a teaser ("Also on ...").
        if (t == GUMBO_TAG_A && n != root && !isProse(blockAncestor(n)) && m_stats.of(n).text >= 20
            && standsAlone(n) && linksAreInternal(n)) {
            removeWithLabel(n, true);
            continue;
        }
        // A paragraph or item that is (almost) only a link points elsewhere:
        // "related" teasers, "read more", tag lists.
        const bool leafText = t == GUMBO_TAG_P || t == GUMBO_TAG_LI || heading
            || (t == GUMBO_TAG_DIV && !m_stats.hasBlockDescendant(n));
        if (n != root && leafText && m_stats.of(n).text > 0 && m_stats.linkDensity(n) > 0.6
            && linksAreInternal(n)) {
            removeWithLabel(n, true);
            continue;
        }
        const QList<const GumboNode *> kids = HtmlDocument::children(n);
        for (auto it = kids.crbegin(); it != kids.crend(); ++it)
            stack.append(*it);
    }
}

const GumboNode *BoilerplateCleaner::blockAncestor(const GumboNode *node)
{
    const GumboNode *a = node->parent;
    while (a && HtmlDocument::isElement(a) && !ElementHints::isBlock(a))
        a = a->parent;
    return a;
}

bool BoilerplateCleaner::isProse(const GumboNode *block)
{
    switch (HtmlDocument::tag(block)) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_PRE:
        return true;
    default:
        return false;
    }
}

// True if the inline element has no inline text around it, up to its block.
bool BoilerplateCleaner::standsAlone(const GumboNode *node) const
{
    for (const GumboNode *n = node; n->parent && HtmlDocument::isElement(n->parent);
         n = n->parent) {
        for (const GumboNode *s : HtmlDocument::children(n->parent)) {
            if (s == n || m_removed.contains(s))
                continue;
            if (s->type == GUMBO_NODE_TEXT)
                return false;
            if (HtmlDocument::isElement(s) && !ElementHints::isBlock(s)
                && !HtmlDocument::text(s).isEmpty())
                return false;
        }
        if (ElementHints::isBlock(n->parent))
            break;
    }
    return true;
}

// Teasers link to the site's own pages; links to other sites in a block of
// their own are usually the article's sources or calls to action.
bool BoilerplateCleaner::linksAreInternal(const GumboNode *node) const
{
    const QList<const GumboNode *> links = HtmlDocument::elementsByTag(node, GUMBO_TAG_A);
    for (const GumboNode *a : links) {
        const QUrl url(HtmlDocument::attribute(a, "href").trimmed());
        if (url.scheme().startsWith("http"_L1) && !url.host().isEmpty()
            && ElementHints::siteDomain(url.host()) != m_siteDomain)
            return false;
    }
    return !links.isEmpty();
}

// Removes a block and, with withLabel, the short label just before it
// ("Related articles", "You may also like...", "Sharing is caring!"): a
// label introduces the widget and means nothing without it.
void BoilerplateCleaner::removeWithLabel(const GumboNode *node, bool withLabel, int depth)
{
    m_removed.insert(node);
    m_stats.invalidate();
    if (!withLabel || !node->parent || depth > 1)
        return;
    const QList<const GumboNode *> siblings = HtmlDocument::children(node->parent);
    const qsizetype index = siblings.indexOf(node);
    for (qsizetype i = index - 1; i >= 0; --i) {
        const GumboNode *prev = siblings[i];
        if (!HtmlDocument::isElement(prev)) {
            const bool blank = prev->type == GUMBO_NODE_WHITESPACE
                || prev->type == GUMBO_NODE_COMMENT
                || (prev->type == GUMBO_NODE_TEXT
                    && HtmlDocument::collapseWhitespace(QString::fromUtf8(prev->v.text.text))
                           .isEmpty());
            if (!blank)
                return;
            continue;
        }
        if (m_removed.contains(prev))
            continue;
        const QString text = HtmlDocument::text(prev);
        if (text.isEmpty())
            continue;
        const GumboTag t = HtmlDocument::tag(prev);
        const bool introduces
            = text.endsWith(u':') || text.endsWith("..."_L1) || text.endsWith(QChar(0x2026));
        const bool shortLine = text.size() < 40 && !text.endsWith(u'.')
            && !text.endsWith(QChar(0x3002))
            && (t == GUMBO_TAG_P || t == GUMBO_TAG_SPAN || t == GUMBO_TAG_STRONG
                || (t == GUMBO_TAG_DIV && !m_stats.hasBlockDescendant(prev)));
        if ((introduces && text.size() < 80) || shortLine)
            removeWithLabel(prev, true, depth + 1);
        return;
    }
}
