#include "HtmlTextExtractor.h"

#include "HtmlDocument.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kSniffChars = 4096;

bool isOneOf(GumboTag tag, std::initializer_list<GumboTag> tags)
{
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Elements whose start and end start a new paragraph.
bool isBlock(GumboTag tag)
{
    return isOneOf(
        tag, {GUMBO_TAG_ADDRESS,    GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,     GUMBO_TAG_BLOCKQUOTE,
              GUMBO_TAG_BODY,       GUMBO_TAG_BR,      GUMBO_TAG_CAPTION,   GUMBO_TAG_CENTER,
              GUMBO_TAG_DD,         GUMBO_TAG_DETAILS, GUMBO_TAG_DIALOG,    GUMBO_TAG_DIR,
              GUMBO_TAG_DIV,        GUMBO_TAG_DL,      GUMBO_TAG_DT,        GUMBO_TAG_FIELDSET,
              GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,    GUMBO_TAG_FORM,
              GUMBO_TAG_H1,         GUMBO_TAG_H2,      GUMBO_TAG_H3,        GUMBO_TAG_H4,
              GUMBO_TAG_H5,         GUMBO_TAG_H6,      GUMBO_TAG_HEADER,    GUMBO_TAG_HGROUP,
              GUMBO_TAG_HR,         GUMBO_TAG_LEGEND,  GUMBO_TAG_LI,        GUMBO_TAG_LISTING,
              GUMBO_TAG_MAIN,       GUMBO_TAG_MENU,    GUMBO_TAG_NAV,       GUMBO_TAG_OL,
              GUMBO_TAG_OPTION,     GUMBO_TAG_P,       GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE,
              GUMBO_TAG_SECTION,    GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE,     GUMBO_TAG_TBODY,
              GUMBO_TAG_TFOOT,      GUMBO_TAG_THEAD,   GUMBO_TAG_TR,        GUMBO_TAG_UL,
              GUMBO_TAG_XMP});
}

// Elements whose text keeps its line breaks and spaces.
bool isPreformatted(GumboTag tag)
{
    return isOneOf(tag, {GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_XMP, GUMBO_TAG_PLAINTEXT});
}

// What a browser does not show: scripts, metadata, form values, fallback
// content of embedded media, SVG and MathML, and anything `hidden`.
bool isInvisible(const GumboNode *node)
{
    const GumboElement &e = node->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML)
        return true;
    return isOneOf(e.tag,
                   {GUMBO_TAG_HEAD, GUMBO_TAG_TITLE, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,
                    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_IFRAME,
                    GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_SELECT, GUMBO_TAG_DATALIST,
                    GUMBO_TAG_OBJECT, GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO, GUMBO_TAG_CANVAS})
        || HtmlDocument::hasAttribute(node, "hidden");
}

// HTML's ASCII whitespace (U+00A0 is turned into a space before this).
bool isHtmlSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f';
}

// "text/html; charset=koi8-r" -> "koi8-r"
QString charsetFromContentType(const QString &content)
{
    static const QRegularExpression re(
        QStringLiteral("charset\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s;\"']+))"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(content);
    for (int group = 1; group <= 3; ++group) {
        if (m.hasCaptured(group))
            return m.captured(group).trimmed();
    }
    return {};
}

// The charset of the first <meta charset> or http-equiv Content-Type.
QString declaredCharset(const GumboNode *root)
{
    for (const GumboNode *meta : HtmlDocument::elementsByTag(root, GUMBO_TAG_META)) {
        if (meta->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
            continue;
        if (HtmlDocument::hasAttribute(meta, "charset"))
            return HtmlDocument::attribute(meta, "charset").trimmed();
        if (HtmlDocument::attribute(meta, "http-equiv")
                .trimmed()
                .compare(u"content-type", Qt::CaseInsensitive)
            == 0) {
            const QString charset
                = charsetFromContentType(HtmlDocument::attribute(meta, "content"));
            if (!charset.isEmpty())
                return charset;
        }
    }
    return {};
}

// The first HTML <title>: one inside SVG is an icon's tooltip.
QString firstTitle(const GumboNode *root)
{
    for (const GumboNode *title : HtmlDocument::elementsByTag(root, GUMBO_TAG_TITLE)) {
        if (title->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
            continue;
        QString text;
        for (const GumboNode *child : HtmlDocument::children(title)) {
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
                text += QString::fromUtf8(child->v.text.text);
        }
        return text.replace(QChar(0xA0), u' ').simplified();
    }
    return {};
}

// Walks the DOM gumbo built and lays its visible text out as paragraphs.
class TextCollector
{
public:
    QString run(const GumboNode *root)
    {
        walk(root);
        flush();
        return m_paragraphs.join(u'\n').trimmed();
    }

private:
    void walk(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
            for (QChar c : QString::fromUtf8(node->v.text.text))
                append(c);
            return;
        }
        // Comments, CDATA (only in SVG/MathML) and <template> contents are not shown.
        if (node->type != GUMBO_NODE_ELEMENT || isInvisible(node))
            return;
        const GumboTag tag = node->v.element.tag;
        const bool block = isBlock(tag);
        const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
        const bool pre = isPreformatted(tag);
        if (block)
            flush();
        if (cell)
            wordBreak();
        if (pre)
            ++m_preDepth;
        const GumboVector &kids = node->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i)
            walk(static_cast<const GumboNode *>(kids.data[i]));
        if (pre)
            --m_preDepth;
        if (cell)
            wordBreak();
        if (block)
            flush();
    }

    void append(QChar c)
    {
        if (c == QChar(0xA0))
            c = u' '; // no-break spaces are ordinary spaces in stored text
        if (m_preDepth > 0) {
            // Blank lines vanish in flush(), so the newline HTML ignores
            // right after <pre> needs no special case.
            if (c == u'\n')
                flush();
            else
                m_current.append(c);
            return;
        }
        if (isHtmlSpace(c)) {
            m_pendingSpace = !m_current.isEmpty();
            return;
        }
        if (m_pendingSpace) {
            m_current.append(u' ');
            m_pendingSpace = false;
        }
        m_current.append(c);
    }

    // Table cells sit on one line, separated by a space.
    void wordBreak()
    {
        if (m_preDepth == 0)
            m_pendingSpace = !m_current.isEmpty();
    }

    // Ends the current paragraph; empty ones vanish, so there are never
    // blank lines.
    void flush()
    {
        qsizetype end = m_current.size();
        while (end > 0 && m_current.at(end - 1).isSpace())
            --end;
        m_current.truncate(end);
        if (!m_current.trimmed().isEmpty())
            m_paragraphs.append(m_current);
        m_current.clear();
        m_pendingSpace = false;
    }

    QStringList m_paragraphs;
    QString m_current;
    bool m_pendingSpace = false;
    int m_preDepth = 0;
};

// Index just past the end of the comment that starts at s[pos] ("<!--").
qsizetype skipComment(QStringView s, qsizetype pos)
{
    const qsizetype end = s.indexOf(u"-->", pos + 4);
    return end < 0 ? s.size() : end + 3;
}

} // namespace

HtmlText HtmlTextExtractor::extract(const QString &html)
{
    const HtmlDocument doc(html);
    const GumboNode *root = doc.root();
    HtmlText result;
    if (!root)
        return result;
    result.title = firstTitle(root);
    result.language = HtmlDocument::attribute(root, "lang").trimmed();
    if (result.language.isEmpty())
        result.language = HtmlDocument::attribute(root, "xml:lang").trimmed();
    result.declaredCharset = declaredCharset(root).toLatin1();
    result.text = TextCollector().run(root);
    return result;
}

QByteArray HtmlTextExtractor::sniffCharset(const QByteArray &rawHtml)
{
    // Latin-1 keeps every byte as one character: markup is ASCII in any
    // charset a <meta> can usefully declare.
    const QString head = QString::fromLatin1(rawHtml.left(kSniffChars));
    QString charset;
    const QStringView s = QStringView(head).sliced(head.startsWith(QChar(0xFEFF)) ? 1 : 0);
    if (s.startsWith(u"<?xml", Qt::CaseInsensitive)) {
        const qsizetype end = s.indexOf(u"?>");
        if (end > 0) {
            static const QRegularExpression re(
                QStringLiteral("encoding\\s*=\\s*[\"']([^\"']+)[\"']"));
            const auto m = re.matchView(s.first(end));
            if (m.hasMatch())
                charset = m.captured(1).trimmed();
        }
    }
    // gumbo tokenizes the head like a browser: comments, attribute values
    // and a tag cut off at 4 KB cannot fake a <meta>.
    if (charset.isEmpty()) {
        const HtmlDocument doc(head);
        if (doc.root())
            charset = declaredCharset(doc.root());
    }
    // A UTF-16/32 declaration readable as ASCII is wrong (WHATWG: UTF-8).
    if (charset.startsWith(u"utf-16", Qt::CaseInsensitive)
        || charset.startsWith(u"utf-32", Qt::CaseInsensitive))
        return QByteArrayLiteral("UTF-8");
    return charset.toLatin1();
}

bool HtmlTextExtractor::looksLikeHtml(const QString &text)
{
    const QStringView s(text);
    const qsizetype n = s.size();
    qsizetype pos = 0;
    for (;;) {
        while (pos < n && (s[pos].isSpace() || s[pos] == QChar(0xFEFF)))
            ++pos;
        const QStringView rest = s.sliced(pos);
        if (rest.startsWith(u"<!--")) {
            pos = skipComment(s, pos);
        } else if (rest.startsWith(u"<?xml", Qt::CaseInsensitive)) {
            const qsizetype end = s.indexOf(u"?>", pos);
            pos = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    const QStringView rest = s.sliced(pos);
    if (rest.startsWith(u"<!doctype", Qt::CaseInsensitive)) {
        const QStringView afterDoctype = rest.sliced(9).trimmed();
        if (afterDoctype.startsWith(u"html", Qt::CaseInsensitive))
            return true;
    }
    static const QRegularExpression startRe(QStringLiteral("^<(html|head|body)(?=[\\s/>]|$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (startRe.matchView(rest).hasMatch())
        return true;

    // Otherwise block markup early on: two or more block tags, p or div among them.
    static const QRegularExpression blockRe(
        QStringLiteral("</?(p|div|br|h[1-6]|li|ul|ol|table|tr|td|article|section|blockquote)"
                       "(?=[\\s/>])"),
        QRegularExpression::CaseInsensitiveOption);
    int count = 0;
    bool paragraphOrDiv = false;
    auto it = blockRe.globalMatchView(s.first(std::min(n, kSniffChars)));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        ++count;
        const QString name = m.captured(1).toLower();
        paragraphOrDiv = paragraphOrDiv || name == u"p"_s || name == u"div"_s;
    }
    return count >= 2 && paragraphOrDiv;
}
