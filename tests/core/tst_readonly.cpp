// A project file its user cannot write, through the real binary: it opens
// read-only, every command that would write refuses with a message that
// names the file and says it is read-only, the file keeps its bytes, and
// reading commands work.
//
// Root may write any file, so a test run as root would prove nothing about
// the kernel's refusal: then every command runs as the unprivileged user
// nobody (65534) through setpriv (util-linux). Otherwise it runs as the
// user running the test.
#include "CliRunner.h"
#include "RequiredTool.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {
constexpr uid_t kNobody = 65534;
constexpr gid_t kNoGroup = 65534;
const QString kTitle = QStringLiteral("Kim on Ukraine");
} // namespace

class TestReadOnly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theUserCannotWriteTheFile();
    void readingWorks();
    void writesAreRefused_data();
    void writesAreRefused();

private:
    CliRunner::Run framewise(const QStringList &args) const;
    QByteArray hash() const;
    QTemporaryDir m_tmp;
    QString m_folder;  // the user's folder: readable and writable by the user
    QString m_project; // read-only, inside it
    QString m_setpriv; // empty unless running as root
};

void TestReadOnly::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    QVERIFY(m_tmp.isValid());
    const bool root = geteuid() == 0;
    if (root) {
        REQUIRE_TOOL(setpriv, QStringLiteral("setpriv"), QStringLiteral("util-linux"));
        m_setpriv = setpriv;
    }
    // QTemporaryDir is private to its owner; nobody must reach the folder.
    QVERIFY(QFile::setPermissions(m_tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                   | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                   | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                                   | QFileDevice::ExeGroup));
    m_folder = m_tmp.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(m_folder));
    m_project = QDir(m_folder).filePath(QStringLiteral("study.framewise"));
    {
        auto store = ProjectSession::open(m_project, ProjectSession::OpenMode::CreateIfMissing);
        Article a;
        a.title = kTitle;
        a.text = QStringLiteral("He declared readiness. “We will win,” he said.");
        const qint64 id = store->articles().add(a).id;
        NewAnnotation n;
        n.articleId = id;
        n.start = 0;
        n.end = 2;
        n.codeIds = {store->codebook().ensureCode(QStringLiteral("Claim")).id};
        store->annotations().add(n);
        SearchIndexer::catchUp(*store);
    }
    QVERIFY2(!QFile::exists(m_project + QStringLiteral("-wal")), "the store left its WAL behind");
    QFile article(QDir(m_folder).filePath(QStringLiteral("new.txt")));
    QVERIFY(article.open(QIODevice::WriteOnly));
    article.write("Another article\n\nIt would be a new row.\n");
    article.close();
    QFile codebook(QDir(m_folder).filePath(QStringLiteral("codebook.json")));
    QVERIFY(codebook.open(QIODevice::WriteOnly));
    codebook.write(R"({"framewise_codebook": 1, "name": "Extra", "categories": [{"name": "Extra", "kind": "custom",
                       "colour": "#336699", "codes": [{"name": "New code", "colour": "#336699"}]}]})");
    codebook.close();

    // The user owns the folder (SQLite may put its -shm beside the file);
    // the file itself is read-only.
    QVERIFY(QFile::setPermissions(m_project, QFileDevice::ReadOwner | QFileDevice::ReadGroup
                                                 | QFileDevice::ReadOther));
    if (root) {
        for (const QString &path : {m_folder, m_project, article.fileName(), codebook.fileName()})
            QVERIFY2(chown(QFile::encodeName(path).constData(), kNobody, kNoGroup) == 0, qPrintable(path));
    }
}

CliRunner::Run TestReadOnly::framewise(const QStringList &args) const
{
    if (m_setpriv.isEmpty())
        return CliRunner(QStringLiteral(FRAMEWISE_BINARY), m_folder).run(args);
    return CliRunner(m_setpriv, m_folder)
        .run(QStringList{QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNoGroup),
                         QStringLiteral("--clear-groups"), QStringLiteral(FRAMEWISE_BINARY)}
             + args);
}

QByteArray TestReadOnly::hash() const
{
    QFile f(m_project);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void TestReadOnly::theUserCannotWriteTheFile()
{
    // Without this the test below would prove nothing.
    if (m_setpriv.isEmpty()) {
        QVERIFY(!QFileInfo(m_project).isWritable());
        return;
    }
    QProcess probe;
    probe.start(m_setpriv, {QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNoGroup),
                            QStringLiteral("--clear-groups"), QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("id -u; test -r \"$1\" && ! test -w \"$1\""), QStringLiteral("sh"),
                            m_project});
    QVERIFY(probe.waitForFinished(30000));
    QCOMPARE(probe.readAllStandardOutput().trimmed(), QByteArray::number(kNobody));
    QVERIFY2(probe.exitCode() == 0, "nobody can write the project or cannot read it");
}

void TestReadOnly::readingWorks()
{
    const QByteArray before = hash();
    const CliRunner::Run list = framewise({QStringLiteral("list"), m_project});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QCOMPARE(QString::fromUtf8(list.out), QStringLiteral("1\t%1\t1\n").arg(kTitle));
    const CliRunner::Run show = framewise({QStringLiteral("show"), m_project, QStringLiteral("1")});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QVERIFY(show.out.startsWith("He declared readiness."));
    const CliRunner::Run query
        = framewise({QStringLiteral("query"), m_project, QStringLiteral("SELECT code FROM segments")});
    QVERIFY2(query.exitCode == 0, query.err.constData());
    QCOMPARE(query.out, QByteArray("code\nClaim\n"));
    const CliRunner::Run search = framewise({QStringLiteral("search"), m_project, QStringLiteral("readiness")});
    QVERIFY2(search.exitCode == 0, search.err.constData());
    QVERIFY(search.out.startsWith("1\t"));
    QCOMPARE(hash(), before);
}

void TestReadOnly::writesAreRefused_data()
{
    QTest::addColumn<QStringList>("args"); // the project is the second argument
    QTest::addColumn<QString>("mention");  // what the message must say besides the file
    const QString article = QDir(m_folder).filePath(QStringLiteral("new.txt"));
    const QString codebook = QDir(m_folder).filePath(QStringLiteral("codebook.json"));
    QTest::newRow("annotate") << QStringList{QStringLiteral("annotate"), m_project, QStringLiteral("1"),
                                             QStringLiteral("3"), QStringLiteral("11"), QStringLiteral("Claim")}
                              << QStringLiteral("read-only");
    QTest::newRow("annotate, new code")
        << QStringList{QStringLiteral("annotate"), m_project, QStringLiteral("1"), QStringLiteral("3"),
                       QStringLiteral("11"), QStringLiteral("Brand-new code")}
        << QStringLiteral("read-only");
    QTest::newRow("import") << QStringList{QStringLiteral("import"), m_project, article}
                            << QStringLiteral("read-only");
    QTest::newRow("codebook add") << QStringList{QStringLiteral("codebook"), m_project, QStringLiteral("add"),
                                                 QStringLiteral("general")}
                                  << QStringLiteral("read-only");
    QTest::newRow("codebook import") << QStringList{QStringLiteral("codebook"), m_project,
                                                    QStringLiteral("import"), codebook}
                                     << QStringLiteral("read-only");
    QTest::newRow("query") << QStringList{QStringLiteral("query"), m_project, QStringLiteral("DELETE FROM articles")}
                           << QStringLiteral("read-only");
}

void TestReadOnly::writesAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mention);
    const QByteArray before = hash();
    QVERIFY(!before.isEmpty());
    const CliRunner::Run r = framewise(args);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(err)));
    QVERIFY2(err.contains(QFileInfo(m_project).fileName()) && err.contains(mention), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("attempt to write a readonly database")),
             qPrintable(QStringLiteral("SQLite's error, not ours: ") + err));
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    QCOMPARE(hash(), before);
    // Nothing half-done either: the project reads as before.
    const CliRunner::Run list = framewise({QStringLiteral("list"), m_project});
    QCOMPARE(QString::fromUtf8(list.out), QStringLiteral("1\t%1\t1\n").arg(kTitle));
}

QTEST_GUILESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"
