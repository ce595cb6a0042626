// REFI-QDA: .qdc and .qdpx exports valid against the published XSDs
// (xmllint --schema), a project round trip with emoji offsets, real vendor
// files (Taguette's codebook with an empty <Sets/>, the ATLAS.ti 8 test
// project without its source texts), UTF-16 positions detected and
// converted, and hostile files (DTD/XXE, zip-slip, not a zip) refused with
// the project unchanged.
#include "RequiredTool.h"
#include "base/ProjectError.h"
#include "exchange/RefiQda.h"
#include "store/ProjectSession.h"

#include <KZip>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kXsd = QStringLiteral(FRAMEWISE_TEST_DATA "/refi");
// ../shared beside the checkout, or FRAMEWISE_SHARED_DIR for a clone elsewhere.
const QString kShared = qEnvironmentVariable("FRAMEWISE_SHARED_DIR",
                                             QStringLiteral(FRAMEWISE_SOURCE_DIR "/../shared"))
    + QStringLiteral("/data/exchange");
const QString kText
    = QStringLiteral("Emoji \U0001F600 first\r\n\r\nThe minister said: e\u0301 漢字.");

QStringList multiset(ProjectSession &s)
{
    QStringList out;
    for (const Annotation &a : s.annotations().all()) {
        QStringList codes;
        for (qint64 c : a.codeIds)
            codes << s.codebook().code(c)->name;
        codes.sort();
        // Claim attributes travel as case variables, actors by name.
        QString claim;
        if (const auto c = s.annotations().claim(a.id)) {
            const auto speaker = s.actors().get(c->speakerId);
            const auto target = s.actors().get(c->targetId);
            claim = QStringList {c->uuid, c->stance, c->kind, c->status, c->evidence,
                                 speaker ? speaker->name : QString(),
                                 target ? target->name : QString()}
                        .join(QLatin1Char('/'));
        }
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                   .arg(a.uuid)
                   .arg(a.start)
                   .arg(a.end)
                   .arg(codes.join(QLatin1Char('+')), a.coderName, a.note, a.quote, claim);
    }
    out.sort();
    return out;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

void makeZip(const QString &path, const QList<QPair<QString, QByteArray>> &entries)
{
    QFile::remove(path);
    KZip zip(path);
    QVERIFY(zip.open(QIODevice::WriteOnly));
    for (const auto &[name, bytes] : entries)
        QVERIFY(zip.writeFile(name, bytes));
    QVERIFY(zip.close());
}

} // namespace

class TestExchangeRefi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void codebookValidates();
    void projectValidatesAndRoundTrips();
    void taguetteCodebook();
    void atlasProjectWithoutTexts();
    void utf16PositionsAreDetected();
    void refusesHostileFiles_data();
    void refusesHostileFiles();

private:
    std::unique_ptr<ProjectSession> project(bool annotated);
    void validate(const QString &file, const QString &xsd);
    QTemporaryDir m_dir;
    int m_n = 0;
};

void TestExchangeRefi::init()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<ProjectSession> TestExchangeRefi::project(bool annotated)
{
    auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("r%1.framewise").arg(++m_n)),
                                  ProjectSession::OpenMode::CreateIfMissing);
    s->coders().setCurrent(QStringLiteral("ana"));
    Article a;
    a.title = QStringLiteral("Emoji & <markup>");
    a.text = QString(kText).remove(QLatin1Char('\r'));
    const qint64 id = s->articles().add(a).id;
    if (!annotated)
        return s;
    Category technique;
    technique.name = QStringLiteral("Technique");
    technique.kind = Category::Kind::Technique;
    technique.colour = QStringLiteral("#8e44ad");
    const qint64 cat = s->codebook().addCategory(technique);
    Code parent;
    parent.categoryId = cat;
    parent.name = QStringLiteral("Appeal to fear/prejudice");
    parent.description = QStringLiteral("Fear & <loathing>");
    const qint64 parentId = s->codebook().addCode(parent);
    Code child;
    child.categoryId = cat;
    child.parentId = parentId;
    child.name = QStringLiteral("Scare quotes");
    const qint64 childId = s->codebook().addCode(child);
    NewAnnotation n;
    n.articleId = id;
    n.start = 0;
    n.end = 7; // "Emoji 😀"
    n.codeIds = {parentId, childId};
    n.note = QStringLiteral("with a note");
    Claim claim;
    claim.annotationId = s->annotations().add(n).id;
    claim.stance = QStringLiteral("opposes");
    claim.kind = QStringLiteral("opinion");
    claim.evidence = QStringLiteral("none & <given>");
    Actor speaker;
    speaker.name = QStringLiteral("Kim Jong Un");
    claim.speakerId = s->actors().add(speaker);
    Actor target;
    target.name = QStringLiteral("Ukraine");
    target.aliases = {QStringLiteral("Kyiv")};
    claim.targetId = s->actors().add(target);
    s->annotations().setClaim(claim);
    n = {};
    n.articleId = id;
    n.start = 19;
    n.end = 31;
    n.codeIds = {childId};
    n.coderName = QStringLiteral("bo");
    s->annotations().add(n);
    Memo m;
    m.target = Memo::Target::Article;
    m.targetId = id;
    m.title = QStringLiteral("Reading");
    m.body = QStringLiteral("A memo on the article.");
    s->memos().add(m);
    return s;
}

void TestExchangeRefi::validate(const QString &file, const QString &xsd)
{
    REQUIRE_TOOL(xmllint, QStringLiteral("xmllint"), QStringLiteral("libxml2-utils"));
    QProcess p;
    p.start(xmllint,
            {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"), xsd,
             file});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
}

void TestExchangeRefi::codebookValidates()
{
    auto s = project(true);
    const QString path = m_dir.filePath(QStringLiteral("codes.qdc"));
    writeFile(path, RefiQda::codebook(*s));
    validate(path, kXsd + QStringLiteral("/Codebook-mrt2019.xsd"));
    // and xmllint does reject what breaks the schema, so a pass means something
    writeFile(m_dir.filePath(QStringLiteral("bad.qdc")),
              "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code "
              "name=\"x\"/></Codes></CodeBook>");
    REQUIRE_TOOL(xmllint, QStringLiteral("xmllint"), QStringLiteral("libxml2-utils"));
    QProcess p;
    p.start(xmllint,
            {QStringLiteral("--noout"), QStringLiteral("--schema"),
             kXsd + QStringLiteral("/Codebook-mrt2019.xsd"),
             m_dir.filePath(QStringLiteral("bad.qdc"))});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.exitCode() != 0);
    // back into an empty project: the tree, colours and descriptions
    auto t = project(false);
    const ExchangeReport r = RefiQda::importCodebook(*t, path);
    QCOMPARE(r.codesAdded, 2);
    const auto child = t->codebook().codeByName(QStringLiteral("Scare quotes"));
    QVERIFY(child);
    QCOMPARE(t->codebook().code(child->parentId)->name, QStringLiteral("Appeal to fear/prejudice"));
    QCOMPARE(t->codebook().code(child->parentId)->description, QStringLiteral("Fear & <loathing>"));
    QCOMPARE(t->codebook().categoryByName(QStringLiteral("Technique"))->kind,
             Category::Kind::Technique);
    QCOMPARE(RefiQda::importCodebook(*t, path).codesAdded, 0);
}

void TestExchangeRefi::projectValidatesAndRoundTrips()
{
    auto s = project(true);
    const QString path = m_dir.filePath(QStringLiteral("p.qdpx"));
    const ExchangeReport out = RefiQda::exportProject(*s, path);
    QCOMPARE(out.annotationsWritten, 2);
    KZip zip(path);
    QVERIFY(zip.open(QIODevice::ReadOnly));
    const auto *qde
        = dynamic_cast<const KArchiveFile *>(zip.directory()->entry(QStringLiteral("project.qde")));
    QVERIFY(qde);
    const QString qdePath = m_dir.filePath(QStringLiteral("project.qde"));
    writeFile(qdePath, qde->data());
    validate(qdePath, kXsd + QStringLiteral("/Project-mrt2019.xsd"));
    const QString uuid = s->articles().summaries().isEmpty()
        ? QString()
        : s->articles().get(s->articles().summaries().constFirst().id)->uuid;
    const auto *text = dynamic_cast<const KArchiveFile *>(
        zip.directory()->entry(QStringLiteral("Sources/%1.txt").arg(uuid)));
    QVERIFY(text);
    QCOMPARE(QString::fromUtf8(text->data()), QString(kText).remove(QLatin1Char('\r')));
    QVERIFY(qde->data().contains("startPosition=\"19\" endPosition=\"31\""));
    QVERIFY(qde->data().contains("<TextValue>Kim Jong Un</TextValue>"));

    auto t = ProjectSession::open(m_dir.filePath(QStringLiteral("empty.framewise")),
                                  ProjectSession::OpenMode::CreateIfMissing);
    const ExchangeReport in = RefiQda::importProject(*t, path);
    QCOMPARE(in.sourcesAdded, 1);
    QCOMPARE(in.annotationsAdded, 2);
    QCOMPARE(multiset(*t), multiset(*s));
    const ExchangeReport again = RefiQda::importProject(*t, path);
    QCOMPARE(again.annotationsAdded, 0);
    QCOMPARE(again.annotationsKept, 2);
    QCOMPARE(again.sourcesKept, 1);
    QCOMPARE(multiset(*t), multiset(*s));
}

void TestExchangeRefi::taguetteCodebook()
{
    const QString qdc = kShared + QStringLiteral("/taguette-qdc/taguette-1.5.2-codebook.qdc");
    QVERIFY2(QFile::exists(qdc), qPrintable(qdc));
    auto s = project(false);
    const ExchangeReport r = RefiQda::importCodebook(*s, qdc);
    QCOMPARE(r.codesAdded, 3);
    QVERIFY(s->codebook().codeByName(QStringLiteral("interesting\\places")));
    QCOMPARE(RefiQda::importCodebook(*s, qdc).codesAdded, 0);
}

void TestExchangeRefi::atlasProjectWithoutTexts()
{
    const QString qdpx = kShared + QStringLiteral("/atlasti8-refi-vendor-test/TestProject.qdpx");
    QVERIFY2(QFile::exists(qdpx), qPrintable(qdpx));
    auto s = project(false);
    const ExchangeReport r = RefiQda::importProject(*s, qdpx);
    QCOMPARE(r.codesAdded, 14);
    QCOMPARE(r.sourcesAdded, 0);
    // 6 texts and 2 PDFs whose texts are missing, a picture, audio, 2
    // videos, and the PDFs' region codings
    QCOMPARE(r.skipped.size(), 12 + int(r.text().count(QStringLiteral("PDFSelection"))));
    QVERIFY(r.text().count(QStringLiteral("PDFSelection")) > 0);
    QVERIFY2(r.text().contains(QStringLiteral("is not in the archive")), qPrintable(r.text()));
    QVERIFY2(r.text().contains(QStringLiteral("PictureSource")), qPrintable(r.text()));
}

void TestExchangeRefi::utf16PositionsAreDetected()
{
    // NVivo-like: BOM not counted, CRLF counting two, UTF-16 units (the emoji is two).
    const QByteArray text = "\xEF\xBB\xBF" + kText.toUtf8();
    const int start = int(kText.indexOf(QStringLiteral("漢字")));
    const QByteArray qde
        = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"n\"><Users><User "
                         "guid=\"11111111-1111-4111-8111-111111111111\" name=\"Nora\"/></Users>"
                         "<CodeBook><Codes><Code guid=\"22222222-2222-4222-8222-222222222222\" "
                         "name=\"Place\" isCodable=\"true\"/></Codes></CodeBook>"
                         "<Sources><TextSource guid=\"{33333333-3333-4333-8333-333333333333}\" "
                         "name=\"Doc\" plainTextPath=\"doc.txt\">"
                         "<PlainTextSelection guid=\"44444444-4444-4444-8444-444444444444\" "
                         "name=\"漢字\" startPosition=\"%1\" endPosition=\"%2\" "
                         "creatingUser=\"11111111-1111-4111-8111-111111111111\">"
                         "<Coding guid=\"55555555-5555-4555-8555-555555555555\"><CodeRef "
                         "targetGUID=\"22222222-2222-4222-8222-222222222222\"/></Coding>"
                         "</PlainTextSelection></TextSource></Sources><Sets/></Project>")
              .arg(start)
              .arg(start + 2)
              .toUtf8();
    const QString path = m_dir.filePath(QStringLiteral("nvivo.qdpx"));
    makeZip(path,
            {{QStringLiteral("Project.qde"), qde},
             {QStringLiteral("sources/doc.txt"), text},
             {QStringLiteral("sources/.root"), ""}});
    auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("nvivo.framewise")),
                                  ProjectSession::OpenMode::CreateIfMissing);
    const ExchangeReport r = RefiQda::importProject(*s, path);
    QCOMPARE(r.annotationsAdded, 1);
    QVERIFY2(r.text().contains(QStringLiteral("UTF-16 units, converted to code points")),
             qPrintable(r.text()));
    QVERIFY2(r.text().contains(QStringLiteral("BOM or CRLF")), qPrintable(r.text()));
    const Annotation a = s->annotations().all().constFirst();
    QCOMPARE(a.quote, QStringLiteral("漢字"));
    QCOMPARE(a.coderName, QStringLiteral("Nora"));
}

void TestExchangeRefi::refusesHostileFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("xxe") << QStringLiteral("xxe.qdc")
                         << QStringLiteral("DTD or entity declaration is not allowed");
    QTest::newRow("not a zip") << QStringLiteral("junk.qdpx")
                               << QStringLiteral("not a readable zip archive");
    QTest::newRow("no project.qde")
        << QStringLiteral("empty.qdpx") << QStringLiteral("no project.qde in the archive");
    QTest::newRow("unknown code") << QStringLiteral("unknown.qdpx")
                                  << QStringLiteral("which the codebook does not have");
    QTest::newRow("outside") << QStringLiteral("outside.qdpx") << QStringLiteral("beyond its text");
    QTest::newRow("zip-slip") << QStringLiteral("zip-slip.qdpx")
                              << QStringLiteral("points outside the archive");
}

void TestExchangeRefi::refusesHostileFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(name);
    const auto qde = [](int end, const char *code) {
        return QStringLiteral("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"n\"><Sources>"
                              "<TextSource guid=\"33333333-3333-4333-8333-333333333333\" "
                              "name=\"Doc\" plainTextPath=\"internal://doc.txt\">"
                              "<PlainTextSelection guid=\"44444444-4444-4444-8444-444444444444\" "
                              "startPosition=\"0\" endPosition=\"%1\">"
                              "<Coding guid=\"55555555-5555-4555-8555-555555555555\"><CodeRef "
                              "targetGUID=\"%2\"/></Coding>"
                              "</PlainTextSelection></TextSource></Sources></Project>")
            .arg(end)
            .arg(QLatin1String(code))
            .toUtf8();
    };
    if (name == QLatin1String("xxe.qdc"))
        writeFile(path,
                  "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                  "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code "
                  "guid=\"22222222-2222-4222-8222-222222222222\" "
                  "name=\"&e;\" isCodable=\"true\"/></Codes></CodeBook>");
    else if (name == QLatin1String("zip-slip.qdpx"))
        QVERIFY(QFile::copy(kXsd + QStringLiteral("/zip-slip.qdpx"), path));
    else if (name == QLatin1String("junk.qdpx"))
        writeFile(path, "PK\x03\x04 this is not really a zip");
    else if (name == QLatin1String("empty.qdpx"))
        makeZip(path, {{QStringLiteral("readme.txt"), "x"}});
    else if (name == QLatin1String("unknown.qdpx"))
        makeZip(path,
                {{QStringLiteral("project.qde"), qde(3, "99999999-9999-4999-8999-999999999999")},
                 {QStringLiteral("Sources/doc.txt"), "abcdef"}});
    else
        makeZip(path,
                {{QStringLiteral("project.qde"), qde(300, "99999999-9999-4999-8999-999999999999")},
                 {QStringLiteral("Sources/doc.txt"), "abcdef"}});
    auto s = project(true);
    const QStringList before = multiset(*s);
    const int codes = int(s->codebook().codes().size());
    const int articles = s->articles().count();
    try {
        if (name.endsWith(QLatin1String(".qdc")))
            RefiQda::importCodebook(*s, path);
        else
            RefiQda::importProject(*s, path);
        QFAIL("not refused");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().startsWith(path), qPrintable(e.message()));
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    QCOMPARE(multiset(*s), before);
    QCOMPARE(int(s->codebook().codes().size()), codes);
    QCOMPARE(s->articles().count(), articles);
}

QTEST_GUILESS_MAIN(TestExchangeRefi)
#include "tst_exchange_refi.moc"
