// SemEval-2020 Task 11 (PTC) in and out: a hand-made fixture with a BOM,
// CRLF and emoji comes back byte for byte; bad files change nothing; the
// real training set (FRAMEWISE_PTC_DIR) round-trips when it is there.
#include "TestProject.h"
#include "base/ProjectError.h"
#include "exchange/OriginalLayout.h"
#include "exchange/PtcExporter.h"
#include "exchange/PtcImporter.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kFixture = QStringLiteral(FRAMEWISE_TEST_DATA "/ptc");

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QStringList sortedLines(const QByteArray &bytes)
{
    QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

// Everything an import could change, to show a refused one changed nothing.
QString fingerprint(ProjectSession &s)
{
    QString out = QStringLiteral("%1/%2/%3/%4/")
                      .arg(s.articles().count())
                      .arg(s.annotations().count())
                      .arg(s.codebook().codes().size())
                      .arg(s.offsetMaps().maps(QStringLiteral("ptc")).size());
    for (const Annotation &a : s.annotations().all())
        out += a.uuid + QLatin1Char(',');
    return out;
}

} // namespace

class TestExchangePtc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void layoutMapsBothWays();
    void importsTheFixture();
    void exportsTheOriginalOffsetsExactly();
    void importingTwiceChangesNothing();
    void undoingADeletionKeepsTheOriginalOffsets();
    void refusesBadInput_data();
    void refusesBadInput();
    void cancelKeepsNothing();
    void realCorpusRoundTrip();

private:
    std::unique_ptr<ProjectSession> newProject();
    QTemporaryDir m_dir;
    TestProject m_project;
    int m_projects = 0;
};

void TestExchangePtc::init()
{
    QVERIFY(m_dir.isValid());
    REQUIRE_BACKEND(m_project);
}

std::unique_ptr<ProjectSession> TestExchangePtc::newProject()
{
    auto s = ProjectSession::open(
        m_project.location(QStringLiteral("p%1.framewise").arg(++m_projects)),
        ProjectSession::OpenMode::CreateIfMissing);
    s->coders().setCurrent(QStringLiteral("ana"));
    return s;
}

void TestExchangePtc::layoutMapsBothWays()
{
    // BOM, a CRLF, an emoji, a lone CR.
    const QString original = QStringLiteral("\uFEFFab\r\nc\U0001F600d\re");
    QString stored;
    const OriginalLayout layout = OriginalLayout::fromOriginal(original, &stored);
    QCOMPARE(stored, QStringLiteral("ab\nc\U0001F600d\ne"));
    QCOMPARE(layout.original(stored), original);
    // original code points: 0 BOM, 1 a, 2 b, 3 CR, 4 LF, 5 c, 6 emoji, 7 d, 8 CR, 9 e
    QCOMPARE(layout.toStored(0), 0);
    QCOMPARE(layout.toStored(1), 0);
    QCOMPARE(layout.toStored(3), 2);
    QCOMPARE(layout.toStored(4), 2); // between CR and LF: the LF
    QCOMPARE(layout.toStored(5), 3);
    QCOMPARE(layout.toStored(7), 5);
    QCOMPARE(layout.toStored(10), 8);
    QCOMPARE(layout.toOriginal(0), 1);
    QCOMPARE(layout.toOriginal(2), 3);
    QCOMPARE(layout.toOriginal(3), 5);
    QCOMPARE(layout.toOriginal(8), 10);
    const OriginalLayout back = OriginalLayout::fromJson(layout.toJson());
    QCOMPARE(back.original(stored), original);
    QCOMPARE(back.toStored(7), 5);
}

void TestExchangePtc::importsTheFixture()
{
    auto s = newProject();
    const ExchangeReport r = PtcImporter::run(*s, {kFixture});
    QCOMPARE(r.sourcesAdded, 2);
    QCOMPARE(r.annotationsAdded, 8);
    QCOMPARE(r.codesAdded, 14); // the starter codebook
    QVERIFY2(r.text().contains(QStringLiteral("BOM or CR")), qPrintable(r.text()));
    QCOMPARE(s->articles().count(), 2);
    // Stored text: no BOM, no CR; quotes are cut from it by code points.
    QStringList quotes;
    for (const Annotation &a : s->annotations().all()) {
        const auto article = s->articles().get(a.articleId);
        QVERIFY(!article->text.contains(QLatin1Char('\r')));
        QVERIFY(!article->text.startsWith(QChar(0xFEFF)));
        quotes << a.quote;
    }
    QVERIFY(quotes.contains(QStringLiteral("A flag \U0001F600")));
    QVERIFY(quotes.contains(QStringLiteral("corrupt elite")));
    QVERIFY(quotes.contains(QStringLiteral("\U0001F1FA\U0001F1F3 flags")));
    QVERIFY(quotes.contains(QStringLiteral("e\u0301 marks")));
    QVERIFY(quotes.contains(QStringLiteral("Trust only us")));
    const auto code
        = s->codebook().codeByName(QStringLiteral("Whataboutism, straw man, red herring"));
    QVERIFY(code);
    QCOMPARE(s->annotations().forCode(code->id).size(), 1);
    QCOMPARE(s->annotations().forCode(code->id).constFirst().quote,
             QStringLiteral("What about them?"));
}

void TestExchangePtc::exportsTheOriginalOffsetsExactly()
{
    auto s = newProject();
    PtcImporter::run(*s, {kFixture});
    const QString out = m_dir.filePath(QStringLiteral("out-exact"));
    const ExchangeReport r = PtcExporter::run(*s, out);
    QCOMPARE(r.annotationsWritten, 8);
    QCOMPARE(
        sortedLines(bytesOf(out + QStringLiteral("/task2-TC.labels"))),
        sortedLines(bytesOf(
            kFixture + QStringLiteral("/train-labels-task2-technique-classification.labels"))));
    // The articles themselves come back byte for byte: BOM and CRLF too.
    for (const char *name : {"article1001.txt", "article1002.txt"})
        QCOMPARE(bytesOf(out + QLatin1Char('/') + QLatin1String(name)),
                 bytesOf(kFixture + QLatin1Char('/') + QLatin1String(name)));
    // Span identification: the overlapping "corrupt" and "corrupt elite" merge.
    const QStringList si = sortedLines(bytesOf(out + QStringLiteral("/task1-SI.labels")));
    QCOMPARE(si.size(), 7);
    QVERIFY(si.contains(QStringLiteral("1001\t33\t46")));
    // Round trip through a second project: the same stored spans.
    auto t = newProject();
    PtcImporter::run(*t, {out});
    QCOMPARE(t->annotations().count(), 8);
    const QString again = m_dir.filePath(QStringLiteral("out-again"));
    PtcExporter::run(*t, again);
    QCOMPARE(bytesOf(again + QStringLiteral("/task2-TC.labels")),
             bytesOf(out + QStringLiteral("/task2-TC.labels")));
}

void TestExchangePtc::undoingADeletionKeepsTheOriginalOffsets()
{
    auto s = newProject();
    PtcImporter::run(*s, {kFixture});
    const QHash<qint64, OriginalSpan> spans = s->offsetMaps().originalSpans();
    QVERIFY2(!spans.isEmpty(), "the fixture has a span the layout alone cannot give back");
    const QString labels
        = kFixture + QStringLiteral("/train-labels-task2-technique-classification.labels");

    // One annotation deleted and restored (as undo does) keeps its offsets.
    const AnnotationRecord one = s->annotations().remove(spans.cbegin().key());
    QVERIFY(one.originalSpan);
    QVERIFY(!s->offsetMaps().originalSpans().contains(one.annotation.id));
    s->annotations().restore(one);
    QCOMPARE(s->offsetMaps().originalSpans().size(), spans.size());

    // Every article deleted and restored keeps its map and original spans.
    QList<qint64> ids;
    for (const ArticleSummary &a : s->articles().summaries())
        ids.append(a.id);
    const ArticleDeletion d = s->articles().remove(ids);
    QCOMPARE(d.offsetMaps.size(), 2);
    QVERIFY(s->offsetMaps().maps(QStringLiteral("ptc")).isEmpty());
    QVERIFY(s->offsetMaps().originalSpans().isEmpty());
    s->articles().restore(d);
    QCOMPARE(s->offsetMaps().maps(QStringLiteral("ptc")).size(), 2);
    QCOMPARE(s->offsetMaps().originalSpans().size(), spans.size());
    const QString out = m_dir.filePath(QStringLiteral("out-restored"));
    PtcExporter::run(*s, out);
    QCOMPARE(sortedLines(bytesOf(out + QStringLiteral("/task2-TC.labels"))),
             sortedLines(bytesOf(labels)));
}

void TestExchangePtc::importingTwiceChangesNothing()
{
    auto s = newProject();
    PtcImporter::run(*s, {kFixture});
    const QString before = fingerprint(*s);
    const ExchangeReport r = PtcImporter::run(*s, {kFixture});
    QCOMPARE(r.sourcesAdded, 0);
    QCOMPARE(r.sourcesKept, 2);
    QCOMPARE(r.annotationsAdded, 0);
    QCOMPARE(r.annotationsKept, 8);
    QCOMPARE(r.codesAdded, 0);
    QCOMPARE(fingerprint(*s), before);
}

void TestExchangePtc::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<QByteArray>("article");
    QTest::addColumn<QString>("message");
    const QByteArray good = "Title\n\nSome text here.\n";
    QTest::newRow("outside") << QByteArray("7\tDoubt\t3\t99\n") << good
                             << QStringLiteral("line 1: the span 3–99 lies outside");
    QTest::newRow("no article") << QByteArray("7\tDoubt\t0\t3\n8\tDoubt\t0\t3\n") << good
                                << QStringLiteral("line 2: no file article8.txt");
    QTest::newRow("not a number") << QByteArray("7\tDoubt\tx\t3\n") << good
                                  << QStringLiteral("line 1: “x” is not an offset");
    QTest::newRow("fields") << QByteArray("7 Doubt 0 3\n") << good
                            << QStringLiteral("line 1: expected ID<TAB>");
    QTest::newRow("backwards") << QByteArray("7\tDoubt\t5\t3\n") << good
                               << QStringLiteral("ends before it starts");
    QTest::newRow("invalid UTF-8")
        << QByteArray("7\tDoubt\t0\t3\n") << QByteArray("Ti\xff\xfe tle\n")
        << QStringLiteral("article7.txt: not valid UTF-8");
}

void TestExchangePtc::refusesBadInput()
{
    QFETCH(QByteArray, labels);
    QFETCH(QByteArray, article);
    QFETCH(QString, message);
    const QString folder = m_dir.filePath(QStringLiteral("bad-%1").arg(QTest::currentDataTag()));
    QDir().mkpath(folder);
    QFile a(folder + QStringLiteral("/article7.txt"));
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write(article);
    a.close();
    QFile l(folder + QStringLiteral("/x.labels"));
    QVERIFY(l.open(QIODevice::WriteOnly));
    l.write(labels);
    l.close();
    auto s = newProject();
    PtcImporter::run(*s, {kFixture});
    const QString before = fingerprint(*s);
    try {
        PtcImporter::run(*s, {folder});
        QFAIL("the import was not refused");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QVERIFY2(e.message().contains(folder), qPrintable(e.message()));
    }
    QCOMPARE(fingerprint(*s), before);
}

void TestExchangePtc::cancelKeepsNothing()
{
    auto s = newProject();
    const QString before = fingerprint(*s);
    ExchangeOptions options;
    options.progress = [](int done, int) { return done < 4; };
    const ExchangeReport r = PtcImporter::run(*s, {kFixture}, options);
    QVERIFY(r.cancelled);
    QCOMPARE(fingerprint(*s), before);
}

void TestExchangePtc::realCorpusRoundTrip()
{
    const QString dir = qEnvironmentVariable("FRAMEWISE_PTC_DIR");
    if (dir.isEmpty())
        QSKIP("FRAMEWISE_PTC_DIR is not set: the real PTC training set (train-articles and "
              "train-labels-task2-technique-classification of SemEval-2020 Task 11) is absent, "
              "so its round trip was not checked (the fixture tests above ran)");
    const QString articles = dir + QStringLiteral("/train-articles");
    const QString labels = dir + QStringLiteral("/train-labels-task2-technique-classification");
    QVERIFY2(QDir(articles).exists() && QDir(labels).exists(),
             qPrintable(QStringLiteral("FRAMEWISE_PTC_DIR=%1 lacks train-articles or "
                                       "train-labels-task2-technique-classification")
                            .arg(dir)));
    auto s = newProject();
    const ExchangeReport r = PtcImporter::run(*s, {articles, labels});
    QCOMPARE(r.sourcesAdded, 371);
    QCOMPARE(r.annotationsAdded, 6129);
    QByteArray original;
    QDirIterator it(labels, QDir::Files);
    while (it.hasNext())
        original += bytesOf(it.next());
    const QString out = m_dir.filePath(QStringLiteral("ptc-out"));
    PtcExporter::run(*s, out);
    const QStringList exported = sortedLines(bytesOf(out + QStringLiteral("/task2-TC.labels")));
    QCOMPARE(exported.size(), 6129);
    QCOMPARE(exported, sortedLines(original));
    QDirIterator files(articles, QDir::Files);
    while (files.hasNext()) {
        const QString path = files.next();
        QCOMPARE(bytesOf(out + QLatin1Char('/') + QFileInfo(path).fileName()), bytesOf(path));
    }
    // A second import of the same files adds nothing.
    const ExchangeReport again = PtcImporter::run(*s, {articles, labels});
    QCOMPARE(again.annotationsAdded, 0);
    QCOMPARE(again.annotationsKept, 6129);
}

QTEST_GUILESS_MAIN(TestExchangePtc)
#include "tst_exchange_ptc.moc"
