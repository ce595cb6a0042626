#pragma once

#include <QByteArray>
#include <QString>

// Reads gzip-compressed files (saved web pages are often stored as .html.gz).
// qUncompress() only understands zlib streams with Qt's length prefix, so
// this goes to zlib directly with gzip header detection.
class GzipReader
{
public:
    // True if the data starts with the gzip magic bytes 1f 8b.
    static bool isGzip(const QByteArray &data);

    // Inflates a gzip stream (several concatenated members are joined).
    // Returns an empty array and sets *error on corrupt or truncated input;
    // a truncated stream still returns what could be inflated, with an error.
    static QByteArray decompress(const QByteArray &data, QString *error = nullptr);

    // The file's bytes, decompressed if they are gzip. Sets *error when the
    // file cannot be read or is corrupt.
    static QByteArray readFile(const QString &path, QString *error = nullptr);
};
