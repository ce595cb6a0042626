#include "LanguageGuess.h"

QString LanguageGuess::forArticle(const QString &statedLanguage, const QString &text,
                                  const QStringList &available)
{
    // "en-GB", "ru_RU" -> "en", "ru"
    const QString stated = statedLanguage.left(2).toLower();
    if (!stated.isEmpty() && available.contains(stated))
        return stated;
    int latin = 0, cyrillic = 0, hangul = 0;
    // A few thousand letters decide it; a megabyte article costs nothing more.
    for (qsizetype i = 0; i < text.size() && latin + cyrillic + hangul < 4000; ++i) {
        const QChar c = text.at(i);
        if (!c.isLetter())
            continue;
        switch (c.script()) {
        case QChar::Script_Latin:
            ++latin;
            break;
        case QChar::Script_Cyrillic:
            ++cyrillic;
            break;
        case QChar::Script_Hangul:
            ++hangul;
            break;
        default:
            break;
        }
    }
    QString guess = QStringLiteral("en");
    if (hangul > latin && hangul >= cyrillic)
        guess = QStringLiteral("ko");
    else if (cyrillic > latin)
        guess = QStringLiteral("ru");
    if (available.contains(guess) || available.isEmpty())
        return guess;
    return available.constFirst();
}
