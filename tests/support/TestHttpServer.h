#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

// A tiny HTTP/1.1 server on 127.0.0.1 for tests, so nothing touches the
// internet. Routes answer with a configured status, headers, body, delay
// and optional gzip; an ETag or Last-Modified route answers a matching
// conditional GET with 304. Fixtures under tests/data can be served.
class TestHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Route
    {
        int status = 200;
        QByteArray contentType = "text/html; charset=utf-8";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers; // extra headers
        int delayMs = 0; // before answering
        bool gzip = false; // Content-Encoding: gzip
        QByteArray etag;
        QByteArray lastModified;
    };

    explicit TestHttpServer(QObject *parent = nullptr);
    bool start(); // on a free port of 127.0.0.1
    QUrl url(const QString &path) const;

    void setRoute(const QString &path, const Route &route);
    Route &route(const QString &path) { return m_routes[path]; }
    // Serves path -> the bytes of tests/data/FIXTURE with the content type.
    void serveFixture(const QString &path, const QString &fixture, const QByteArray &contentType);
    // A 302 (or other 3xx) to target.
    void redirect(const QString &path, const QString &target, int status = 302);

    // gzip-compresses data (also for tests that write .gz files).
    static QByteArray gzip(const QByteArray &data);
    // A gzip bomb: count zero bytes, compressed chunk by chunk so that the
    // test never holds them (200 MB of zeros are about 200 KB of gzip).
    static QByteArray gzipZeros(qint64 count);

    int hits(const QString &path) const { return m_hits.value(path); }
    // Request headers of the last request to path (names lower case).
    QMap<QByteArray, QByteArray> lastHeaders(const QString &path) const
    {
        return m_lastHeaders.value(path);
    }

private:
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QString &path,
                const QMap<QByteArray, QByteArray> &headers);

    QTcpServer m_server;
    QHash<QString, Route> m_routes;
    QHash<QString, int> m_hits;
    QHash<QString, QMap<QByteArray, QByteArray>> m_lastHeaders;
};
