#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Full-text search as plain text: the words a user typed, the matches
// FTS5 marks in a snippet (between U+0002 and U+0003), and whether a place
// in an article is a whole word the way the unicode61 tokenizer cuts them,
// so the reader can point at what the index matched.
class SearchTerms
{
public:
    static constexpr char16_t matchStart = u'\u0002';
    static constexpr char16_t matchEnd = u'\u0003';

    struct Term
    {
        QString text;
        bool prefix = false; // typed with a trailing *
    };

    // The words of a query, in order (SqliteDialect::matchExpression turns
    // them into an FTS5 expression).
    static QList<Term> parse(const QString &query);
    // Chinese, Japanese, Thai and other scripts written without spaces
    // between words: the index keeps a whole run of them as one token, so a
    // term in them is found by scanning the text, anywhere in a run.
    static bool isUnspaced(const QString &term);
    // A snippet of text around the first of terms (exact, any of them), with
    // every occurrence in it marked as FTS5 marks matches; the start of the
    // text when none occurs.
    static QString snippetAround(const QString &text, const QStringList &terms);
    // The marked texts of a snippet, in order.
    static QStringList marked(const QString &snippet);
    // The snippet with its markers replaced by open and close.
    static QString bracketed(const QString &snippet, const QString &open, const QString &close);
    // UTF-16 [start, start + length) of text begins a word and, unless
    // prefix, ends one too. Next to a character of an unspaced script any
    // place is a word boundary.
    static bool isWholeWord(const QString &text, qsizetype start, qsizetype length, bool prefix);
    // UTF-16 index of the first whole-word occurrence of term (any case),
    // -1 if none. Occurrences are taken as ReaderView::find takes them:
    // left to right, never overlapping.
    static qsizetype firstWholeWord(const QString &text, const QString &term, bool prefix);
};
