#include "TextDecoder.h"

#include "CharsetDetector.h"

#include <QByteArrayList>
#include <QStringDecoder>
#include <optional>

namespace {

constexpr qsizetype kSniffBytes = 8192;

const QString kEmptyError = QStringLiteral("the file is empty");
const QString kBinaryError = QStringLiteral("binary data (not text)");

struct Bom
{
    QStringConverter::Encoding encoding;
    qsizetype length;
};

// UTF-32LE must be tested before UTF-16LE: both start with FF FE.
std::optional<Bom> detectBom(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return Bom {QStringConverter::Utf8, 3};
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)))
        return Bom {QStringConverter::Utf32LE, 4};
    if (bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return Bom {QStringConverter::Utf32BE, 4};
    if (bytes.startsWith("\xFF\xFE"))
        return Bom {QStringConverter::Utf16LE, 2};
    if (bytes.startsWith("\xFE\xFF"))
        return Bom {QStringConverter::Utf16BE, 2};
    return std::nullopt;
}

bool isWideEncoding(QStringConverter::Encoding e)
{
    return e == QStringConverter::Utf16LE || e == QStringConverter::Utf16BE
        || e == QStringConverter::Utf32LE || e == QStringConverter::Utf32BE;
}

// Every decoder gets these flags. ConvertInitialBom: the BOM we detected is
// cut off before decoding, and a second U+FEFF is content that must not
// vanish. Stateless: an incomplete sequence at the end becomes U+FFFD
// instead of being dropped silently.
constexpr auto kDecoderFlags
    = QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom;

QString decodeWith(QStringConverter::Encoding encoding, QByteArrayView bytes)
{
    QStringDecoder decoder(encoding, kDecoderFlags);
    return decoder.decode(bytes);
}

bool hasNonAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return true;
    }
    return false;
}

// Length of an incomplete multi-byte sequence at the very end (0 if none),
// e.g. a UTF-8 file cut off mid-character by a broken download.
qsizetype incompleteUtf8Tail(QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    for (qsizetype k = 1; k <= 3 && k <= n; ++k) {
        const uchar b = uchar(bytes[n - k]);
        if ((b & 0xC0) == 0x80)
            continue; // continuation byte, keep looking for the lead byte
        if (b < 0xC0)
            return 0;
        const qsizetype needed = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2);
        return needed > k ? k : 0;
    }
    return 0;
}

bool isStrictUtf8(QByteArrayView bytes)
{
    // Stateful on purpose: a Stateless decoder forgets its error count after
    // each call. An incomplete sequence at the end stays pending instead of
    // being an error, so it is checked separately.
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    // decode() is lazy: the conversion (and error count) happens on assignment.
    const QString text = decoder.decode(bytes);
    return !decoder.hasError() && incompleteUtf8Tail(bytes) == 0;
}

enum class Utf8Verdict
{
    Ascii, // no byte above 0x7F: valid UTF-8, but no evidence for it
    MultiByte, // valid UTF-8 with multi-byte characters
    Invalid,
};

// MultiByte is strong evidence, since legacy text practically never forms
// valid UTF-8 by accident. A truncated final character (a broken download)
// is tolerated when the rest proves UTF-8; it decodes to U+FFFD.
Utf8Verdict checkUtf8(QByteArrayView bytes)
{
    if (!hasNonAscii(bytes))
        return Utf8Verdict::Ascii;
    if (isStrictUtf8(bytes))
        return Utf8Verdict::MultiByte;
    const qsizetype tail = incompleteUtf8Tail(bytes);
    if (tail == 0)
        return Utf8Verdict::Invalid;
    const QByteArrayView body = bytes.first(bytes.size() - tail);
    return hasNonAscii(body) && isStrictUtf8(body) ? Utf8Verdict::MultiByte : Utf8Verdict::Invalid;
}

QString legacyFallbackName()
{
    static const bool hasCp1252 = QStringDecoder("windows-1252").isValid();
    return hasCp1252 ? QStringLiteral("windows-1252") : QStringLiteral("ISO-8859-1");
}

QString decodeLegacy(QByteArrayView bytes)
{
    QStringDecoder decoder(legacyFallbackName(), kDecoderFlags);
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

// A declared charset after clean-up: which decoder to use, or none.
struct Declared
{
    QString name; // empty: ignore the declaration
    bool wide = false;
    bool legacy = false; // not a Unicode encoding
};

Declared resolveDeclared(QByteArray charset, const QByteArray &bytes)
{
    charset = charset.trimmed();
    while (!charset.isEmpty() && (charset.front() == '"' || charset.front() == '\''))
        charset.remove(0, 1);
    while (!charset.isEmpty() && (charset.back() == '"' || charset.back() == '\''))
        charset.chop(1);
    charset = charset.trimmed().toLower();
    if (charset.isEmpty())
        return {};

    // As browsers do (WHATWG Encoding): these labels mean windows-1252,
    // which is a superset that gives curly quotes their proper meaning.
    static const QByteArrayList latin1Labels
        = {"iso-8859-1",     "iso8859-1",       "iso_8859-1", "iso88591",    "latin1",      "l1",
           "cp819",          "ibm819",          "iso-ir-100", "csisolatin1", "us-ascii",    "ascii",
           "ansi_x3.4-1968", "iso_8859-1:1987", "x-cp1252",   "cp1252",      "windows-1252"};
    if (latin1Labels.contains(charset))
        return {legacyFallbackName(), false, true};

    // A UTF-16/32 label is only believable if the bytes have NULs; a
    // readable ASCII <meta> claiming UTF-16 is wrong (WHATWG says UTF-8).
    static const QByteArrayList utf16Labels = {
        "utf-16", "utf16", "ucs-2", "ucs2", "unicode", "iso-10646-ucs-2", "csunicode", "utf-16le"};
    static const QByteArrayList utf32Labels = {"utf-32", "utf32", "ucs-4", "utf-32le"};
    const bool hasNul = bytes.contains('\0');
    if (utf16Labels.contains(charset))
        return hasNul ? Declared {QStringLiteral("UTF-16LE"), true, false}
                      : Declared {QStringLiteral("UTF-8"), false, false};
    if (utf32Labels.contains(charset))
        return hasNul ? Declared {QStringLiteral("UTF-32LE"), true, false}
                      : Declared {QStringLiteral("UTF-8"), false, false};
    if (charset == "utf-16be" || charset == "utf-32be")
        return hasNul ? Declared {QString::fromLatin1(charset).toUpper(), true, false}
                      : Declared {QStringLiteral("UTF-8"), false, false};

    QStringDecoder decoder(charset.constData());
    if (!decoder.isValid())
        return {};
    const QString name = QString::fromLatin1(decoder.name());
    const bool unicode = name.startsWith(QLatin1String("UTF-"), Qt::CaseInsensitive);
    return {name, false, !unicode};
}

bool isBinaryControl(char32_t c, bool isLast)
{
    switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
        return false;
    case 0x1A: // DOS end-of-file marker, harmless at the very end
        return !isLast;
    default:
        return c < 0x20 || c == 0x7F;
    }
}

// The decoded-text version of the control character test, for UTF-16/32.
bool looksBinaryText(QStringView text, bool reachesEnd)
{
    qsizetype controls = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == 0)
            return true;
        if (isBinaryControl(c, reachesEnd && i == text.size() - 1))
            ++controls;
    }
    return controls > 0 && controls * 20 > text.size();
}

DecodedText finish(QString text, const QString &encoding)
{
    DecodedText result;
    result.encoding = encoding;
    text = TextDecoder::normaliseLineEndings(text);
    if (text.trimmed().isEmpty()) {
        result.error = kEmptyError;
        return result;
    }
    result.text = std::move(text);
    result.ok = true;
    return result;
}

DecodedText failure(const QString &error, const QString &encoding = {})
{
    DecodedText result;
    result.encoding = encoding;
    result.error = error;
    return result;
}

} // namespace

DecodedText TextDecoder::decode(const QByteArray &bytes, const QByteArray &declaredCharset)
{
    if (bytes.isEmpty())
        return failure(kEmptyError);

    if (const auto bom = detectBom(bytes)) {
        const QString name = QString::fromLatin1(QStringConverter::nameForEncoding(bom->encoding));
        if (looksBinary(bytes))
            return failure(kBinaryError, name);
        return finish(decodeWith(bom->encoding, QByteArrayView(bytes).sliced(bom->length)), name);
    }

    const Declared declared = resolveDeclared(declaredCharset, bytes);
    if (!(declared.wide && !declared.name.isEmpty()) && looksBinary(bytes))
        return failure(kBinaryError);

    const Utf8Verdict utf8 = checkUtf8(bytes);
    if (!declared.name.isEmpty() && !(declared.legacy && utf8 == Utf8Verdict::MultiByte)) {
        // Invalid bytes become U+FFFD: the declaration is trusted over guessing.
        QStringDecoder decoder(declared.name, kDecoderFlags);
        if (decoder.isValid()) {
            const QString text = decoder.decode(bytes);
            const QString name = QString::fromLatin1(decoder.name());
            if (declared.wide
                && looksBinaryText(QStringView(text).first(std::min(text.size(), kSniffBytes)),
                                   true))
                return failure(kBinaryError, name);
            return finish(text, name);
        }
    }

    if (utf8 != Utf8Verdict::Invalid)
        return finish(decodeWith(QStringConverter::Utf8, bytes), QStringLiteral("UTF-8"));

    const QString fallback = decodeLegacy(bytes);
    if (const auto detected = CharsetDetector::detect(bytes, fallback)) {
        QStringDecoder decoder(detected->constData(), kDecoderFlags);
        const QString name = QString::fromLatin1(decoder.name());
        return finish(decoder.decode(bytes),
                      name.isEmpty() ? QString::fromLatin1(*detected) : name);
    }
    return finish(fallback, legacyFallbackName());
}

bool TextDecoder::looksBinary(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return false;

    // Signatures of files people drop by mistake; some have no NUL early.
    static const QByteArrayList signatures = {QByteArray("\x89PNG\r\n\x1A\n"),
                                              QByteArray("GIF87a"),
                                              QByteArray("GIF89a"),
                                              QByteArray("\xFF\xD8\xFF"),
                                              QByteArray("%PDF-"),
                                              QByteArray("PK\x03\x04"),
                                              QByteArray("PK\x05\x06"),
                                              QByteArray("\x7F"
                                                         "ELF"),
                                              QByteArray("\x1F\x8B"),
                                              QByteArray("7z\xBC\xAF\x27\x1C"),
                                              QByteArray("Rar!\x1A\x07"),
                                              QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")};
    for (const QByteArray &signature : signatures) {
        if (bytes.startsWith(signature))
            return true;
    }

    const qsizetype total = bytes.size();
    const auto bom = detectBom(bytes);
    if (bom && isWideEncoding(bom->encoding)) {
        // NULs are normal here: judge the decoded characters instead.
        const qsizetype unit = (bom->encoding == QStringConverter::Utf16LE
                                || bom->encoding == QStringConverter::Utf16BE)
            ? 2
            : 4;
        qsizetype sampleBytes = std::min(total - bom->length, kSniffBytes);
        sampleBytes -= sampleBytes % unit;
        const QString sample
            = decodeWith(bom->encoding, QByteArrayView(bytes).sliced(bom->length, sampleBytes));
        return looksBinaryText(sample, total - (bom->length + sampleBytes) < unit);
    }

    const qsizetype n = std::min(total, kSniffBytes);
    qsizetype controls = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(bytes[i]);
        if (c == 0)
            return true;
        if (isBinaryControl(c, i == total - 1))
            ++controls;
    }
    // More than 5% control characters is not something people write.
    return controls > 0 && controls * 20 > n;
}

QString TextDecoder::normaliseLineEndings(const QString &text)
{
    const qsizetype firstCr = text.indexOf(u'\r');
    if (firstCr < 0)
        return text;
    QString out;
    out.reserve(text.size());
    out.append(QStringView(text).first(firstCr));
    const qsizetype size = text.size();
    for (qsizetype i = firstCr; i < size; ++i) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            out.append(u'\n');
            if (i + 1 < size && text.at(i + 1) == u'\n')
                ++i;
        } else {
            out.append(c);
        }
    }
    return out;
}
