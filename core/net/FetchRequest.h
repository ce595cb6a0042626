#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// What to fetch, and how patiently.
struct FetchRequest
{
    QUrl url;
    // Conditional GET: a feed refresh sends what the last response said.
    QString etag;
    QString lastModified;
    QByteArray accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    int timeoutMs = 30000; // the whole transfer, redirects included
    qint64 maxBytes = 64 * 1024 * 1024;
};
