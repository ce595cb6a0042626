#include "HttpFetcher.h"

#include "base/Decompressor.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <new>

namespace {

QString networkError(QNetworkReply *reply)
{
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found (DNS lookup failed for %1)").arg(reply->url().host());
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS/SSL error: %1").arg(reply->errorString());
    case QNetworkReply::TooManyRedirectsError:
        return QStringLiteral("too many redirects");
    case QNetworkReply::InsecureRedirectError:
        return QStringLiteral("refused a redirect from https to http");
    case QNetworkReply::ProtocolUnknownError:
        return QStringLiteral("unsupported URL scheme (only http and https)");
    case QNetworkReply::TimeoutError:
        return QStringLiteral("timed out");
    default:
        return reply->errorString();
    }
}

// "text/html; charset=ISO-8859-1" -> ("text/html", "ISO-8859-1")
void splitContentType(const QString &header, QByteArray &mime, QByteArray &charset)
{
    const QList<QByteArray> parts = header.toLatin1().split(';');
    mime = parts.value(0).trimmed().toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray p = parts[i].trimmed();
        if (p.toLower().startsWith("charset=")) {
            charset = p.mid(8).trimmed();
            while (charset.startsWith('"') || charset.startsWith('\''))
                charset.remove(0, 1);
            while (charset.endsWith('"') || charset.endsWith('\''))
                charset.chop(1);
        }
    }
}

} // namespace

HttpFetcher::HttpFetcher(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

QString HttpFetcher::userAgent()
{
    return QStringLiteral("Framewise/%1 (+https://github.com/framewise/framewise)")
        .arg(QStringLiteral(FRAMEWISE_VERSION));
}

void HttpFetcher::fetch(const FetchRequest &request, const Callback &done)
{
    const QString scheme = request.url.scheme().toLower();
    if (!request.url.isValid()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        FetchResult r;
        r.url = request.url;
        r.finalUrl = request.url;
        r.fetchedAt = QDateTime::currentDateTimeUtc();
        r.error = QStringLiteral("%1: not a web address (only http and https URLs can be fetched)")
                      .arg(request.url.toDisplayString());
        ++m_running;
        QTimer::singleShot(0, this, [this, r, done] {
            --m_running;
            done(r);
        });
        return;
    }
    QNetworkRequest nr(request.url);
    nr.setMaximumRedirectsAllowed(10);
    nr.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    nr.setRawHeader("Accept", request.accept);
    if (!request.etag.isEmpty())
        nr.setRawHeader("If-None-Match", request.etag.toLatin1());
    if (!request.lastModified.isEmpty())
        nr.setRawHeader("If-Modified-Since", request.lastModified.toLatin1());
    // Our own Accept-Encoding turns off Qt's inflating, so that gzip goes
    // through Decompressor and its limits against gzip bombs.
    nr.setRawHeader("Accept-Encoding", "gzip");

    ++m_running;
    QNetworkReply *reply = m_nam->get(nr);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    auto tooLarge = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(request.timeoutMs);
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, tooLarge, request](qint64 received, qint64) {
                if (received > request.maxBytes) {
                    *tooLarge = true;
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request, timedOut, tooLarge, done] {
                finish(reply, request, *timedOut, *tooLarge, done);
            });
}

void HttpFetcher::finish(QNetworkReply *reply, const FetchRequest &request, bool timedOut,
                         bool tooLarge, const Callback &done)
{
    reply->deleteLater();
    --m_running;
    FetchResult r;
    r.url = request.url;
    r.finalUrl = reply->url();
    r.fetchedAt = QDateTime::currentDateTimeUtc();
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    splitContentType(r.contentType, r.mimeType, r.charset);
    r.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    r.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    const QString where = request.url.toDisplayString();

    if (timedOut) {
        r.error = QStringLiteral("%1: timed out after %2 seconds")
                      .arg(where)
                      .arg(request.timeoutMs / 1000.0);
    } else if (tooLarge) {
        r.error = QStringLiteral("%1: larger than %2 MB; not downloaded")
                      .arg(where)
                      .arg(request.maxBytes / (1024 * 1024));
    } else if (r.httpStatus == 304) {
        r.ok = true;
        r.notModified = true;
    } else if (r.httpStatus >= 400) {
        const QString reason
            = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        r.error
            = QStringLiteral("%1: HTTP %2 %3").arg(where).arg(r.httpStatus).arg(reason).trimmed();
    } else if (reply->error() != QNetworkReply::NoError) {
        r.error = QStringLiteral("%1: %2").arg(
            where,
            reply->error() == QNetworkReply::OperationCanceledError ? QStringLiteral("cancelled")
                                                                    : networkError(reply));
    } else {
        // An exception must not unwind through Qt's event loop.
        try {
            r.body = reply->readAll();
            const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
            // Content-Encoding: gzip, or a .gz file served as is.
            if (encoding == "gzip" || encoding == "x-gzip" || Decompressor::isGzip(r.body))
                r.body = Decompressor::gunzip(r.body, where, &r.error);
        } catch (const std::bad_alloc &) {
            r.body = QByteArray();
            r.error = QStringLiteral("%1: not enough memory to fetch it").arg(where);
        }
        r.ok = r.error.isEmpty();
    }
    done(r);
}

void HttpFetcher::abortAll()
{
    for (QNetworkReply *reply : m_nam->findChildren<QNetworkReply *>())
        reply->abort();
}

FetchResult HttpFetcher::fetchAndWait(const FetchRequest &request)
{
    HttpFetcher fetcher;
    return fetcher.fetchAndWaitHere(request);
}

FetchResult HttpFetcher::fetchAndWaitHere(const FetchRequest &request)
{
    FetchResult result;
    QEventLoop loop;
    fetch(request, [&](const FetchResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}
