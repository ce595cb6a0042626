#include "GzipReader.h"

#include <QFile>
#include <zlib.h>

using namespace Qt::StringLiterals;

bool GzipReader::isGzip(const QByteArray &data)
{
    return data.size() >= 2 && uchar(data[0]) == 0x1f && uchar(data[1]) == 0x8b;
}

QByteArray GzipReader::decompress(const QByteArray &data, QString *error)
{
    if (error)
        error->clear();
    QByteArray out;
    z_stream zs {};
    // 16 + MAX_WBITS: expect a gzip header, not a raw zlib one.
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
        if (error)
            *error = u"cannot initialise zlib"_s;
        return {};
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (true) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - zs.avail_out));
        if (rc == Z_STREAM_END) {
            // Concatenated gzip members are legal; continue with the next one.
            if (zs.avail_in > 0
                && isGzip(QByteArray::fromRawData(reinterpret_cast<const char *>(zs.next_in),
                                                  zs.avail_in))) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc != Z_OK) {
            if (error)
                *error = rc == Z_BUF_ERROR ? u"the gzip data is truncated"_s
                                           : u"the gzip data is corrupt"_s;
            break;
        }
    }
    inflateEnd(&zs);
    return out;
}

QByteArray GzipReader::readFile(const QString &path, QString *error)
{
    if (error)
        error->clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return {};
    }
    const QByteArray data = file.readAll();
    return isGzip(data) ? decompress(data, error) : data;
}
