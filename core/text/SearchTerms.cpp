#include "SearchTerms.h"

#include <QRegularExpression>

namespace {
// Letters, digits and combining marks make up unicode61 tokens.
bool isWordChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

// The code point ending just before UTF-16 index i (0 at the start).
char32_t codePointBefore(const QString &text, qsizetype i)
{
    if (i <= 0)
        return 0;
    const QChar c = text.at(i - 1);
    if (c.isLowSurrogate() && i >= 2 && text.at(i - 2).isHighSurrogate())
        return QChar::surrogateToUcs4(text.at(i - 2), c);
    return c.unicode();
}

// The code point starting at UTF-16 index i (0 at the end).
char32_t codePointAt(const QString &text, qsizetype i)
{
    if (i >= text.size())
        return 0;
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    return c.unicode();
}
} // namespace

QList<SearchTerms::Term> SearchTerms::parse(const QString &query)
{
    static const QRegularExpression words(QStringLiteral(R"([\p{L}\p{N}_'’-]+\*?)"));
    QList<Term> terms;
    auto it = words.globalMatch(query);
    while (it.hasNext()) {
        QString word = it.next().captured();
        const bool prefix = word.endsWith(QLatin1Char('*'));
        if (prefix)
            word.chop(1);
        terms.append({word, prefix});
    }
    return terms;
}

QStringList SearchTerms::marked(const QString &snippet)
{
    QStringList texts;
    qsizetype from = 0;
    while ((from = snippet.indexOf(QChar(matchStart), from)) >= 0) {
        const qsizetype end = snippet.indexOf(QChar(matchEnd), from + 1);
        if (end < 0)
            break;
        if (end > from + 1)
            texts.append(snippet.mid(from + 1, end - from - 1));
        from = end + 1;
    }
    return texts;
}

QString SearchTerms::bracketed(const QString &snippet, const QString &open, const QString &close)
{
    QString text = snippet;
    text.replace(QChar(matchStart), open);
    text.replace(QChar(matchEnd), close);
    return text;
}

bool SearchTerms::isWholeWord(const QString &text, qsizetype start, qsizetype length, bool prefix)
{
    if (start < 0 || length <= 0 || start + length > text.size())
        return false;
    if (isWordChar(codePointBefore(text, start)))
        return false;
    return prefix || !isWordChar(codePointAt(text, start + length));
}

qsizetype SearchTerms::firstWholeWord(const QString &text, const QString &term, bool prefix)
{
    if (term.isEmpty())
        return -1;
    for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive)) {
        if (isWholeWord(text, at, term.size(), prefix))
            return at;
    }
    return -1;
}
