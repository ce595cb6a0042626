#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <gumbo.h>

// Turns DOM subtrees into plain text that keeps the text's structure:
// paragraphs, headings and block quotes become one line each with a blank
// line between them; list items and table rows get one line each with no
// blank line between consecutive items; <br> breaks a line. Inline markup
// disappears and whitespace collapses as a browser would render it.
class TextSerializer
{
public:
    explicit TextSerializer(const QSet<const GumboNode *> &skip);

    QString serialize(const QList<const GumboNode *> &nodes);

private:
    enum class Kind
    {
        Paragraph,
        Item
    };
    void walk(const GumboNode *node);
    void appendText(const QString &text);
    void flush();

    const QSet<const GumboNode *> &m_skip;
    QString m_line;
    bool m_pendingSpace = false;
    bool m_preformatted = false;
    Kind m_kind = Kind::Paragraph;
    QList<QPair<Kind, QString>> m_blocks;
};
