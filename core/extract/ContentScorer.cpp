#include "ContentScorer.h"

#include "BoilerplateCleaner.h"
#include "ElementHints.h"
#include "html/HtmlDocument.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

ContentScorer::ContentScorer(const GumboNode *body, Options options)
    : m_body(body)
    , m_options(options)
    , m_stats(m_removed)
    , m_cleaner(m_removed, m_stats, m_scores, options.weightClasses, options.siteDomain)
{
    if (!m_body)
        return;
    markRemoved(m_body);
    scoreParagraphs();
    const GumboNode *top = pickTopCandidate();
    mergeSiblings(top);
    m_stats.invalidate();
    for (const GumboNode *n : std::as_const(m_content)) {
        if (m_options.cleanConditionally)
            m_cleaner.cleanConditionally(n);
        m_cleaner.removeJunk(n);
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
            m_cleaner.removeWithLabel(c, true);
            continue;
        }
        markRemoved(c);
    }
}

// Paragraphs: <p>/<pre>, block containers without block children (a <div>
// used as a paragraph), and runs of inline content directly inside a block
// that also has block children. A paragraph's points go to its parent
// element; a run's points go to the containing block itself.
void ContentScorer::collectParagraphs(
    const GumboNode *node, QList<QPair<const GumboNode *, TextStats::Counts>> &paragraphs)
{
    TextStats::Counts run;
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
        if (HtmlDocument::isElement(c)
            && (ElementHints::isBlock(c) || m_stats.hasBlockDescendant(c))) {
            flush();
            const GumboTag t = HtmlDocument::tag(c);
            if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || !m_stats.hasBlockDescendant(c)) {
                const TextStats::Counts s = m_stats.of(c);
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
            const TextStats::Counts s = m_stats.of(c);
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
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
        s = 5;
        break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
        s = 3;
        break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
        s = -3;
        break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
        s = -5;
        break;
    default:
        break;
    }
    if (m_options.weightClasses) {
        s += ElementHints::classWeight(node);
        // Semantic markup is a strong, general statement of intent.
        if (HtmlDocument::attribute(node, "itemprop")
                .contains("articleBody"_L1, Qt::CaseInsensitive))
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
    QList<QPair<const GumboNode *, TextStats::Counts>> paragraphs;
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
        *it *= 1.0 - m_stats.linkDensity(it.key());
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
    for (const GumboNode *p = top->parent; p && p != m_body && HtmlDocument::isElement(p);
         p = p->parent) {
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
                const TextStats::Counts st = m_stats.of(s);
                const double ld = m_stats.linkDensity(s);
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
