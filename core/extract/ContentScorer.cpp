#include "ContentScorer.h"

#include "ElementHints.h"
#include "HtmlDocument.h"

#include <QRegularExpression>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

int countCommas(const QString &s)
{
    int n = 0;
    for (QChar c : s)
        n += c == u',' || c == QChar(0xFF0C) || c == QChar(0x3001) || c == QChar(0x060C);
    return n;
}

} // namespace

ContentScorer::ContentScorer(const GumboNode *body, Options options)
    : m_body(body)
    , m_options(options)
{
    if (!m_body)
        return;
    markRemoved(m_body);
    scoreParagraphs();
    const GumboNode *top = pickTopCandidate();
    mergeSiblings(top);
    m_stats.clear();
    for (const GumboNode *n : std::as_const(m_content)) {
        if (m_options.cleanConditionally)
            cleanConditionally(n);
        removeEmptyAndJunk(n);
    }
}

void ContentScorer::markRemoved(const GumboNode *node)
{
    for (const GumboNode *c : HtmlDocument::children(node)) {
        if (!HtmlDocument::isElement(c))
            continue;
        if (ElementHints::isNeverContent(c) || ElementHints::isProbablyHidden(c)) {
            m_removed.insert(c);
            continue;
        }
        if (m_options.stripUnlikely && ElementHints::isUnlikelyCandidate(c)) {
            removeWithLabel(c, true);
            continue;
        }
        markRemoved(c);
    }
}

ContentScorer::Stats ContentScorer::stats(const GumboNode *node)
{
    auto it = m_stats.constFind(node);
    if (it != m_stats.constEnd())
        return *it;
    Stats s;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        const QString t = HtmlDocument::collapseWhitespace(QString::fromUtf8(node->v.text.text));
        s.text = int(t.size()) + 1; // +1: the space that separates it from neighbours
        s.commas = countCommas(t);
    } else if (HtmlDocument::isElement(node) && !m_removed.contains(node)) {
        for (const GumboNode *c : HtmlDocument::children(node)) {
            const Stats cs = stats(c);
            s.text += cs.text;
            s.links += cs.links;
            s.commas += cs.commas;
        }
        if (HtmlDocument::tag(node) == GUMBO_TAG_A)
            s.links = s.text;
    }
    m_stats.insert(node, s);
    return s;
}

double ContentScorer::linkDensity(const GumboNode *node)
{
    const Stats s = stats(node);
    return s.text > 0 ? double(s.links) / s.text : 0.0;
}

bool ContentScorer::hasBlockDescendant(const GumboNode *node) const
{
    auto it = m_hasBlock.constFind(node);
    if (it != m_hasBlock.constEnd())
        return *it;
    bool result = false;
    for (const GumboNode *c : HtmlDocument::children(node)) {
        if (!HtmlDocument::isElement(c) || m_removed.contains(c))
            continue;
        if (ElementHints::isBlock(c) || hasBlockDescendant(c)) {
            result = true;
            break;
        }
    }
    const_cast<ContentScorer *>(this)->m_hasBlock.insert(node, result);
    return result;
}

// Paragraphs: <p>/<pre>, block containers without block children (a <div>
// used as a paragraph), and runs of inline content directly inside a block
// that also has block children. A run is keyed by its first node; its
// "parent" for scoring is the containing block.
void ContentScorer::collectParagraphs(const GumboNode *node,
                                      QList<QPair<const GumboNode *, Stats>> &paragraphs)
{
    Stats run;
    const GumboNode *runStart = nullptr;
    auto flush = [&]() {
        if (runStart && run.text >= 25)
            paragraphs.append({node, run}); // the container itself receives the run's points
        run = {};
        runStart = nullptr;
    };
    for (const GumboNode *c : HtmlDocument::children(node)) {
        if (m_removed.contains(c))
            continue;
        if (HtmlDocument::isElement(c) && (ElementHints::isBlock(c) || hasBlockDescendant(c))) {
            flush();
            const GumboTag t = HtmlDocument::tag(c);
            if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || !hasBlockDescendant(c)) {
                const Stats s = stats(c);
                const bool scorable = t != GUMBO_TAG_LI && t != GUMBO_TAG_H1 && t != GUMBO_TAG_TR
                    && t != GUMBO_TAG_DT && t != GUMBO_TAG_FIGCAPTION;
                if (scorable && s.text >= 25 && c->parent)
                    paragraphs.append({c->parent, s});
            } else {
                collectParagraphs(c, paragraphs);
            }
        } else {
            if (!runStart)
                runStart = c;
            const Stats s = stats(c);
            run.text += s.text;
            run.links += s.links;
            run.commas += s.commas;
        }
    }
    flush();
}

double ContentScorer::initialScore(const GumboNode *node) const
{
    double s = 0;
    switch (HtmlDocument::tag(node)) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
        s = 5;
        break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
        s = 3;
        break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
        s = -3;
        break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
        s = -5;
        break;
    default:
        break;
    }
    if (m_options.weightClasses) {
        s += ElementHints::classWeight(node);
        // Semantic markup is a strong, general statement of intent.
        if (HtmlDocument::attribute(node, "itemprop").contains("articleBody"_L1, Qt::CaseInsensitive))
            s += 30;
        if (HtmlDocument::tag(node) == GUMBO_TAG_ARTICLE)
            s += 10;
    }
    return s;
}

double &ContentScorer::score(const GumboNode *node)
{
    auto it = m_scores.find(node);
    if (it == m_scores.end())
        it = m_scores.insert(node, initialScore(node));
    return *it;
}

void ContentScorer::scoreParagraphs()
{
    QList<QPair<const GumboNode *, Stats>> paragraphs;
    collectParagraphs(m_body, paragraphs);
    for (const auto &[parent, s] : std::as_const(paragraphs)) {
        const double points = 1 + s.commas + std::min(s.text / 100, 3);
        int level = 0;
        for (const GumboNode *a = parent; a && HtmlDocument::isElement(a) && level < 5;
             a = a->parent, ++level) {
            if (HtmlDocument::tag(a) == GUMBO_TAG_HTML)
                break;
            const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            score(a) += points / divider;
        }
    }
    for (auto it = m_scores.begin(); it != m_scores.end(); ++it)
        *it *= 1.0 - linkDensity(it.key());
}

const GumboNode *ContentScorer::pickTopCandidate()
{
    QList<const GumboNode *> ranked = m_scores.keys();
    std::sort(ranked.begin(), ranked.end(), [this](const GumboNode *a, const GumboNode *b) {
        return m_scores.value(a) > m_scores.value(b);
    });
    if (ranked.isEmpty())
        return m_body;
    const GumboNode *top = ranked.first();
    const double topScore = m_scores.value(top);

    // Several near-equal candidates under one ancestor: the article is split
    // into sections, take the ancestor that holds them all.
    QList<QList<const GumboNode *>> alternatives;
    for (int i = 1; i < std::min<qsizetype>(ranked.size(), 5); ++i) {
        if (m_scores.value(ranked[i]) / topScore < 0.75)
            continue;
        QList<const GumboNode *> chain;
        for (const GumboNode *a = ranked[i]->parent; a; a = a->parent)
            chain.append(a);
        alternatives.append(chain);
    }
    if (alternatives.size() >= 3) {
        for (const GumboNode *p = top->parent; p && p != m_body; p = p->parent) {
            int contains = 0;
            for (const auto &chain : std::as_const(alternatives))
                contains += chain.contains(p);
            if (contains >= 3) {
                top = p;
                break;
            }
        }
    }

    // A parent that scores better than its best child is the real container.
    double lastScore = m_scores.value(top);
    const double threshold = lastScore / 3;
    for (const GumboNode *p = top->parent; p && p != m_body && HtmlDocument::isElement(p); p = p->parent) {
        if (!m_scores.contains(p))
            continue;
        const double ps = m_scores.value(p);
        if (ps < threshold)
            break;
        if (ps > lastScore) {
            top = p;
            break;
        }
        lastScore = ps;
    }
    // Wrappers with one element child add nothing.
    while (top->parent && top->parent != m_body && HtmlDocument::isElement(top->parent)) {
        int elements = 0;
        for (const GumboNode *c : HtmlDocument::children(top->parent))
            elements += HtmlDocument::isElement(c) && !m_removed.contains(c);
        if (elements != 1)
            break;
        top = top->parent;
    }
    return top;
}

void ContentScorer::mergeSiblings(const GumboNode *top)
{
    const GumboNode *parent = top->parent;
    if (!parent || top == m_body || !HtmlDocument::isElement(parent)) {
        m_content = {top};
        return;
    }
    const double topScore = m_scores.value(top);
    const double threshold = std::max(10.0, topScore * 0.2);
    const QString topClass = HtmlDocument::attribute(top, "class");
    for (const GumboNode *s : HtmlDocument::children(parent)) {
        if (!HtmlDocument::isElement(s) || m_removed.contains(s))
            continue;
        bool append = s == top;
        if (!append) {
            double bonus = 0;
            if (!topClass.isEmpty() && HtmlDocument::attribute(s, "class") == topClass)
                bonus = topScore * 0.2;
            if (m_scores.contains(s) && m_scores.value(s) + bonus >= threshold) {
                append = true;
            } else if (HtmlDocument::tag(s) == GUMBO_TAG_P) {
                const Stats st = stats(s);
                const double ld = linkDensity(s);
                const QString text = HtmlDocument::text(s);
                if (st.text > 80 && ld < 0.25)
                    append = true;
                else if (st.text < 80 && st.text > 0 && ld == 0
                         && QRegularExpression(u"\\.( |$)"_s).match(text).hasMatch())
                    append = true;
            }
        }
        if (append)
            m_content.append(s);
    }
}

void ContentScorer::cleanConditionally(const GumboNode *root)
{
    // Innermost first, so a container is judged without the junk inside it.
    QList<const GumboNode *> nodes;
    QList<const GumboNode *> stack{root};
    while (!stack.isEmpty()) {
        const GumboNode *n = stack.takeLast();
        if (m_removed.contains(n) || !HtmlDocument::isElement(n))
            continue;
        const GumboTag t = HtmlDocument::tag(n);
        if (n != root && (t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIELDSET || t == GUMBO_TAG_TABLE
                          || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DIV
                          || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_HEADER
                          || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FIGURE))
            nodes.append(n);
        for (const GumboNode *c : HtmlDocument::children(n))
            stack.append(c);
    }
    std::reverse(nodes.begin(), nodes.end());
    for (const GumboNode *n : std::as_const(nodes)) {
        const GumboTag t = HtmlDocument::tag(n);
        const bool isList = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
        const int weight = m_options.weightClasses ? ElementHints::classWeight(n) : 0;
        bool remove = weight + (m_scores.contains(n) ? m_scores.value(n) : 0) < 0;
        const Stats s = stats(n);
        if (!remove && s.commas < 10) {
            int p = 0, img = 0, li = -100, input = 0, embeds = 0, headingText = 0;
            QList<const GumboNode *> st{n};
            while (!st.isEmpty()) {
                const GumboNode *d = st.takeLast();
                if (!HtmlDocument::isElement(d) || m_removed.contains(d))
                    continue;
                switch (HtmlDocument::tag(d)) {
                case GUMBO_TAG_P: ++p; break;
                case GUMBO_TAG_IMG: ++img; break;
                case GUMBO_TAG_LI: ++li; break;
                case GUMBO_TAG_INPUT: ++input; break;
                case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: ++embeds; break;
                case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
                case GUMBO_TAG_H5: case GUMBO_TAG_H6:
                    headingText += stats(d).text;
                    break;
                default: break;
                }
                for (const GumboNode *c : HtmlDocument::children(d))
                    st.append(c);
            }
            const double ld = linkDensity(n);
            const int len = s.text;
            const double headingDensity = len > 0 ? double(headingText) / len : 0;
            const bool inFigure = ElementHints::hasAncestor(n, GUMBO_TAG_FIGURE);
            remove = (img > 1 && double(p) / img < 0.5 && !inFigure)
                || (!isList && li > p)
                || (input > p / 3)
                || (!isList && headingDensity < 0.9 && len < 25 && (img == 0 || img > 2) && !inFigure)
                || (!isList && weight < 25 && ld > 0.2)
                || (weight >= 25 && ld > 0.5)
                || (isList && ld > 0.4 && linksAreInternal(n)) // "more stories" lists
                || (embeds == 1 && len < 75) || embeds > 1;
        }
        if (remove && ElementHints::containsQuote(n) && s.text < 1500)
            remove = false; // an embedded post, not a link farm
        if (remove)
            removeWithLabel(n, true);
    }
}

void ContentScorer::removeEmptyAndJunk(const GumboNode *root)
{
    QList<const GumboNode *> stack{root};
    while (!stack.isEmpty()) {
        const GumboNode *n = stack.takeLast();
        if (m_removed.contains(n) || !HtmlDocument::isElement(n))
            continue;
        const GumboTag t = HtmlDocument::tag(n);
        if (t == GUMBO_TAG_BLOCKQUOTE)
            continue; // quoted posts keep their links and labels
        const bool heading = t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
        // Headings and short blocks whose class says share/promo/related are chrome.
        if (n != root && m_options.weightClasses && ElementHints::classWeight(n) < 0 && !ElementHints::containsQuote(n)) {
            if (heading || stats(n).text < 500) {
                removeWithLabel(n, !heading);
                continue;
            }
        }
        // The title, dateline and captions are not part of the body text.
        if (n != root && (t == GUMBO_TAG_H1 || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE
                          || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FIGCAPTION)) {
            removeWithLabel(n, false);
            continue;
        }
        // A date outside a paragraph is a dateline ("Updated 6:55 AM").
        if (t == GUMBO_TAG_TIME && !isProse(blockAncestor(n))) {
            m_removed.insert(n);
            m_stats.clear();
            continue;
        }
        // A link standing alone between blocks is a teaser ("Also on ...").
        if (t == GUMBO_TAG_A && n != root && !isProse(blockAncestor(n)) && stats(n).text >= 20
            && standsAlone(n) && linksAreInternal(n)) {
            removeWithLabel(n, true);
            continue;
        }
        // A paragraph or item that is (almost) only a link points elsewhere:
        // "related" teasers, "read more", tag lists.
        const bool leafText = t == GUMBO_TAG_P || t == GUMBO_TAG_LI || heading
            || (t == GUMBO_TAG_DIV && !hasBlockDescendant(n));
        if (n != root && leafText && stats(n).text > 0 && linkDensity(n) > 0.6
            && linksAreInternal(n)) {
            removeWithLabel(n, true);
            continue;
        }
        const QList<const GumboNode *> kids = HtmlDocument::children(n);
        for (auto it = kids.crbegin(); it != kids.crend(); ++it)
            stack.append(*it);
    }
}

const GumboNode *ContentScorer::blockAncestor(const GumboNode *node)
{
    const GumboNode *a = node->parent;
    while (a && HtmlDocument::isElement(a) && !ElementHints::isBlock(a))
        a = a->parent;
    return a;
}

bool ContentScorer::isProse(const GumboNode *block)
{
    switch (HtmlDocument::tag(block)) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TD:
    case GUMBO_TAG_DD: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_PRE:
        return true;
    default:
        return false;
    }
}

// True if the inline element has no inline text around it, up to its block.
bool ContentScorer::standsAlone(const GumboNode *node) const
{
    for (const GumboNode *n = node; n->parent && HtmlDocument::isElement(n->parent); n = n->parent) {
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
bool ContentScorer::linksAreInternal(const GumboNode *node) const
{
    const QList<const GumboNode *> links = HtmlDocument::elementsByTag(node, GUMBO_TAG_A);
    for (const GumboNode *a : links) {
        const QUrl url(HtmlDocument::attribute(a, "href").trimmed());
        if (url.scheme().startsWith("http"_L1) && !url.host().isEmpty()
            && ElementHints::siteDomain(url.host()) != m_options.siteDomain)
            return false;
    }
    return !links.isEmpty();
}

// Removes a block and, with withLabel, the short label just before it
// ("Related articles", "You may also like...", "Sharing is caring!"): a
// label introduces the widget and means nothing without it.
void ContentScorer::removeWithLabel(const GumboNode *node, bool withLabel, int depth)
{
    m_removed.insert(node);
    m_stats.clear();
    if (!withLabel || !node->parent || depth > 1)
        return;
    const QList<const GumboNode *> siblings = HtmlDocument::children(node->parent);
    const qsizetype index = siblings.indexOf(node);
    for (qsizetype i = index - 1; i >= 0; --i) {
        const GumboNode *prev = siblings[i];
        if (!HtmlDocument::isElement(prev)) {
            const bool blank = prev->type == GUMBO_NODE_WHITESPACE || prev->type == GUMBO_NODE_COMMENT
                || (prev->type == GUMBO_NODE_TEXT
                    && HtmlDocument::collapseWhitespace(QString::fromUtf8(prev->v.text.text)).isEmpty());
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
        const bool introduces = text.endsWith(u':') || text.endsWith("..."_L1)
            || text.endsWith(QChar(0x2026));
        const bool shortLine = text.size() < 40 && !text.endsWith(u'.') && !text.endsWith(QChar(0x3002))
            && (t == GUMBO_TAG_P || t == GUMBO_TAG_SPAN || t == GUMBO_TAG_STRONG
                || (t == GUMBO_TAG_DIV && !hasBlockDescendant(prev)));
        if ((introduces && text.size() < 80) || shortLine)
            removeWithLabel(prev, true, depth + 1);
        return;
    }
}
