#include "TextSerializer.h"

#include "ElementHints.h"
#include "html/HtmlDocument.h"

TextSerializer::TextSerializer(const QSet<const GumboNode *> &skip)
    : m_skip(skip)
{
}

QString TextSerializer::serialize(const QList<const GumboNode *> &nodes)
{
    m_blocks.clear();
    for (const GumboNode *n : nodes) {
        walk(n);
        flush();
    }
    QString out;
    for (qsizetype i = 0; i < m_blocks.size(); ++i) {
        if (i > 0)
            out += (m_blocks[i].first == Kind::Item && m_blocks[i - 1].first == Kind::Item)
                ? QStringLiteral("\n")
                : QStringLiteral("\n\n");
        out += m_blocks[i].second;
    }
    return out;
}

void TextSerializer::appendText(const QString &text)
{
    if (m_preformatted) {
        m_line += text;
        return;
    }
    for (QChar c : text) {
        if (c.isSpace() || c == QChar(0x200B)) {
            m_pendingSpace = true;
            continue;
        }
        if (m_pendingSpace && !m_line.isEmpty() && !m_line.endsWith(u'\n'))
            m_line += u' ';
        m_pendingSpace = false;
        m_line += c;
    }
}

void TextSerializer::flush()
{
    QString line = m_line.trimmed();
    m_line.clear();
    m_pendingSpace = false;
    if (!line.isEmpty())
        m_blocks.append({m_kind, line});
    m_kind = Kind::Paragraph;
}

void TextSerializer::walk(const GumboNode *node)
{
    if (m_skip.contains(node))
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE
        || node->type == GUMBO_NODE_CDATA) {
        appendText(QString::fromUtf8(node->v.text.text));
        return;
    }
    if (!HtmlDocument::isElement(node))
        return;
    const GumboTag t = HtmlDocument::tag(node);
    switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
        return;
    case GUMBO_TAG_BR:
        m_line += u'\n';
        m_pendingSpace = false;
        return;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        m_pendingSpace = true; // cells of a row stay on one line
        break;
    default:
        break;
    }
    const bool block = ElementHints::isBlock(node) && t != GUMBO_TAG_TD && t != GUMBO_TAG_TH;
    if (block)
        flush();
    if (t == GUMBO_TAG_LI || t == GUMBO_TAG_TR || t == GUMBO_TAG_DT || t == GUMBO_TAG_DD)
        m_kind = Kind::Item;
    const bool wasPre = m_preformatted;
    if (t == GUMBO_TAG_PRE)
        m_preformatted = true;
    for (const GumboNode *c : HtmlDocument::children(node))
        walk(c);
    m_preformatted = wasPre;
    if (block) {
        const bool item
            = t == GUMBO_TAG_LI || t == GUMBO_TAG_TR || t == GUMBO_TAG_DT || t == GUMBO_TAG_DD;
        if (item)
            m_kind = Kind::Item;
        flush();
    } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
        m_pendingSpace = true;
    }
}
