#pragma once

#include <QStringList>

// Which lexicon to read an article with: its stated language when the
// project has a lexicon for it, else a guess from the script of its first
// letters (Hangul: Korean, Cyrillic: Russian), else English.
class LanguageGuess
{
public:
    static QString forArticle(const QString &statedLanguage, const QString &text,
                              const QStringList &available);
};
