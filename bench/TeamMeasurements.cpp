#include "TeamMeasurements.h"

#include "BenchContext.h"
#include "BenchOptions.h"
#include "Random.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace {
constexpr int kArticles = 20;
constexpr int kCodes = 5;
// How long a coder keeps listening for the others' last commits after its own.
constexpr int kQuietMs = 10000;

const QUuid kNamespace
    = QUuid::fromString(QStringLiteral("{5b1c0a52-4f0e-4c39-9a55-7f0d2e6b9c11}"));

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QString coderName(int coder)
{
    return QStringLiteral("bench-coder-%1").arg(coder + 1);
}

// What both sides read from the project: its articles (with their lengths)
// and codes, in id order.
struct Layout
{
    QList<qint64> articles, lengths, codes;

    static Layout of(ProjectSession &session)
    {
        Layout l;
        for (const ArticleSummary &a : session.articles().summaries()) {
            l.articles << a.id;
            l.lengths << session.articles().get(a.id)->text.size();
        }
        for (const Code &c : session.codebook().codes())
            l.codes << c.id;
        std::sort(l.codes.begin(), l.codes.end());
        return l;
    }
};

// One line per annotation, sorted: what the checksum covers.
QString line(const QString &uuid, qint64 start, qint64 end, QList<qint64> codes)
{
    std::sort(codes.begin(), codes.end());
    QStringList c;
    for (qint64 id : codes)
        c << QString::number(id);
    return QStringLiteral("%1,%2,%3,%4")
        .arg(uuid)
        .arg(start)
        .arg(end)
        .arg(c.join(QLatin1Char('+')));
}

QString checksum(QStringList lines)
{
    lines.sort();
    return QString::fromLatin1(
        QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16));
}

// Nearest rank.
double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(samples.size())));
    return samples[std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1)];
}

QList<double> numbers(const QByteArray &line)
{
    QList<double> out;
    const QList<QByteArray> parts = line.split(' ');
    for (qsizetype i = 1; i < parts.size(); ++i)
        out << parts[i].toDouble();
    return out;
}

// Lets the session notice the loss and reconnect (ServerLink runs on the
// event loop), for up to a minute; false if the server never came back.
bool waitForServer(ProjectSession &session)
{
    ServerLink *link = session.serverLink();
    QElapsedTimer waited;
    waited.start();
    // A refusal for another reason leaves the link up: try again at once.
    QCoreApplication::processEvents();
    while (link && !link->isOnline() && waited.elapsed() < 60000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return !link || link->isOnline();
}

void say(const char *what)
{
    std::fprintf(stderr, "framewise-bench: %s\n", what);
}
} // namespace

TeamMeasurements::TeamMeasurements(BenchContext &context, const BenchOptions &options)
    : m_context(context)
    , m_options(options)
{
}

NewAnnotation TeamMeasurements::plan(int coder, int commit, const QList<qint64> &articleIds,
                                     const QList<qint64> &articleLengths,
                                     const QList<qint64> &codeIds)
{
    Random random(quint64(coder) * 1000003u + quint64(commit) + 1);
    NewAnnotation n;
    const qsizetype article = random.below(articleIds.size());
    n.articleId = articleIds[article];
    n.start = random.below(articleLengths[article] - 40);
    n.end = n.start + 5 + random.below(30);
    n.codeIds = {codeIds[random.below(codeIds.size())]};
    n.uuid = QUuid::createUuidV5(kNamespace, QStringLiteral("%1/%2").arg(coder).arg(commit))
                 .toString(QUuid::WithoutBraces);
    return n;
}

int TeamMeasurements::runChild(const BenchOptions &options)
{
    const int me = options.teamChild;
    auto session = ProjectSession::open(options.teamUrl);
    session->coders().setCurrent(coderName(me));
    const Layout layout = Layout::of(*session);

    // What this coder hears of the others: each new annotation's id, when.
    bool committing = false;
    QHash<qint64, qint64> heardAt;
    int twice = 0;
    QObject::connect(session.get(), &ProjectSession::changed, [&](const ChangeSet &changes) {
        if (committing)
            return; // this coder's own commit, announced at once
        const qint64 now = nowUs();
            for (qint64 id : changes.of(ChangeSet::Aggregate::Annotation).added) {
            if (heardAt.contains(id))
                ++twice;
            else
                heardAt.insert(id, now);
        }
    });

    std::printf("ready\n");
    std::fflush(stdout);
    char go[16];
    if (!std::fgets(go, sizeof go, stdin))
        return 1;

    QList<double> commitMs;
    commitMs.reserve(options.teamCommits);
    int refused = 0;
    double longestOutageMs = 0;
    for (int j = 0; j < options.teamCommits; ++j) {
        const NewAnnotation n = plan(me, j, layout.articles, layout.lengths, layout.codes);
        // As a coder would: a commit refused because the server went away
        // is tried again once the app is connected again.
        for (int attempt = 0;; ++attempt) {
            QElapsedTimer timer;
            timer.start();
            committing = true;
            try {
                session->annotations().add(n);
                committing = false;
                commitMs << double(timer.nsecsElapsed()) / 1e6;
                break;
            } catch (const ProjectError &e) {
                committing = false;
                ++refused;
                QElapsedTimer outage;
                outage.start();
                if (attempt >= 5 || !waitForServer(*session)) {
                    std::fprintf(stderr, "framewise-bench: coder %d: %s\n", me + 1,
                                 qPrintable(e.message()));
                    return 1;
                }
                longestOutageMs = std::max(longestOutageMs, double(outage.elapsed()));
                // The commit may have gone through with only its answer lost.
                if (session->annotations().byUuid(n.uuid))
                    break;
            }
        }
        // The others' commits so far, as an app's event loop would take them.
        QCoreApplication::processEvents();
        if (options.teamPause > 0) {
            QEventLoop pause;
            QTimer::singleShot(options.teamPause, &pause, &QEventLoop::quit);
            pause.exec();
        }
    }

    // The others may still be committing: listen until all their commits
    // are in, or nothing more came for a while.
    const qsizetype expected = qsizetype(options.teamCoders - 1) * options.teamCommits;
    {
        QEventLoop loop;
        QTimer tick;
        QElapsedTimer quiet;
        quiet.start();
        qsizetype heard = heardAt.size();
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            if (heardAt.size() != heard) {
                heard = heardAt.size();
                quiet.restart();
            }
            if (heard >= expected || quiet.elapsed() > kQuietMs)
                loop.quit();
        });
        tick.start(10);
        loop.exec();
    }

    // How late: from the annotation's creation (stamped just before its
    // commit, in milliseconds) to when this coder heard of it.
    QList<double> seenMs;
    for (const Annotation &a : session->annotations().all()) {
        if (a.coderName == coderName(me))
            continue;
        const auto it = heardAt.constFind(a.id);
        if (it != heardAt.cend())
            seenMs << double(*it) / 1000.0 - double(a.created.toMSecsSinceEpoch());
    }
    QByteArray out = "commit-ms";
    for (double ms : std::as_const(commitMs))
        out += ' ' + QByteArray::number(ms, 'f', 3);
    out += "\nseen-ms";
    for (double ms : std::as_const(seenMs))
        out += ' ' + QByteArray::number(ms, 'f', 1);
    out += "\nunseen " + QByteArray::number(expected - seenMs.size());
    out += "\ntwice " + QByteArray::number(twice);
    out += "\nrefused " + QByteArray::number(refused);
    out += "\noutage-ms " + QByteArray::number(longestOutageMs, 'f', 0) + '\n';
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}

bool TeamMeasurements::run()
{
    const int coders = m_options.teamCoders;
    const int commits = m_options.teamCommits;
    const QString &url = m_options.teamUrl;

    say("team: creating the project");
    Layout layout;
    {
        auto session = ProjectSession::open(url, ProjectSession::OpenMode::CreateIfMissing);
        if (session->articles().count() > 0 || session->annotations().count() > 0)
            throw std::runtime_error(url.toStdString()
                                     + ": the team row needs an empty database (it creates its "
                                       "project there); this one holds articles");
        QList<Article> articles;
        for (int i = 0; i < kArticles; ++i) {
            Article a;
            a.title = QStringLiteral("Team article %1").arg(i + 1);
            a.text = QStringLiteral("Article %1. ").arg(i + 1)
                + QStringLiteral("The delegations met again on Monday and agreed to keep talking. ")
                      .repeated(50);
            articles << a;
        }
        session->articles().addMany(articles);
        for (int c = 0; c < kCodes; ++c)
            session->codebook().ensureCode(QStringLiteral("Team code %1").arg(c + 1));
        layout = Layout::of(*session);
    }

    say("team: starting the coders");
    std::vector<std::unique_ptr<QProcess>> children;
    for (int i = 0; i < coders; ++i) {
        auto child = std::make_unique<QProcess>();
        child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child->start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--team"), url, QStringLiteral("--team-coders"),
                      QString::number(coders), QStringLiteral("--team-commits"),
                      QString::number(commits), QStringLiteral("--team-pause"),
                      QString::number(m_options.teamPause), QStringLiteral("--team-child"),
                      QString::number(i)});
        children.push_back(std::move(child));
    }
    for (auto &child : children) {
        while (!child->canReadLine()) {
            if (!child->waitForReadyRead(60000))
                throw std::runtime_error("a team coder process did not start: "
                                         + child->errorString().toStdString());
        }
        if (child->readLine().trimmed() != "ready")
            throw std::runtime_error("a team coder process did not get ready");
    }
    say("team: coding");
    QElapsedTimer wall;
    wall.start();
    // Written out now: QProcess would otherwise wait for an event loop.
    for (auto &child : children) {
        child->write("go\n");
        child->waitForBytesWritten(10000);
    }
    const bool kill = m_options.teamKillAfter >= 0;
    if (kill) {
        QThread::msleep(ulong(m_options.teamKillAfter));
        say("team: killing the server");
        if (QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), m_options.teamStop}) != 0)
            throw std::runtime_error("--team-stop failed: " + m_options.teamStop.toStdString());
        QThread::msleep(ulong(m_options.teamDown));
        say("team: starting the server again");
        if (QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), m_options.teamStart}) != 0)
            throw std::runtime_error("--team-start failed: " + m_options.teamStart.toStdString());
    }
    QList<double> commitMs, seenMs;
    qint64 unseen = 0, twice = 0, refused = 0;
    double outageMs = 0;
    for (auto &child : children) {
        child->closeWriteChannel();
        if (!child->waitForFinished(-1) || child->exitStatus() != QProcess::NormalExit
            || child->exitCode() != 0)
            throw std::runtime_error("a team coder process failed");
        const QList<QByteArray> lines = child->readAllStandardOutput().split('\n');
        for (const QByteArray &l : lines) {
            if (l.startsWith("commit-ms"))
                commitMs << numbers(l);
            else if (l.startsWith("seen-ms"))
                seenMs << numbers(l);
            else if (l.startsWith("unseen "))
                unseen += l.mid(7).toLongLong();
            else if (l.startsWith("twice "))
                twice += l.mid(6).toLongLong();
            else if (l.startsWith("refused "))
                refused += l.mid(8).toLongLong();
            else if (l.startsWith("outage-ms "))
                outageMs = std::max(outageMs, l.mid(10).toDouble());
        }
    }
    const double seconds = double(wall.elapsed()) / 1000.0;

    say("team: checking what the project holds");
    QStringList planned;
    for (int i = 0; i < coders; ++i) {
        for (int j = 0; j < commits; ++j) {
            const NewAnnotation n = plan(i, j, layout.articles, layout.lengths, layout.codes);
            planned << line(n.uuid, n.start, n.end, n.codeIds);
        }
    }
    QStringList stored;
    QSet<QString> uuids;
    {
        auto session = ProjectSession::open(url);
        for (const Annotation &a : session->annotations().all()) {
            stored << line(a.uuid, a.start, a.end, a.codeIds);
            uuids.insert(a.uuid);
        }
    }
    const QSet<QString> want(planned.cbegin(), planned.cend());
    const QSet<QString> have(stored.cbegin(), stored.cend());
    const qsizetype lost = (want - have).size();
    const qsizetype extra = (have - want).size() + (stored.size() - uuids.size());

    QString rows = m_options.teamPause > 0
        ? QStringLiteral("%1 coders x %2 commits %3 ms apart").arg(coders).arg(commits).arg(m_options.teamPause)
        : QStringLiteral("%1 coders x %2 commits").arg(coders).arg(commits);
    if (kill)
        rows += QStringLiteral(", server killed after %1 ms").arg(m_options.teamKillAfter);
    Measurement integrity(QStringLiteral("team: %1, annotations lost or duplicated").arg(rows),
                          QStringLiteral("annotations"), 0, Measurement::Better::Lower);
    integrity.add(double(lost + extra));
    integrity.setNote(QStringLiteral("%1 of %2 annotations stored; checksum of (uuid, start, end, "
                                     "code) %3, planned %4")
                          .arg(stored.size())
                          .arg(planned.size())
                          .arg(checksum(stored), checksum(planned)));
    m_context.report.add(integrity);

    if (kill) {
        // The others' commits while it was down were never announced (the
        // app reads the project again on reconnecting): sightings are not
        // measured here.
        Measurement recovery(QStringLiteral("team: server killed, longest wait from a refused "
                                            "commit to its retry"),
                             QStringLiteral("ms"), m_options.teamDown + 10000,
                             Measurement::Better::Lower);
        recovery.add(outageMs);
        recovery.setNote(QStringLiteral("down for %1 ms; %2 commits refused while it was, all "
                                        "stored after reconnecting")
                             .arg(m_options.teamDown)
                             .arg(refused));
        m_context.report.add(recovery);
        m_context.report.addInfo(QStringLiteral("team: %1 against %2; %3 s of coding")
                                     .arg(rows, url)
                                     .arg(seconds, 0, 'f', 1));
        return lost == 0 && extra == 0 && planned.size() == stored.size() && refused > 0;
    }

    Measurement commit(QStringLiteral("team: commit one annotation, p99"), QStringLiteral("ms"), 10,
                       Measurement::Better::Lower);
    commit.add(percentile(commitMs, 99));
    commit.setNote(QStringLiteral("%1 commits by %2 processes at once: median %3 ms, max %4 ms; "
                                  "%5 commits/s in all")
                       .arg(commitMs.size())
                       .arg(coders)
                       .arg(percentile(commitMs, 50), 0, 'f', 2)
                       .arg(percentile(commitMs, 100), 0, 'f', 1)
                       .arg(double(commitMs.size()) / seconds, 0, 'f', 0));
    m_context.report.add(commit);

    Measurement seen(QStringLiteral("team: commit seen by each other coder, p99"),
                     QStringLiteral("ms"), 1000, Measurement::Better::Lower);
    seen.add(percentile(seenMs, 99));
    seen.setNote(QStringLiteral("%1 sightings (each commit by each other coder), from the "
                                "annotation's creation before its commit: median %2 ms")
                     .arg(seenMs.size())
                     .arg(percentile(seenMs, 50), 0, 'f', 1));
    m_context.report.add(seen);
    Measurement latest(QStringLiteral("team: commit seen by each other coder, max"),
                       QStringLiteral("ms"), 1000, Measurement::Better::Lower);
    latest.add(percentile(seenMs, 100));
    m_context.report.add(latest);
    Measurement missed(QStringLiteral("team: commits a coder never saw, or saw twice"),
                       QStringLiteral("sightings"), 0, Measurement::Better::Lower);
    missed.add(double(unseen + twice));
    missed.setNote(QStringLiteral("%1 never seen, %2 seen twice").arg(unseen).arg(twice));
    m_context.report.add(missed);

    m_context.report.addInfo(
        QStringLiteral("team: %1 against %2; %3 articles, %4 codes; %5 s of coding")
            .arg(rows, url)
            .arg(kArticles)
            .arg(kCodes)
            .arg(seconds, 0, 'f', 1));
    return lost == 0 && extra == 0 && unseen == 0 && twice == 0 && planned.size() == stored.size();
}
