#pragma once

#include <QString>

// The plain text of a Markdown file, parsed by md4c (CommonMark with
// GitHub's tables, strikethrough, task lists and autolinks): what a reader
// sees, never the markup. One heading, paragraph, list item, table row or
// code line per line; link text stays and URLs go (an autolink's text is
// its URL); emphasis, code and heading markers vanish; images (their alt
// text) and raw HTML tags are dropped, an HTML block keeping its visible
// text. Soft line breaks join a paragraph into one line.
class MarkdownText
{
public:
    explicit MarkdownText(const QString &markdown);

    const QString &text() const { return m_text; }
    // The first heading when the document opens with one, else empty.
    const QString &title() const { return m_title; }

private:
    QString m_text;
    QString m_title;
};
