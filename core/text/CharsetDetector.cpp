#include "CharsetDetector.h"

#include <QList>
#include <QStringDecoder>
#include <memory>
#include <uchardet/uchardet.h>

namespace {

// Enough text for a sure guess; the rest only costs time.
constexpr qsizetype kDetectBytes = 1024 * 1024;

// The names ICU (Qt's QStringDecoder) may know uchardet's answer by, the
// narrowest first: uchardet says "UHC" for Korean, whose common form is
// EUC-KR, a subset of UHC (windows-949).
QList<QByteArray> icuNames(const QByteArray &uchardetName)
{
    if (uchardetName == "UHC")
        return {QByteArrayLiteral("EUC-KR"), QByteArrayLiteral("windows-949")};
    return {uchardetName};
}

// Neither found nor a legacy charset to switch to: windows-1252 stands
// (browsers read ISO-8859-1 as windows-1252 too).
bool isNoAnswer(const QByteArray &name)
{
    return name.isEmpty() || name == "ASCII" || name == "ISO-8859-1" || name == "WINDOWS-1252"
        || name.startsWith("UTF-") || name.startsWith("X-ISO-10646");
}

// The bytes decoded strictly; an incomplete character at the very end (a
// cut-off download) is forgiven.
std::optional<QString> decodeStrictly(const QByteArray &name, QByteArrayView bytes)
{
    for (qsizetype tail = 0; tail <= 3 && tail < bytes.size(); ++tail) {
        QStringDecoder decoder(name.constData(), QStringConverter::Flag::ConvertInitialBom);
        if (!decoder.isValid())
            return std::nullopt;
        QString text = decoder.decode(bytes.first(bytes.size() - tail));
        if (!decoder.hasError())
            return text;
    }
    return std::nullopt;
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// A character no language puts inside a word: symbols, superscripts,
// fractions, controls. Dashes, quotes, apostrophes, the middle dot (Catalan
// "l·l") and the soft hyphen may stand there.
bool isStrayInWord(QChar c)
{
    if (c.unicode() < 0x80 || c.isLetter() || c.isMark() || c.isSpace() || c.isSurrogate())
        return false;
    switch (c.category()) {
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_Connector:
    case QChar::Other_Format:
        return false;
    default:
        return c != QChar(0x00B7);
    }
}

// Written right before a word: "¿Qué", "¡Sí", "°C", "©AP", "®".
bool opensWords(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0xBF || u == 0xA1 || u == 0xB0 || u == 0xA9 || u == 0xAE;
}

struct Reading
{
    qsizetype foreignLetters = 0; // letters of scripts other than Latin
    qsizetype foreignInLatinWords = 0; // of those, next to an ASCII letter ("nйgociations")
    qsizetype strayInWords = 0; // symbols inside or starting words ("mo¿e", "¾e")
};

Reading read(QStringView text)
{
    Reading r;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c.unicode() < 0x80)
            continue;
        const QChar prev = i > 0 ? text[i - 1] : QChar();
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        if (c.isLetter()) {
            const QChar::Script script = c.script();
            if (script == QChar::Script_Latin || script == QChar::Script_Common
                || script == QChar::Script_Inherited)
                continue;
            ++r.foreignLetters;
            if (isAsciiLetter(prev) || isAsciiLetter(next))
                ++r.foreignInLatinWords;
        } else if (isStrayInWord(c) && next.isLetter() && (prev.isLetter() || !opensWords(c))) {
            // "mo¿e" inside a word, "¾e" starting one; "km²" ends one,
            // which is fine.
            ++r.strayInWords;
        }
    }
    return r;
}

bool isPlausible(const QString &guessed, const QString &cp1252Text)
{
    const Reading guess = read(guessed);
    if (guess.foreignLetters > 0)
        return guess.foreignInLatinWords * 10 <= guess.foreignLetters;
    const Reading cp1252 = read(cp1252Text);
    return cp1252.strayInWords >= 2 && guess.strayInWords * 4 <= cp1252.strayInWords;
}

} // namespace

QByteArray CharsetDetector::guess(const QByteArray &bytes)
{
    const std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                         &uchardet_delete);
    if (!detector)
        return {};
    const QByteArrayView sample = QByteArrayView(bytes).first(std::min(bytes.size(), kDetectBytes));
    if (uchardet_handle_data(detector.get(), sample.data(), size_t(sample.size())) != 0)
        return {};
    uchardet_data_end(detector.get());
    return QByteArray(uchardet_get_charset(detector.get()));
}

std::optional<QByteArray> CharsetDetector::detect(const QByteArray &bytes,
                                                  const QString &cp1252Text)
{
    const QByteArray guessed = guess(bytes);
    if (isNoAnswer(guessed))
        return std::nullopt;
    for (const QByteArray &name : icuNames(guessed)) {
        const std::optional<QString> text = decodeStrictly(name, bytes);
        if (!text)
            continue;
        if (*text == cp1252Text || !isPlausible(*text, cp1252Text))
            return std::nullopt;
        return name;
    }
    return std::nullopt;
}
