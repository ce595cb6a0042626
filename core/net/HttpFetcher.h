#pragma once

#include "FetchRequest.h"
#include "FetchResult.h"

#include <QObject>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// HTTP GET on QNetworkAccessManager with what fetching news needs:
// redirects (at most 10, never from https to http), a deadline for the
// whole transfer, gzip (inflated by Decompressor, with its limits against
// gzip bombs), a size limit and errors a user can read
// ("https://x/y: host not found"). Every request ends in exactly one call
// of its callback, on the thread of this object.
class HttpFetcher : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const FetchResult &)>;

    explicit HttpFetcher(QObject *parent = nullptr);

    // Starts a request; done runs later, never inside this call.
    void fetch(const FetchRequest &request, const Callback &done);
    // Aborts every running request; each still reports (as cancelled).
    void abortAll();
    int running() const { return m_running; }

    // Runs a local event loop until the response is in: for the command
    // line and tests, never for the GUI thread's normal work.
    static FetchResult fetchAndWait(const FetchRequest &request);
    // The same on this fetcher, so that abortAll() from an event handled
    // meanwhile can end it.
    FetchResult fetchAndWaitHere(const FetchRequest &request);

    static QString userAgent();

private:
    void finish(QNetworkReply *reply, const FetchRequest &request, bool timedOut, bool tooLarge,
                const Callback &done);

    QNetworkAccessManager *m_nam = nullptr;
    int m_running = 0;
};
