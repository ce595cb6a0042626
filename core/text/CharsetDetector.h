#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

// Guesses the charset of legacy text that is not UTF-8 and declares none,
// with uchardet (Mozilla's universal charset detector).
//
// uchardet 0.0.8 (Debian 13) reports no confidence, and among the Latin
// charsets it guesses poorly on a few sentences (measured: Italian as
// windows-1250, Icelandic as ISO-8859-13, Spanish "año" as ISO-8859-10).
// So its answer must also make the text plausible: taken when it reads the
// bytes as another script (Cyrillic, Greek, Hangul, kana, Han, ...) that
// stands in words of its own, or when windows-1252 would put symbols inside
// or at the start of words ("mo¿e", "¾e": Polish or Czech in ISO-8859-2)
// and the guess does not.
class CharsetDetector
{
public:
    // A charset name QStringDecoder knows, or nullopt when windows-1252
    // (whose reading of bytes is cp1252Text) should stand.
    static std::optional<QByteArray> detect(const QByteArray &bytes, const QString &cp1252Text);

    // uchardet's own answer, e.g. "WINDOWS-1251"; empty when it has none.
    static QByteArray guess(const QByteArray &bytes);
};
