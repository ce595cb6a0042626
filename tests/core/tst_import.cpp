// Import, first version: each format and each bad input. A bad file is
// refused with a message naming it; the other files still go in.
#include "TestHttpServer.h"
#include "TestProject.h"
#include "import/ArticleImporter.h"
#include "store/ProjectSession.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <new>

namespace {
QString writeFile(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}
} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void formats_data();
    void formats();
    void refusals_data();
    void refusals();
    void mixedImportKeepsGoodFiles();
    void folderIsWalkedRecursively();
    void duplicatesAreReportedNotStored();
    void sampleArticleImportsExactly();
    void titleFromLongFirstLine();
    void gzipFoldersAndCancel();
    void htmlFileKeepsItsPage();
    void manyBatchesReadAheadInOrder();
    void markdownBecomesPlainText();
    void gzipBombsAndBrokenGzipAreRefused();
    void hugeFileIsRefusedClearly();
    void outOfMemoryIsAPerFileError();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
};

void TestImport::init()
{
    m_session.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("p.framewise")),
                                     ProjectSession::OpenMode::CreateIfMissing);
}

void TestImport::formats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("text");

    const QString body = QStringLiteral("Kim praised the “heroes”.\nMoscow — and Pyongyang — agreed.");
    QTest::newRow("utf-8") << "a.txt" << (QStringLiteral("Title line\n") + body).toUtf8()
                           << "Title line" << QStringLiteral("Title line\n") + body;
    QTest::newRow("utf-8 bom crlf") << "b.txt"
                                    << QByteArray("\xEF\xBB\xBF") + QStringLiteral("Héllo\r\nworld\r\n").toUtf8()
                                    << "Héllo" << "Héllo\nworld";
    QByteArray utf16le("\xFF\xFE", 2);
    const QString u16 = QStringLiteral("北朝鮮\r\nsecond 😀");
    utf16le.append(reinterpret_cast<const char *>(u16.utf16()), u16.size() * 2);
    QTest::newRow("utf-16le bom") << "c.txt" << utf16le << "北朝鮮" << "北朝鮮\nsecond 😀";
    QTest::newRow("windows-1252") << "d.txt" << QByteArray("\x93Quoted\x94 caf\xE9\rnext")
                                  << "“Quoted” café" << "“Quoted” café\nnext";
    QTest::newRow("markdown") << "e.md" << QByteArray("# Heading here\n\nSome *text*.\n")
                              << "Heading here"
                              << "Heading here\nSome text.";
    QTest::newRow("markdown.gz") << "e2.md.gz"
                                 << TestHttpServer::gzip("Setext title\n===\n\n- a\n- b\n")
                                 << "Setext title"
                                 << "Setext title\na\nb";
    QTest::newRow("html") << "f.html"
                          << QByteArray("<html lang=en><head><title>Page &amp; title</title>"
                                        "<style>p{}</style><script>var x=1;</script></head>"
                                        "<body><h1>Head</h1><p>First &ldquo;para&rdquo;.</p>"
                                        "<p>Second<br>line</p></body></html>")
                          << "Page & title" << "First “para”.\n\nSecond\nline";
    // The main text only: navigation and footer go; the metadata is kept.
    const QByteArray page("<html lang=de><head><meta charset=utf-8><title>Seite</title>"
                          "<meta property='og:title' content='Der Titel'></head><body>"
                          "<nav><a href=/>Start</a> <a href=/a>Politik</a></nav><article>"
                          "<p>Der erste Absatz des Artikels hat genug Wörter, um als Text zu gelten.</p>"
                          "<p>Der zweite Absatz folgt.</p></article>"
                          "<footer>Impressum</footer></body></html>");
    const QString pageText = QStringLiteral("Der erste Absatz des Artikels hat genug Wörter, um als Text "
                                            "zu gelten.\n\nDer zweite Absatz folgt.");
    QTest::newRow("html article") << "g.html" << page << "Der Titel" << pageText;
    QTest::newRow("html.gz") << "h.html.gz" << TestHttpServer::gzip(page) << "Der Titel" << pageText;
    QTest::newRow("txt.gz") << "i.txt.gz" << TestHttpServer::gzip("Zipped title\nbody")
                            << "Zipped title" << "Zipped title\nbody";
}

void TestImport::formats()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, title);
    QFETCH(QString, text);
    const QString path = writeFile(QDir(m_dir->path()), name, bytes);
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({path});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes[0].status == ImportOutcome::Status::Imported, qPrintable(outcomes[0].message));
    const auto article = m_session->articles().get(outcomes[0].articleId);
    QVERIFY(article);
    QCOMPARE(article->title, title);
    QCOMPARE(article->text, text);
    QCOMPARE(article->origin, QFileInfo(path).absoluteFilePath());
    QVERIFY(!article->text.contains(QLatin1Char('\r')));
}

void TestImport::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << "empty.txt" << QByteArray() << "empty";
    QTest::newRow("whitespace") << "blank.txt" << QByteArray(" \n\n \t\n") << "empty";
    QTest::newRow("png") << "picture.txt"
                         << QByteArray::fromHex("89504e470d0a1a0a0000000d494844520000001000000010080600000000")
                         << "binary";
    QTest::newRow("html without text") << "empty.html"
                                       << QByteArray("<html><head><script>x()</script></head><body> </body></html>")
                                       << "no text";
}

void TestImport::refusals()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = writeFile(QDir(m_dir->path()), name, bytes);
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({path});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Failed);
    QVERIFY2(outcomes[0].message.contains(name), qPrintable(outcomes[0].message));
    QVERIFY2(outcomes[0].message.contains(expected, Qt::CaseInsensitive), qPrintable(outcomes[0].message));
    QCOMPARE(m_session->articles().count(), 0);
}

void TestImport::mixedImportKeepsGoodFiles()
{
    const QDir dir(m_dir->path());
    const QString good1 = writeFile(dir, QStringLiteral("one.txt"), "First article\nbody");
    const QString bad = writeFile(dir, QStringLiteral("bad.bin"), QByteArray("\x00\x01\x02\x03\x00\xff", 6));
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    const QString good2 = writeFile(dir, QStringLiteral("two.txt"), "Second article\nbody");
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({good1, bad, missing, good2});
    QCOMPARE(outcomes.size(), 4);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[1].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[2].status, ImportOutcome::Status::Failed);
    QVERIFY(outcomes[2].message.contains(QStringLiteral("missing.txt")));
    QCOMPARE(outcomes[3].status, ImportOutcome::Status::Imported);
    QCOMPARE(m_session->articles().count(), 2);
}

void TestImport::folderIsWalkedRecursively()
{
    const QDir dir(m_dir->path());
    writeFile(dir, QStringLiteral("corpus/a.txt"), "A text");
    writeFile(dir, QStringLiteral("corpus/sub/b.md"), "B text");
    writeFile(dir, QStringLiteral("corpus/sub/deeper/c.htm"), "<p>C text</p>");
    writeFile(dir, QStringLiteral("corpus/sub/notes.pdf"), "%PDF-1.4");
    int lastDone = 0, lastTotal = 0;
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({dir.filePath(QStringLiteral("corpus"))},
                                               [&](int done, int total) {
                                                   lastDone = done;
                                                   lastTotal = total;
                                               });
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(m_session->articles().count(), 3);
    QCOMPARE(lastDone, 3);
    QCOMPARE(lastTotal, 3);
    // An empty folder is reported, not silently ignored.
    QDir().mkpath(dir.filePath(QStringLiteral("nothing")));
    const auto none = importer.importPaths({dir.filePath(QStringLiteral("nothing"))});
    QCOMPARE(none.size(), 1);
    QCOMPARE(none[0].status, ImportOutcome::Status::Failed);
}

void TestImport::duplicatesAreReportedNotStored()
{
    const QDir dir(m_dir->path());
    const QString a = writeFile(dir, QStringLiteral("a.txt"), "Same text\n");
    const QString b = writeFile(dir, QStringLiteral("b.txt"), "Same text\r\n");
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({a, b});
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[1].status, ImportOutcome::Status::Duplicate);
    QCOMPARE(outcomes[1].articleId, outcomes[0].articleId);
    QVERIFY(outcomes[1].message.contains(QStringLiteral("b.txt")));
    QCOMPARE(m_session->articles().count(), 1);
}

void TestImport::sampleArticleImportsExactly()
{
    const QString sample = QStringLiteral(FRAMEWISE_SOURCE_DIR "/resources/samples/kim-jong-un-ukraine-korean-security.txt");
    QFile f(sample);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString expected = QString::fromUtf8(f.readAll()).trimmed();
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({sample});
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Imported);
    QCOMPARE(m_session->articles().get(outcomes[0].articleId)->text, expected);
}

void TestImport::titleFromLongFirstLine()
{
    const QString line = QStringLiteral("word ").repeated(60);
    const QString title = ArticleImporter::titleFromText(QStringLiteral("\n\n") + line + QStringLiteral("\nrest"));
    QVERIFY(title.size() <= 151);
    QVERIFY(title.endsWith(QStringLiteral("…")));
    QVERIFY(title.startsWith(QStringLiteral("word word")));
}


void TestImport::gzipFoldersAndCancel()
{
    const QDir dir(m_dir->path());
    writeFile(dir, QStringLiteral("zipped/a.txt.gz"), TestHttpServer::gzip("A zipped text"));
    writeFile(dir, QStringLiteral("zipped/sub/b.html.gz"),
              TestHttpServer::gzip("<html><body><p>B zipped page</p></body></html>"));
    writeFile(dir, QStringLiteral("zipped/sub/c.pdf.gz"), TestHttpServer::gzip("%PDF-1.4"));
    writeFile(dir, QStringLiteral("zipped/sub/d.txt.gz"), QByteArray("\x1f\x8b\x08\x00broken", 12));
    writeFile(dir, QStringLiteral("zipped/e.md"), "E text");
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({dir.filePath(QStringLiteral("zipped"))});
    QCOMPARE(outcomes.size(), 4); // the .pdf.gz is not an article
    QCOMPARE(m_session->articles().count(), 3);
    for (const ImportOutcome &o : outcomes) {
        if (o.path.endsWith(QLatin1String("d.txt.gz"))) {
            QCOMPARE(o.status, ImportOutcome::Status::Failed);
            QVERIFY2(o.message.contains(QLatin1String("d.txt.gz")) && o.message.contains(QLatin1String("gzip")),
                     qPrintable(o.message));
        }
    }

    // Cancelling from the progress callback stores what was read and stops.
    for (int i = 0; i < 10; ++i)
        writeFile(dir, QStringLiteral("many/%1.txt").arg(i), QStringLiteral("Article number %1").arg(i).toUtf8());
    ArticleImporter cancelling(*m_session);
    int calls = 0;
    const auto some = cancelling.importPaths({dir.filePath(QStringLiteral("many"))}, [&](int done, int total) {
        ++calls;
        QCOMPARE(total, 10);
        if (done == 3)
            cancelling.cancel();
    });
    QVERIFY(cancelling.wasCancelled());
    QCOMPARE(calls, 3);
    QCOMPARE(some.size(), 3);
    QCOMPARE(m_session->articles().count(), 6);
}

void TestImport::manyBatchesReadAheadInOrder()
{
    // More files than one batch: the next batch is read (and hashed) on
    // another thread while this one is stored. Order, hashes, duplicate
    // detection and cancelling must come out as with one thread.
    const QDir dir(m_dir->path());
    const int n = 1234;
    for (int i = 0; i < n; ++i)
        writeFile(dir, QStringLiteral("batches/%1.txt").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("Dispatch %1 — Pyongyang 😀 평양").arg(i).toUtf8());
    writeFile(dir, QStringLiteral("batches/0500-broken.txt"), QByteArray("\x00\x01binary", 8));
    const QString folder = dir.filePath(QStringLiteral("batches"));
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({folder});
    QCOMPARE(outcomes.size(), n + 1);
    qint64 lastId = 0;
    for (int i = 0; i < outcomes.size(); ++i) {
        const ImportOutcome &o = outcomes[i];
        if (o.path.endsWith(QLatin1String("0500-broken.txt"))) {
            QCOMPARE(o.status, ImportOutcome::Status::Failed);
            continue;
        }
        QCOMPARE(o.status, ImportOutcome::Status::Imported);
        QVERIFY(o.articleId > lastId);
        lastId = o.articleId;
        const Article a = *m_session->articles().get(o.articleId);
        QCOMPARE(QFileInfo(o.path).fileName(), QFileInfo(a.origin).fileName());
        QCOMPARE(a.contentHash, ArticleRepository::contentHash(a.text));
    }
    QCOMPARE(m_session->articles().count(), n);

    // Again: every one a duplicate, found through the hash read ahead.
    const auto again = ArticleImporter(*m_session).importPaths({folder});
    QCOMPARE(std::count_if(again.begin(), again.end(),
                           [](const ImportOutcome &o) { return o.status == ImportOutcome::Status::Duplicate; }),
             n);
    QCOMPARE(m_session->articles().count(), n);

    // Cancelled in the second batch: what came before is stored, no more.
    for (int i = 0; i < n; ++i)
        writeFile(dir, QStringLiteral("more/%1.txt").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("Another dispatch %1").arg(i).toUtf8());
    ArticleImporter cancelling(*m_session);
    const auto some = cancelling.importPaths({dir.filePath(QStringLiteral("more"))}, [&](int done, int) {
        if (done == 700)
            cancelling.cancel();
    });
    QVERIFY(cancelling.wasCancelled());
    QCOMPARE(some.size(), 700);
    QCOMPARE(m_session->articles().count(), n + 700);
}

void TestImport::htmlFileKeepsItsPage()
{
    const QByteArray page("<html><head><title>T</title></head><body><p>Kept page</p></body></html>");
    const QString path = writeFile(QDir(m_dir->path()), QStringLiteral("kept.html"), page);
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({path});
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Imported);
    const auto source = m_session->articles().source(outcomes[0].articleId);
    QVERIFY(source);
    QCOMPARE(source->html, page);
    QCOMPARE(source->url, QFileInfo(path).absoluteFilePath());
    // Plain text files have no page to keep.
    const QString txt = writeFile(QDir(m_dir->path()), QStringLiteral("plain.txt"), "Plain");
    QVERIFY(!m_session->articles().source(importer.importPaths({txt})[0].articleId));
}

// The markup never enters the text; what a reader sees does, line by line.
void TestImport::markdownBecomesPlainText()
{
    const QByteArray markdown = R"(# Peace talks 🕊 resume in 서울

Negotiators met on **Friday**, officials said — see [the statement](https://example.com/statement "Statement")
and <https://example.org/x>.

- First point with `code`
- Second 和平会谈 point 👍🏽
  1. nested *item*

> A quote with _emphasis_ &amp; an entity&nbsp;here.

```cpp
int main() {
    return 0;
}
```

| Party | Seats |
|-------|------:|
| North | 12 |

![photo of delegates](img.jpg)

<div class="note">Visible <b>note</b><script>hidden()</script></div>

Line one\
Line two ~~struck~~ after a <em>hard</em> break.

## Later heading
)";
    const QString path = writeFile(QDir(m_dir->path()), QStringLiteral("talks.md"), markdown);
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({path});
    QVERIFY2(outcomes[0].status == ImportOutcome::Status::Imported,
             qPrintable(outcomes[0].message));
    const Article a = *m_session->articles().get(outcomes[0].articleId);
    QCOMPARE(a.title, QStringLiteral("Peace talks 🕊 resume in 서울"));
    QCOMPARE(a.text,
             QStringLiteral("Peace talks 🕊 resume in 서울\n"
                            "Negotiators met on Friday, officials said — see the statement "
                            "and https://example.org/x.\n"
                            "First point with code\n"
                            "Second 和平会谈 point 👍🏽\n"
                            "nested item\n"
                            "A quote with emphasis & an entity here.\n"
                            "int main() {\n"
                            "    return 0;\n"
                            "}\n"
                            "Party Seats\n"
                            "North 12\n"
                            "Visible note\n"
                            "Line one\n"
                            "Line two struck after a hard break.\n"
                            "Later heading"));
    for (const char *markup :
         {"**", "](", "example.com", "`", "<", ">", "|", "#", "~~", "img.jpg", "photo"})
        QVERIFY2(!a.text.contains(QLatin1String(markup)), markup);

    // Without a heading first, the first line is the title as for text files.
    const QString plain = writeFile(QDir(m_dir->path()), QStringLiteral("plain.md"),
                                    "Opening *words* here\n\n# A heading later\n");
    const auto second = importer.importPaths({plain});
    QCOMPARE(m_session->articles().get(second[0].articleId)->title, QStringLiteral("Opening words here"));
}

// A gzip bomb is refused with the limit named; the other files go in.
void TestImport::gzipBombsAndBrokenGzipAreRefused()
{
    const QDir dir(m_dir->path());
    QByteArray text;
    for (int i = 0; i < 500; ++i)
        text += "Sentence " + QByteArray::number(i) + " of a long report.\n";
    const QString bomb = writeFile(dir, QStringLiteral("bomb.html.gz"),
                                   TestHttpServer::gzipZeros(200 * 1000 * 1000));
    const QString cut
        = writeFile(dir, QStringLiteral("cut.txt.gz"), TestHttpServer::gzip(text).chopped(10));
    const QString good = writeFile(dir, QStringLiteral("good.txt.gz"), TestHttpServer::gzip(text));
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({bomb, cut, good});
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[0].message,
             QDir::toNativeSeparators(bomb)
                 + QStringLiteral(": expands more than 100 times its compressed size; refusing a "
                                  "possible gzip bomb"));
    QCOMPARE(outcomes[1].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[1].message,
             QDir::toNativeSeparators(cut) + QStringLiteral(": the gzip data is truncated"));
    QCOMPARE(outcomes[2].status, ImportOutcome::Status::Imported);
    QCOMPARE(m_session->articles().count(), 1);
}

void TestImport::hugeFileIsRefusedClearly()
{
    QFile huge(m_dir->filePath(QStringLiteral("huge.txt")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(ArticleImporter::maxFileSize + 1)); // sparse: no 64 MiB written
    huge.close();
    ArticleImporter importer(*m_session);
    const auto outcomes = importer.importPaths({huge.fileName()});
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[0].message,
             QDir::toNativeSeparators(huge.fileName())
                 + QStringLiteral(": too large to import (64 MB; the limit is 64 MB)"));
    QCOMPARE(m_session->articles().count(), 0);
}

// std::bad_alloc while one file is read is that file's error: the import
// goes on, and nothing of that file is stored.
void TestImport::outOfMemoryIsAPerFileError()
{
    const QDir dir(m_dir->path());
    const QString before = writeFile(dir, QStringLiteral("before.txt"), "Before\nbody");
    const QString huge = writeFile(dir, QStringLiteral("huge.md"), "# Huge\n\ntext");
    const QString after = writeFile(dir, QStringLiteral("after.txt"), "After\nbody");
    ArticleImporter importer(*m_session);
    importer.setFileReader([&huge](const QString &path) -> std::variant<WebArticle, QString> {
        auto read = ArticleImporter::readFileWithSource(path);
        if (path == huge)
            throw std::bad_alloc(); // as decoding a file too big for memory would
        return read;
    });
    const auto outcomes = importer.importPaths({before, huge, after});
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[1].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[1].message,
             QDir::toNativeSeparators(huge) + QStringLiteral(": not enough memory to import it"));
    QCOMPARE(outcomes[2].status, ImportOutcome::Status::Imported);
    QCOMPARE(m_session->articles().count(), 2);
    for (const ArticleSummary &s : m_session->articles().summaries())
        QVERIFY(s.title != QLatin1String("Huge"));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
