#include "TextStats.h"

#include "ElementHints.h"
#include "html/HtmlDocument.h"

namespace {

int countCommas(const QString &s)
{
    int n = 0;
    for (QChar c : s)
        n += c == u',' || c == QChar(0xFF0C) || c == QChar(0x3001) || c == QChar(0x060C);
    return n;
}

} // namespace

TextStats::TextStats(const QSet<const GumboNode *> &removed)
    : m_removed(removed)
{
}

void TextStats::invalidate()
{
    m_counts.clear();
}

TextStats::Counts TextStats::of(const GumboNode *node)
{
    auto it = m_counts.constFind(node);
    if (it != m_counts.constEnd())
        return *it;
    Counts s;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        const QString t = HtmlDocument::collapseWhitespace(QString::fromUtf8(node->v.text.text));
        s.text = int(t.size()) + 1; // +1: the space that separates it from neighbours
        s.commas = countCommas(t);
    } else if (HtmlDocument::isElement(node) && !m_removed.contains(node)) {
        for (const GumboNode *c : HtmlDocument::children(node)) {
            const Counts cs = of(c);
            s.text += cs.text;
            s.links += cs.links;
            s.commas += cs.commas;
        }
        if (HtmlDocument::tag(node) == GUMBO_TAG_A)
            s.links = s.text;
    }
    m_counts.insert(node, s);
    return s;
}

double TextStats::linkDensity(const GumboNode *node)
{
    const Counts s = of(node);
    return s.text > 0 ? double(s.links) / s.text : 0.0;
}

bool TextStats::hasBlockDescendant(const GumboNode *node)
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
    m_hasBlock.insert(node, result);
    return result;
}
