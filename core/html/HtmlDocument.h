#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <gumbo.h>

// An HTML page parsed into a DOM tree, owning the gumbo output (RAII).
//
// Why gumbo: it implements the WHATWG HTML5 tree-construction algorithm, so
// broken real-world markup (unclosed tags, misnested formatting, stray end
// tags, truncated files) yields the same tree a browser builds; it has a
// small C API, is maintained and is packaged in Debian (libgumbo-dev).
// lexbor is not packaged in Debian 13 and libxml2's HTML parser follows
// HTML 4-era rules that build a different tree for modern pages.
//
// The input bytes are decoded first (BOM, then <meta charset> or
// http-equiv; UTF-8 with invalid bytes replaced otherwise) because gumbo
// only accepts UTF-8.
class HtmlDocument
{
public:
    explicit HtmlDocument(const QByteArray &html);
    // Already decoded text: parsed as it is, a <meta charset> is not applied
    // again. A leading U+FEFF is dropped.
    explicit HtmlDocument(const QString &decodedHtml);
    ~HtmlDocument();
    HtmlDocument(const HtmlDocument &) = delete;
    HtmlDocument &operator=(const HtmlDocument &) = delete;

    // The <html> element (always present, gumbo synthesises it).
    const GumboNode *root() const;
    const GumboNode *head() const;
    const GumboNode *body() const;

    static bool isElement(const GumboNode *node);
    static GumboTag tag(const GumboNode *node);
    // Lower-case tag name, also for unknown (custom) elements.
    static QString tagName(const GumboNode *node);
    static QString attribute(const GumboNode *node, const char *name);
    static bool hasAttribute(const GumboNode *node, const char *name);
    // Element and text children in document order.
    static QList<const GumboNode *> children(const GumboNode *node);
    // All descendant elements with the tag, in document order.
    static QList<const GumboNode *> elementsByTag(const GumboNode *node, GumboTag tag);
    // Text content with whitespace collapsed to single spaces and trimmed.
    // Skips script, style and template contents.
    static QString text(const GumboNode *node);
    static QString collapseWhitespace(const QString &text);

    // Elements deeper than this lose their children: real pages nest a few
    // dozen levels, and the tree walks here are recursive.
    static constexpr int kMaxDepth = 256;

private:
    void parse();
    void limitDepth();

    QByteArray m_utf8; // gumbo keeps pointers into this buffer
    GumboOutput *m_output = nullptr;
    QList<QPair<GumboNode *, unsigned>> m_truncated; // restored before gumbo frees the tree
};
