#include "MarkdownText.h"

#include "html/HtmlDocument.h"
#include "html/HtmlTextExtractor.h"

#include <QStringList>
#include <md4c.h>
#include <new>

namespace {

// md4c hands entities over verbatim ("&mdash;"); gumbo knows all of HTML5's.
QString decodeEntity(const QString &entity)
{
    const HtmlDocument doc(entity);
    QString out;
    for (const GumboNode *node : HtmlDocument::children(doc.body())) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE)
            out += QString::fromUtf8(node->v.text.text);
    }
    return out;
}

bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == 0xA0;
}

// Receives md4c's callbacks and lays the text out line by line.
class Collector
{
public:
    QStringList lines;
    QString title;

    int enterBlock(MD_BLOCKTYPE type)
    {
        if (type == MD_BLOCK_TD || type == MD_BLOCK_TH) {
            m_pendingSpace = !m_current.isEmpty();
            return 0;
        }
        flush();
        if (type == MD_BLOCK_CODE)
            m_inCode = true;
        else if (type == MD_BLOCK_HTML)
            m_inHtmlBlock = true;
        if (type != MD_BLOCK_DOC && type != MD_BLOCK_H)
            m_seenBlock = true; // a heading after this is no title
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type)
    {
        if (type == MD_BLOCK_TD || type == MD_BLOCK_TH)
            return 0;
        if (type == MD_BLOCK_HTML) {
            // An HTML block keeps what a browser shows of it.
            const QString visible = HtmlTextExtractor::extract(m_html).text;
            if (!visible.isEmpty())
                lines += visible.split(u'\n');
            m_html.clear();
            m_inHtmlBlock = false;
        }
        flush();
        if (type == MD_BLOCK_CODE)
            m_inCode = false;
        if (type == MD_BLOCK_H) {
            if (!m_seenBlock && title.isEmpty() && !lines.isEmpty())
                title = lines.last();
            m_seenBlock = true;
        }
        return 0;
    }

    int enterSpan(MD_SPANTYPE type)
    {
        if (type == MD_SPAN_IMG)
            ++m_imageDepth;
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type)
    {
        if (type == MD_SPAN_IMG)
            --m_imageDepth;
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *data, MD_SIZE size)
    {
        if (m_imageDepth > 0)
            return 0; // alt text describes a picture the article does not show
        const QString s = QString::fromUtf8(data, qsizetype(size));
        switch (type) {
        case MD_TEXT_NORMAL:
        case MD_TEXT_LATEXMATH:
            append(s);
            break;
        case MD_TEXT_CODE:
            if (m_inCode)
                appendCodeBlock(s);
            else
                append(s);
            break;
        case MD_TEXT_NULLCHAR:
            append(QString(QChar::ReplacementCharacter));
            break;
        case MD_TEXT_BR:
            flush();
            break;
        case MD_TEXT_SOFTBR:
            m_pendingSpace = !m_current.isEmpty();
            break;
        case MD_TEXT_ENTITY:
            append(decodeEntity(s));
            break;
        case MD_TEXT_HTML:
            // Inline tags vanish; a block's HTML is read when it ends.
            if (m_inHtmlBlock)
                m_html += s;
            break;
        }
        return 0;
    }

    void finish() { flush(); }

private:
    // Whitespace collapses as in HTML; no-break spaces become spaces.
    void append(const QString &s)
    {
        for (QChar c : s) {
            if (isSpace(c)) {
                m_pendingSpace = !m_current.isEmpty();
                continue;
            }
            if (m_pendingSpace)
                m_current += u' ';
            m_pendingSpace = false;
            m_current += c;
        }
    }

    // Code keeps its indentation; each of its lines is a line.
    void appendCodeBlock(const QString &s)
    {
        for (QChar c : s) {
            if (c == u'\n')
                flush();
            else
                m_current += c;
        }
    }

    // Ends a line; blank ones vanish.
    void flush()
    {
        while (!m_current.isEmpty() && m_current.back().isSpace())
            m_current.chop(1);
        if (!m_current.trimmed().isEmpty())
            lines += m_current;
        m_current.clear();
        m_pendingSpace = false;
    }

    QString m_current;
    QString m_html;
    bool m_pendingSpace = false;
    bool m_inCode = false;
    bool m_inHtmlBlock = false;
    bool m_seenBlock = false;
    int m_imageDepth = 0;
};

Collector &collector(void *userdata)
{
    return *static_cast<Collector *>(userdata);
}

} // namespace

MarkdownText::MarkdownText(const QString &markdown)
{
    MD_PARSER parser {};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block
        = [](MD_BLOCKTYPE type, void *, void *data) { return collector(data).enterBlock(type); };
    parser.leave_block
        = [](MD_BLOCKTYPE type, void *, void *data) { return collector(data).leaveBlock(type); };
    parser.enter_span
        = [](MD_SPANTYPE type, void *, void *data) { return collector(data).enterSpan(type); };
    parser.leave_span
        = [](MD_SPANTYPE type, void *, void *data) { return collector(data).leaveSpan(type); };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *data) {
        return collector(data).text(type, text, size);
    };
    const QByteArray utf8 = markdown.toUtf8();
    Collector c;
    // md4c fails only when it cannot allocate memory.
    if (md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &c) != 0)
        throw std::bad_alloc();
    c.finish();
    m_text = c.lines.join(u'\n');
    m_title = c.title;
}
