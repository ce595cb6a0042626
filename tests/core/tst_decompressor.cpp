// gzip through KArchive with limits: round trips, broken streams and real
// gzip bombs generated here.
#include "TestHttpServer.h"
#include "base/Decompressor.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDecompressor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void concatenatedMembers();
    void brokenStreams_data();
    void brokenStreams();
    void smallRepetitiveFileIsNoBomb();
    void bombStopsAtTheRatio();
    void largeOutputStopsAt64MiB();
    void readFile();
};

void TestDecompressor::roundTrip()
{
    const QByteArray text = "<html><body><p>hello gzip \xE2\x9C\x93</p></body></html>";
    const QByteArray packed = TestHttpServer::gzip(text);
    QVERIFY(Decompressor::isGzip(packed));
    QVERIFY(!Decompressor::isGzip(text));
    QString error = u"stale"_s;
    QCOMPARE(Decompressor::gunzip(packed, u"page.html.gz"_s, &error), text);
    QVERIFY(error.isEmpty());
}

void TestDecompressor::concatenatedMembers()
{
    const QByteArray packed = TestHttpServer::gzip("first, ") + TestHttpServer::gzip("second");
    QString error;
    QCOMPARE(Decompressor::gunzip(packed, u"two.gz"_s, &error), QByteArray("first, second"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDecompressor::brokenStreams_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("problem");
    QByteArray text;
    for (int i = 0; i < 2000; ++i)
        text += "Paragraph " + QByteArray::number(i) + " of a story that was cut off.\n";
    const QByteArray packed = TestHttpServer::gzip(text);
    QTest::newRow("cut in half") << packed.left(packed.size() / 2) << u"truncated"_s;
    QTest::newRow("trailer missing") << packed.chopped(4) << u"truncated"_s;
    QTest::newRow("header only") << QByteArray("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10)
                                 << u"truncated"_s;
    QTest::newRow("magic only") << QByteArray("\x1f\x8b") << u"truncated"_s;
    QTest::newRow("not deflate") << QByteArray("\x1f\x8bnot really gzip at all") << u"corrupt"_s;
    QByteArray flipped = packed;
    for (qsizetype i = 100; i < 140; ++i)
        flipped[i] = char(~flipped[i]);
    QTest::newRow("corrupt middle") << flipped << u"corrupt"_s;
}

void TestDecompressor::brokenStreams()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, problem);
    QString error;
    const QByteArray out = Decompressor::gunzip(data, u"story.txt.gz"_s, &error);
    QVERIFY(out.isEmpty());
    QVERIFY2(error.startsWith(u"story.txt.gz: "_s), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
}

// 900 KB of zeros are ~1000:1, but under 1 MiB of output the ratio is free.
void TestDecompressor::smallRepetitiveFileIsNoBomb()
{
    const QByteArray packed = TestHttpServer::gzipZeros(900 * 1024);
    QVERIFY(packed.size() * Decompressor::kMaxRatio < 900 * 1024);
    QString error;
    QCOMPARE(Decompressor::gunzip(packed, u"zeros.gz"_s, &error).size(), 900 * 1024);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDecompressor::bombStopsAtTheRatio()
{
    const QByteArray bomb = TestHttpServer::gzipZeros(200 * 1000 * 1000);
    QVERIFY(bomb.size() < 1024 * 1024);
    QString error;
    QVERIFY(Decompressor::gunzip(bomb, u"bomb.html.gz"_s, &error).isEmpty());
    QCOMPARE(error,
             u"bomb.html.gz: expands more than 100 times its compressed size; refusing a "
             u"possible gzip bomb"_s);
}

// Text that compresses about 10:1 passes the ratio; 65 MiB of it is still
// refused at 64 MiB.
void TestDecompressor::largeOutputStopsAt64MiB()
{
    QByteArray text;
    text.reserve(65 * 1024 * 1024 + 100);
    for (int i = 0; text.size() <= 65 * 1024 * 1024; ++i)
        text += "Line " + QByteArray::number(i * 7919 % 1000003) + " of a very long file.\n";
    const QByteArray packed = TestHttpServer::gzip(text);
    QVERIFY(packed.size() * Decompressor::kMaxRatio > text.size());
    QString error;
    QVERIFY(Decompressor::gunzip(packed, u"huge.txt.gz"_s, &error).isEmpty());
    QCOMPARE(error, u"huge.txt.gz: expands beyond 64 MiB; refusing a possible gzip bomb"_s);
    // Just under the limit is fine.
    text.truncate(Decompressor::kMaxOutput);
    QCOMPARE(Decompressor::gunzip(TestHttpServer::gzip(text), u"big.txt.gz"_s, &error).size(),
             Decompressor::kMaxOutput);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDecompressor::readFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &name, const QByteArray &data) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    };
    const QByteArray text = "<p>saved page</p>";
    write(u"plain.html"_s, text);
    write(u"packed.html.gz"_s, TestHttpServer::gzip(text));
    write(u"bomb.html.gz"_s, TestHttpServer::gzipZeros(200 * 1000 * 1000));
    write(u"cut.html.gz"_s, TestHttpServer::gzip(text).chopped(6));

    QString error;
    QCOMPARE(Decompressor::readFile(dir.filePath(u"plain.html"_s), &error), text);
    QVERIFY(error.isEmpty());
    QCOMPARE(Decompressor::readFile(dir.filePath(u"packed.html.gz"_s), &error), text);
    QVERIFY(error.isEmpty());
    QVERIFY(Decompressor::readFile(dir.filePath(u"bomb.html.gz"_s), &error).isEmpty());
    QVERIFY2(error.startsWith(dir.filePath(u"bomb.html.gz"_s)) && error.contains(u"gzip bomb"_s),
             qPrintable(error));
    QVERIFY(Decompressor::readFile(dir.filePath(u"cut.html.gz"_s), &error).isEmpty());
    QVERIFY2(error.contains(u"truncated"_s), qPrintable(error));
    QVERIFY(Decompressor::readFile(u"/nonexistent/file.html.gz"_s, &error).isEmpty());
    QVERIFY2(error.startsWith(u"/nonexistent/file.html.gz: cannot be read"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDecompressor)
#include "tst_decompressor.moc"
