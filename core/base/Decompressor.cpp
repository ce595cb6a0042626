#include "Decompressor.h"

#include <KCompressionDevice>
#include <QBuffer>
#include <QFile>

namespace {

// A gzip member has a 10-byte header and an 8-byte trailer.
constexpr qint64 kMinGzipSize = 18;
constexpr qint64 kChunk = 64 * 1024;

QByteArray fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return {};
}

} // namespace

bool Decompressor::isGzip(const QByteArray &data)
{
    return data.size() >= 2 && uchar(data[0]) == 0x1f && uchar(data[1]) == 0x8b;
}

QByteArray Decompressor::gunzip(const QByteArray &data, const QString &name, QString *error)
{
    QBuffer buffer;
    buffer.setData(data);
    return inflate(&buffer, data.size(), name, error);
}

QByteArray Decompressor::readFile(const QString &path, QString *error)
{
    if (error)
        error->clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));
    if (!isGzip(file.peek(2))) {
        const QByteArray data = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return fail(error,
                        QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));
        return data;
    }
    return inflate(&file, file.size(), path, error);
}

QByteArray Decompressor::inflate(QIODevice *input, qint64 inputSize, const QString &name,
                                 QString *error)
{
    if (error)
        error->clear();
    const QString truncated = QStringLiteral("%1: the gzip data is truncated").arg(name);
    // KCompressionDevice passes short input through unchanged instead of
    // failing, as it cannot see a gzip header in it.
    if (inputSize < kMinGzipSize)
        return fail(error, truncated);
    KCompressionDevice gzip(input, false, KCompressionDevice::GZip);
    if (!gzip.open(QIODevice::ReadOnly))
        return fail(error,
                    QStringLiteral("%1: cannot be read (%2)").arg(name, input->errorString()));
    QByteArray out;
    QByteArray chunk(kChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = gzip.read(chunk.data(), kChunk);
        if (n < 0)
            return fail(error, QStringLiteral("%1: the gzip data is corrupt").arg(name));
        if (n == 0)
            break;
        if (out.size() + n > kMaxOutput) {
            return fail(error,
                        QStringLiteral("%1: expands beyond %2 MiB; refusing a possible gzip bomb")
                            .arg(name)
                            .arg(kMaxOutput / (1024 * 1024)));
        }
        out.append(chunk.constData(), n);
        if (out.size() > kRatioFreeOutput && out.size() > kMaxRatio * inputSize) {
            return fail(error,
                        QStringLiteral("%1: expands more than %2 times its compressed size; "
                                       "refusing a possible gzip bomb")
                            .arg(name)
                            .arg(kMaxRatio));
        }
    }
    // read() returns 0 at the end of the stream, when the input ran out
    // before it and, the first time, after a zlib error; only the first is
    // a complete gzip file, and only an error makes the next read fail.
    if (!gzip.atEnd()) {
        if (gzip.read(chunk.data(), kChunk) < 0)
            return fail(error, QStringLiteral("%1: the gzip data is corrupt").arg(name));
        return fail(error, truncated);
    }
    return out;
}
