#pragma once

#include <QByteArray>
#include <QString>

struct HtmlText
{
    QString title; // first <title> (whitespace collapsed), empty if none
    QString text; // visible text, one paragraph per line
    QString language; // <html lang> (or xml:lang), empty if none
    QByteArray declaredCharset; // from <meta charset> / http-equiv, empty if none
};

// The visible text of simple HTML files, read from the DOM that gumbo builds
// (HtmlDocument), so broken markup, raw-text elements and entities come out
// as a browser shows them. It does not pick out the "main content"; every
// visible paragraph is kept.
class HtmlTextExtractor
{
public:
    // html: already decoded text. Skips script, style, noscript, template,
    // textarea, iframe, SVG, MathML, select, audio/video/canvas/object
    // fallback, comments, head metadata and elements with a `hidden`
    // attribute. Block elements (p, div, h1-h6, li, br, tr, ...) start a new
    // line; each paragraph is one line, with no blank lines between them.
    // Whitespace is collapsed except inside <pre>, whose non-blank lines are
    // kept. Entities are decoded by gumbo (all of HTML5's); &nbsp; becomes a
    // normal space. The result is trimmed.
    static HtmlText extract(const QString &html);

    // <meta charset=...> or <meta http-equiv="Content-Type" content="...;
    // charset=..."> (or an XML declaration's encoding) within the first 4 KB,
    // found by parsing those 4 KB with gumbo. Returns the charset as
    // written, empty if none.
    static QByteArray sniffCharset(const QByteArray &rawHtml);

    // True if, after whitespace, a BOM, comments and an XML declaration, the
    // text starts with <!doctype html, <html, <head or <body, or if its first
    // 4 KB has at least two block tags (p, div, br, h1-h6, ...), one of them
    // p or div. A plain-text article that mentions "<div>" once is not HTML.
    static bool looksLikeHtml(const QString &text);
};
