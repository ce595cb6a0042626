#pragma once

#include <QByteArray>
#include <QString>

// The result of turning an imported file's bytes into text.
struct DecodedText
{
    QString text; // decoded, line endings normalised to \n, BOM stripped
    QString encoding; // e.g. "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1"
    bool ok = false;
    QString error; // when !ok: a short human message ("the file is empty", ...)
};

// Decodes article files. Annotations are stored as character offsets into
// the decoded text, so decoding must be deterministic and never guess
// differently for the same bytes.
//
// Order: byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) > declared
// charset > strictly valid UTF-8 > the charset uchardet detects, when its
// reading is plausible (see CharsetDetector) > windows-1252 (ISO-8859-1 if
// the Qt build lacks it). Two refinements of that order:
//  - a declared legacy charset (anything but UTF-8/16/32) loses to bytes
//    that are valid UTF-8 *and* contain non-ASCII, because servers often
//    send a default "ISO-8859-1" for UTF-8 pages and valid multi-byte UTF-8
//    practically never happens by accident in legacy text;
//  - a declared "ISO-8859-1"/"US-ASCII" means windows-1252, as in browsers.
class TextDecoder
{
public:
    // declaredCharset: from an HTTP header or <meta charset>, may be empty.
    // Unknown charset names are ignored. Never crashes on any input.
    static DecodedText decode(const QByteArray &bytes, const QByteArray &declaredCharset = {});

    // True for NUL bytes (except in UTF-16/32 with a BOM), well-known binary
    // signatures (PNG, JPEG, GIF, PDF, ZIP, ...) or many control characters.
    // Looks at the first 8 KB only.
    static bool looksBinary(const QByteArray &bytes);

    // CRLF and lone CR -> LF. Returns the same (shared) string if it has no CR.
    static QString normaliseLineEndings(const QString &text);
};
