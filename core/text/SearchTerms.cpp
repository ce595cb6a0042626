#include "SearchTerms.h"

#include <QRegularExpression>

#include <algorithm>

namespace {
// Letters, digits and combining marks make up unicode61 tokens.
bool isWordChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

bool isUnspacedChar(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
        return true;
    default:
        return false;
    }
}

// About as much context as FTS5's snippet(…, 16) gives.
constexpr qsizetype kSnippetBefore = 24;
constexpr qsizetype kSnippetLength = 80;

// Keeps a cut from splitting a surrogate pair.
qsizetype alignToCodePoint(const QString &text, qsizetype i)
{
    if (i > 0 && i < text.size() && text.at(i).isLowSurrogate() && text.at(i - 1).isHighSurrogate())
        return i - 1;
    return i;
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

bool SearchTerms::isUnspaced(const QString &term)
{
    for (const char32_t c : term.toUcs4()) {
        if (isUnspacedChar(c))
            return true;
    }
    return false;
}

QString SearchTerms::snippetAround(const QString &text, const QStringList &terms)
{
    qsizetype first = -1;
    for (const QString &term : terms) {
        const qsizetype at = term.isEmpty() ? -1 : text.indexOf(term);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    const qsizetype from = alignToCodePoint(text, first <= kSnippetBefore ? 0 : first - kSnippetBefore);
    const qsizetype to = alignToCodePoint(text, std::min(text.size(), from + kSnippetLength));
    QString window = text.mid(from, to - from);
    // Mark every occurrence, leftmost first, never overlapping.
    QString marked;
    for (qsizetype i = 0; i < window.size();) {
        qsizetype length = 0;
        for (const QString &term : terms) {
            if (!term.isEmpty() && QStringView(window).sliced(i).startsWith(term))
                length = std::max(length, term.size());
        }
        if (length > 0) {
            marked += QChar(matchStart) + window.mid(i, length) + QChar(matchEnd);
            i += length;
        } else {
            marked += window.at(i++);
        }
    }
    return (from > 0 ? QStringLiteral("…") : QString()) + marked
        + (to < text.size() ? QStringLiteral("…") : QString());
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
    const char32_t firstChar = codePointAt(text, start);
    const char32_t lastChar = codePointBefore(text, start + length);
    if (!isUnspacedChar(firstChar) && isWordChar(codePointBefore(text, start)))
        return false;
    return prefix || isUnspacedChar(lastChar) || !isWordChar(codePointAt(text, start + length));
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
