#include "HtmlDocument.h"

#include "HtmlTextExtractor.h"
#include "text/TextDecoder.h"

namespace {

QByteArray toUtf8(const QByteArray &html)
{
    const bool hasBom = html.startsWith("\xEF\xBB\xBF") || html.startsWith("\xFF\xFE")
        || html.startsWith("\xFE\xFF");
    const QByteArray declared = HtmlTextExtractor::sniffCharset(html);
    // With a BOM or a declared charset the project's decoder knows best;
    // otherwise the web's default today is UTF-8, invalid bytes replaced.
    if (hasBom || !declared.isEmpty()) {
        const DecodedText decoded = TextDecoder::decode(html, declared);
        if (decoded.ok)
            return decoded.text.toUtf8();
    }
    return QString::fromUtf8(html).toUtf8();
}

void appendText(const GumboNode *node, QString &out)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE
        || node->type == GUMBO_NODE_CDATA) {
        out += QString::fromUtf8(node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return;
    const GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE
        || t == GUMBO_TAG_NOSCRIPT)
        return;
    const GumboVector &kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
        appendText(static_cast<const GumboNode *>(kids.data[i]), out);
    // Keep words of adjacent blocks apart ("<p>a</p><p>b</p>" is "a b").
    if (t == GUMBO_TAG_BR || t == GUMBO_TAG_P || t == GUMBO_TAG_DIV || t == GUMBO_TAG_LI
        || t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)
        out += QLatin1Char(' ');
}

void collectByTag(const GumboNode *node, GumboTag tag, QList<const GumboNode *> &out)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return;
    if (node->v.element.tag == tag)
        out.append(node);
    const GumboVector &kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
        collectByTag(static_cast<const GumboNode *>(kids.data[i]), tag, out);
}

} // namespace

HtmlDocument::HtmlDocument(const QByteArray &html)
    : m_utf8(toUtf8(html))
{
    parse();
}

HtmlDocument::HtmlDocument(const QString &decodedHtml)
    : m_utf8(
        QStringView(decodedHtml).sliced(decodedHtml.startsWith(QChar(0xFEFF)) ? 1 : 0).toUtf8())
{
    parse();
}

void HtmlDocument::parse()
{
    m_output = gumbo_parse_with_options(&kGumboDefaultOptions, m_utf8.constData(),
                                        size_t(m_utf8.size()));
    limitDepth();
}

void HtmlDocument::limitDepth()
{
    if (!m_output)
        return;
    QList<QPair<GumboNode *, int>> stack {{m_output->root, 0}};
    while (!stack.isEmpty()) {
        const auto [node, depth] = stack.takeLast();
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            continue;
        GumboVector &kids = node->v.element.children;
        if (depth >= kMaxDepth && kids.length > 0) {
            m_truncated.append({node, kids.length});
            kids.length = 0;
            continue;
        }
        for (unsigned i = 0; i < kids.length; ++i)
            stack.append({static_cast<GumboNode *>(kids.data[i]), depth + 1});
    }
}

HtmlDocument::~HtmlDocument()
{
    for (const auto &[node, length] : std::as_const(m_truncated))
        node->v.element.children.length = length;
    if (m_output)
        gumbo_destroy_output(&kGumboDefaultOptions, m_output);
}

const GumboNode *HtmlDocument::root() const
{
    return m_output ? m_output->root : nullptr;
}

const GumboNode *HtmlDocument::head() const
{
    const GumboNode *r = root();
    if (!r)
        return nullptr;
    for (const GumboNode *c : children(r))
        if (tag(c) == GUMBO_TAG_HEAD)
            return c;
    return nullptr;
}

const GumboNode *HtmlDocument::body() const
{
    const GumboNode *r = root();
    if (!r)
        return nullptr;
    for (const GumboNode *c : children(r))
        if (tag(c) == GUMBO_TAG_BODY)
            return c;
    return r;
}

bool HtmlDocument::isElement(const GumboNode *node)
{
    return node && node->type == GUMBO_NODE_ELEMENT;
}

GumboTag HtmlDocument::tag(const GumboNode *node)
{
    return isElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

QString HtmlDocument::tagName(const GumboNode *node)
{
    if (!isElement(node))
        return {};
    if (node->v.element.tag != GUMBO_TAG_UNKNOWN)
        return QString::fromLatin1(gumbo_normalized_tagname(node->v.element.tag));
    GumboStringPiece piece = node->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QString::fromUtf8(piece.data, qsizetype(piece.length)).toLower();
}

QString HtmlDocument::attribute(const GumboNode *node, const char *name)
{
    if (!isElement(node))
        return {};
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

bool HtmlDocument::hasAttribute(const GumboNode *node, const char *name)
{
    return isElement(node) && gumbo_get_attribute(&node->v.element.attributes, name);
}

QList<const GumboNode *> HtmlDocument::children(const GumboNode *node)
{
    QList<const GumboNode *> out;
    if (!node || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE))
        return out;
    const GumboVector &kids = node->v.element.children;
    out.reserve(kids.length);
    for (unsigned i = 0; i < kids.length; ++i)
        out.append(static_cast<const GumboNode *>(kids.data[i]));
    return out;
}

QList<const GumboNode *> HtmlDocument::elementsByTag(const GumboNode *node, GumboTag tag)
{
    QList<const GumboNode *> out;
    if (node)
        collectByTag(node, tag, out);
    return out;
}

QString HtmlDocument::text(const GumboNode *node)
{
    QString out;
    if (node)
        appendText(node, out);
    return collapseWhitespace(out);
}

QString HtmlDocument::collapseWhitespace(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (QChar c : text) {
        // U+00A0 and friends count as spaces for layout purposes too.
        if (c.isSpace() || c == QChar(0x200B)) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}
