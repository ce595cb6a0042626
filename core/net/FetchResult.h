#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

// The outcome of one HTTP GET. Either ok (a 2xx body, or notModified for a
// 304) or an error message that names the URL and what went wrong.
struct FetchResult
{
    QUrl url; // as requested
    QUrl finalUrl; // after redirects
    bool ok = false;
    bool notModified = false; // 304 to a conditional GET
    int httpStatus = 0; // 0 when no response came
    QString error;
    QByteArray body; // decompressed
    QByteArray mimeType; // lower case, without parameters, e.g. "text/html"
    QByteArray charset; // from Content-Type, may be empty
    QString contentType; // the header verbatim
    QString etag;
    QString lastModified;
    QDateTime fetchedAt;
};
