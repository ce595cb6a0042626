#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

// gzip data (saved pages stored as .html.gz, pages served compressed)
// inflated by KArchive's KCompressionDevice, with limits against gzip
// bombs: a few kilobytes of gzip can expand to gigabytes, which would take
// all memory before any per-article size check sees the text.
class Decompressor
{
public:
    // Nothing larger is imported anyway (ArticleImporter::maxFileSize).
    static constexpr qint64 kMaxOutput = 64 * 1024 * 1024;
    // Text and HTML compress about 3-10:1; zeros up to ~1000:1.
    static constexpr qint64 kMaxRatio = 100;
    // Below this much output the ratio is not checked: a tiny, highly
    // repetitive file can exceed 100:1 and is harmless.
    static constexpr qint64 kRatioFreeOutput = 1024 * 1024;

    // True if the data starts with the gzip magic bytes 1f 8b.
    static bool isGzip(const QByteArray &data);

    // Inflates gzip data (concatenated members are joined). name, a file or
    // URL, starts every error message ("NAME: the gzip data is truncated").
    // On truncated or corrupt data, or beyond a limit, returns an empty
    // array and sets *error.
    static QByteArray gunzip(const QByteArray &data, const QString &name, QString *error);

    // The file's bytes, inflated if they are gzip, with the same limits;
    // sets *error (naming the file) when it cannot be read or inflated.
    static QByteArray readFile(const QString &path, QString *error);

private:
    static QByteArray inflate(QIODevice *input, qint64 inputSize, const QString &name,
                              QString *error);
};
