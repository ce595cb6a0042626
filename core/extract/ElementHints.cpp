#include "ElementHints.h"

#include "html/HtmlDocument.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Class/id words. Substrings for long words, whole tokens for short ones
// ("ad" must not match "header", "nav" must not match "canvas").
const QRegularExpression &unlikelyRe()
{
    static const QRegularExpression re(
        u"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|"
        "gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|"
        "sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|"
        "subscribe|cookie|consent|paywall|promo|recommend|trending|most-?read|most-?popular|"
        "outbrain|taboola|tooltip|rollover|hovercard|\\b(ads?|nav|advert|advertisement|share|sharing)\\b"_s);
    return re;
}

const QRegularExpression &maybeCandidateRe()
{
    static const QRegularExpression re(
        u"and|article|body|column|content|main|mathjax|shadow|story"_s);
    return re;
}

const QRegularExpression &positiveRe()
{
    static const QRegularExpression re(
        u"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story"_s);
    return re;
}

const QRegularExpression &negativeRe()
{
    static const QRegularExpression re(
        u"-ad-|hidden|\\bhid\\b|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|"
        "meta|outbrain|taboola|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
        "shopping|tags|widget|newsletter|subscribe|signup|cookie|social|recommend|byline|"
        "caption|credit|toolbar|breadcrumb|author|dateline|timestamp|\\bdates?\\b|"
        "\\b(ads?|nav|advert|advertisement)\\b"_s);
    return re;
}

QString classAndId(const GumboNode *node)
{
    return (HtmlDocument::attribute(node, "class") + u' ' + HtmlDocument::attribute(node, "id"))
        .toLower();
}

bool isUnlikelyRole(const QString &role)
{
    static const QStringList roles {u"menu"_s,       u"menubar"_s, u"complementary"_s,
                                    u"navigation"_s, u"alert"_s,   u"alertdialog"_s,
                                    u"dialog"_s};
    return roles.contains(role);
}

} // namespace

bool ElementHints::isContentMarker(const GumboNode *node)
{
    const GumboTag t = HtmlDocument::tag(node);
    return t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN
        || HtmlDocument::attribute(node, "itemprop")
               .contains("articleBody"_L1, Qt::CaseInsensitive);
}

bool ElementHints::hasAncestor(const GumboNode *node, GumboTag tag, int depth)
{
    for (const GumboNode *p = node->parent; p && depth-- > 0; p = p->parent)
        if (HtmlDocument::tag(p) == tag)
            return true;
    return false;
}

bool ElementHints::containsQuote(const GumboNode *node, int depth)
{
    if (depth > 4)
        return false;
    for (const GumboNode *c : HtmlDocument::children(node)) {
        if (HtmlDocument::tag(c) == GUMBO_TAG_BLOCKQUOTE || containsQuote(c, depth + 1))
            return true;
    }
    return false;
}

bool ElementHints::isNeverContent(const GumboNode *node)
{
    switch (HtmlDocument::tag(node)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
        return true;
    default:
        return false;
    }
}

bool ElementHints::isUnlikelyCandidate(const GumboNode *node)
{
    const GumboTag t = HtmlDocument::tag(node);
    if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER
        || isUnlikelyRole(HtmlDocument::attribute(node, "role")))
        return true;
    const QString ci = classAndId(node);
    return unlikelyRe().match(ci).hasMatch() && !maybeCandidateRe().match(ci).hasMatch()
        && t != GUMBO_TAG_BODY && t != GUMBO_TAG_A && !isContentMarker(node)
        && !hasAncestor(node, GUMBO_TAG_TABLE) && !hasAncestor(node, GUMBO_TAG_CODE)
        && !containsQuote(node);
}

int ElementHints::classWeight(const GumboNode *node)
{
    int weight = 0;
    for (const char *attr : {"class", "id"}) {
        const QString v = HtmlDocument::attribute(node, attr).toLower();
        if (v.isEmpty())
            continue;
        if (negativeRe().match(v).hasMatch())
            weight -= 25;
        if (positiveRe().match(v).hasMatch())
            weight += 25;
    }
    return weight;
}

bool ElementHints::isProbablyHidden(const GumboNode *node)
{
    if (HtmlDocument::hasAttribute(node, "hidden"))
        return true;
    if (HtmlDocument::attribute(node, "aria-hidden") == "true"_L1)
        return true;
    QString style = HtmlDocument::attribute(node, "style").toLower();
    style.remove(u' ');
    return style.contains("display:none"_L1) || style.contains("visibility:hidden"_L1);
}

bool ElementHints::isBlock(const GumboNode *node)
{
    switch (HtmlDocument::tag(node)) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TBODY:
        return true;
    default:
        return false;
    }
}

QString ElementHints::siteDomain(const QString &host)
{
    QStringList labels = host.toLower().split(u'.', Qt::SkipEmptyParts);
    // "example.co.uk" and "example.com.au" keep three labels.
    const int keep = labels.size() >= 3 && labels[labels.size() - 2].size() <= 3 ? 3 : 2;
    while (labels.size() > keep)
        labels.removeFirst();
    return labels.join(u'.');
}
