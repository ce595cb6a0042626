#include "TestHttpServer.h"
#include "TestData.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <zlib.h>

QByteArray TestHttpServer::gzip(const QByteArray &data)
{
    z_stream zs {};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 32, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

QByteArray TestHttpServer::gzipZeros(qint64 count)
{
    z_stream zs {};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    const QByteArray zeros(1024 * 1024, '\0');
    QByteArray out;
    char buffer[64 * 1024];
    qint64 left = count;
    int flush = Z_NO_FLUSH;
    do {
        if (zs.avail_in == 0 && flush == Z_NO_FLUSH) {
            const qint64 n = std::min<qint64>(left, zeros.size());
            zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
            zs.avail_in = uInt(n);
            left -= n;
            if (left == 0)
                flush = Z_FINISH;
        }
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        const int rc = deflate(&zs, flush);
        out.append(buffer, qsizetype(sizeof buffer - zs.avail_out));
        if (rc == Z_STREAM_END)
            break;
    } while (true);
    deflateEnd(&zs);
    return out;
}

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}
} // namespace

TestHttpServer::TestHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool TestHttpServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TestHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

void TestHttpServer::setRoute(const QString &path, const Route &route)
{
    m_routes.insert(path, route);
}

void TestHttpServer::serveFixture(const QString &path, const QString &fixture,
                                  const QByteArray &contentType)
{
    Route r;
    r.contentType = contentType;
    r.body = TestData::read(fixture);
    setRoute(path, r);
}

void TestHttpServer::redirect(const QString &path, const QString &target, int status)
{
    Route r;
    r.status = status;
    r.body = "moved";
    r.headers.append({"Location", target.toUtf8()});
    setRoute(path, r);
}

void TestHttpServer::onReadyRead(QTcpSocket *socket)
{
    // Requests here are GETs without bodies: wait for the blank line.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    socket->setProperty("buffer", buffer.mid(end + 4));
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QMap<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            headers.insert(lines[i].left(colon).trimmed().toLower(),
                           lines[i].mid(colon + 1).trimmed());
    }
    const QString path = QString::fromUtf8(requestLine.value(1));
    m_hits[path] += 1;
    m_lastHeaders[path] = headers;
    const int delay = m_routes.value(path).delayMs;
    if (delay > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, this, [this, guard, path, headers] {
            if (guard)
                answer(guard, path, headers);
        });
    } else {
        answer(socket, path, headers);
    }
}

void TestHttpServer::answer(QTcpSocket *socket, const QString &path,
                            const QMap<QByteArray, QByteArray> &headers)
{
    Route r = m_routes.value(path);
    if (!m_routes.contains(path)) {
        r.status = 404;
        r.body = "<html><body><p>Not found</p></body></html>";
    }
    // As RFC 9110: If-None-Match, when sent, decides alone.
    const bool etagMatch = !r.etag.isEmpty() && headers.value("if-none-match") == r.etag;
    const bool dateMatch = !headers.contains("if-none-match") && !r.lastModified.isEmpty()
        && headers.value("if-modified-since") == r.lastModified;
    QByteArray body = r.body;
    int status = r.status;
    if (etagMatch || dateMatch) {
        status = 304;
        body.clear();
    }
    const bool compress
        = r.gzip && status != 304 && headers.value("accept-encoding").contains("gzip");
    if (compress)
        body = gzip(body);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    if (status != 304)
        response += "Content-Type: " + r.contentType + "\r\n";
    if (compress)
        response += "Content-Encoding: gzip\r\n";
    if (!r.etag.isEmpty())
        response += "ETag: " + r.etag + "\r\n";
    if (!r.lastModified.isEmpty())
        response += "Last-Modified: " + r.lastModified + "\r\n";
    for (const auto &[name, value] : r.headers)
        response += name + ": " + value + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Connection: close\r\n\r\n";
    socket->write(response + body);
    socket->disconnectFromHost();
}
