// W3C Web Annotation JSON-LD: the export passes the model's MUST rules
// (the shared validator), carries code point positions, stable ids, coder
// and codes; importing it back gives the same annotations; import re-anchors
// by quote when the position is off or the whitespace differs, converts
// Hypothesis' UTF-16 positions, and reports what it cannot place.
#include "RequiredTool.h"
#include "base/ProjectError.h"
#include "exchange/ExchangeFormat.h"
#include "exchange/WebAnnotations.h"
#include "store/ProjectSession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// ../shared beside the checkout, or FRAMEWISE_SHARED_DIR for a clone elsewhere.
const QString kShared = qEnvironmentVariable("FRAMEWISE_SHARED_DIR",
                                             QStringLiteral(FRAMEWISE_SOURCE_DIR "/../shared"));
const QString kText
    = QStringLiteral("Emoji \U0001F600 first\n\nThe minister said the  economy grows. "
                     "The minister said it twice.");

QStringList multiset(ProjectSession &s)
{
    QStringList out;
    for (const Annotation &a : s.annotations().all()) {
        QStringList codes;
        for (qint64 c : a.codeIds)
            codes << s.codebook().code(c)->name;
        const auto claim = s.annotations().claim(a.id);
        const auto speaker = claim ? s.actors().get(claim->speakerId) : std::nullopt;
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                   .arg(a.uuid)
                   .arg(a.start)
                   .arg(a.end)
                   .arg(codes.join(QLatin1Char('+')), a.coderName, a.note, a.quote,
                        claim ? claim->stance + claim->kind + claim->evidence : QString(),
                        speaker ? speaker->name : QString());
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

qint64 cp(const QString &text, const QString &needle, qsizetype from = 0)
{
    return text.left(text.indexOf(needle, from)).toUcs4().size();
}

} // namespace

class TestExchangeW3c : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void exportPassesTheValidator();
    void importsOwnExportBack();
    void reanchorsByQuote();
    void hypothesisUtf16();
    void hypothesisSample();
    void refusesBrokenJson();

private:
    std::unique_ptr<ProjectSession> project(bool annotated);
    QTemporaryDir m_dir;
    int m_n = 0;
    qint64 m_article = 0;
};

void TestExchangeW3c::init()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<ProjectSession> TestExchangeW3c::project(bool annotated)
{
    auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("w%1.framewise").arg(++m_n)),
                                  ProjectSession::OpenMode::CreateIfMissing);
    s->coders().setCurrent(QStringLiteral("ana"));
    Article a;
    a.title = QStringLiteral("Emoji");
    a.text = kText;
    a.url = QStringLiteral("https://example.org/news/1");
    m_article = s->articles().add(a).id;
    if (!annotated)
        return s;
    NewAnnotation n;
    n.articleId = m_article;
    n.start = cp(kText, QStringLiteral("The minister"));
    n.end = n.start + 12;
    n.codeIds = {s->codebook().ensureCode(QStringLiteral("Claim")).id};
    n.note = QStringLiteral("first mention");
    const Annotation made = s->annotations().add(n);
    Claim c;
    c.annotationId = made.id;
    c.stance = QStringLiteral("supports");
    c.kind = QStringLiteral("fact");
    Actor minister;
    minister.name = QStringLiteral("The Minister");
    c.speakerId = s->actors().add(minister);
    s->annotations().setClaim(c);
    n = {};
    n.articleId = m_article;
    n.start = 0;
    n.end = 7; // "Emoji 😀"
    n.codeIds = {s->codebook().ensureCode(QStringLiteral("Economic")).id};
    n.coderName = QStringLiteral("bo");
    s->annotations().add(n);
    return s;
}

void TestExchangeW3c::exportPassesTheValidator()
{
    auto s = project(true);
    ExchangeReport r;
    const QByteArray json = WebAnnotations::toJson(*s, {}, r);
    QCOMPARE(r.annotationsWritten, 2);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(QLatin1String("type")).toString(), QStringLiteral("AnnotationCollection"));
    QCOMPARE(root.value(QLatin1String("total")).toInt(), 2);
    const QJsonArray items
        = root.value(QLatin1String("first")).toObject().value(QLatin1String("items")).toArray();
    const QJsonObject emoji = items.at(0).toObject().value(QLatin1String("target")).toObject();
    const QJsonArray selectors = emoji.value(QLatin1String("selector")).toArray();
    QCOMPARE(selectors.at(0).toObject().value(QLatin1String("exact")).toString(),
             QStringLiteral("Emoji \U0001F600"));
    QCOMPARE(selectors.at(1).toObject().value(QLatin1String("end")).toInt(),
             7); // code points, not 8
    QCOMPARE(items.at(0)
                 .toObject()
                 .value(QLatin1String("creator"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("bo"));
    QVERIFY(items.at(0)
                .toObject()
                .value(QLatin1String("id"))
                .toString()
                .startsWith(QLatin1String("urn:uuid:")));

    REQUIRE_TOOL(python, QStringLiteral("python3"), QStringLiteral("python3"));
    const QString validator = kShared + QStringLiteral("/tools/wa_validate.py");
    QVERIFY2(QFile::exists(validator), qPrintable(validator + QStringLiteral(" is missing")));
    const QString path = m_dir.filePath(QStringLiteral("export.jsonld"));
    writeFile(path, json);
    QProcess p;
    p.start(python, {validator, path});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, out + p.readAllStandardError());
    QCOMPARE(out.count("PASS"), 2);
    // and the validator does fail a broken file, so its pass means something
    p.start(python,
            {validator,
             kShared
                 + QStringLiteral(
                     "/data/exchange/hypothesis-jsonld/hypothesis-bigbluehat-BROKEN.jsonld")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
}

void TestExchangeW3c::importsOwnExportBack()
{
    auto s = project(true);
    const QStringList before = multiset(*s);
    const QString path = m_dir.filePath(QStringLiteral("own.jsonld"));
    ExchangeFormat::exportTo(*s, ExchangeFormat::Format::W3c, path);
    QCOMPARE(ExchangeFormat::detect(path), std::optional(ExchangeFormat::Format::W3c));
    // Importing into the same project changes nothing.
    ExchangeReport r = ExchangeFormat::importPaths(*s, ExchangeFormat::Format::W3c, {path});
    QCOMPARE(r.annotationsKept, 2);
    QCOMPARE(r.annotationsAdded, 0);
    QCOMPARE(multiset(*s), before);
    // Take them away and bring them back: the same multiset, same UUIDs.
    QList<qint64> ids;
    for (const Annotation &a : s->annotations().all())
        ids << a.id;
    s->annotations().removeMany(ids);
    r = ExchangeFormat::importPaths(*s, ExchangeFormat::Format::W3c, {path});
    QCOMPARE(r.annotationsAdded, 2);
    QCOMPARE(multiset(*s), before);
}

void TestExchangeW3c::reanchorsByQuote()
{
    auto s = project(false);
    const QString uuid = s->articles().get(m_article)->uuid;
    const auto anno = [&](const QString &id, qint64 start, qint64 end, const QString &exact,
                          const QString &prefix) {
        return QJsonObject {
            {QStringLiteral("@context"), QStringLiteral("http://www.w3.org/ns/anno.jsonld")},
            {QStringLiteral("id"), id},
            {QStringLiteral("type"), QStringLiteral("Annotation")},
            {QStringLiteral("body"),
             QJsonObject {{QStringLiteral("type"), QStringLiteral("TextualBody")},
                          {QStringLiteral("purpose"), QStringLiteral("tagging")},
                          {QStringLiteral("value"), QStringLiteral("Quoted")}}},
            {QStringLiteral("target"),
             QJsonObject {
                 {QStringLiteral("source"), QStringLiteral("urn:uuid:") + uuid},
                 {QStringLiteral("selector"),
                  QJsonArray {
                      QJsonObject {{QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
                                   {QStringLiteral("exact"), exact},
                                   {QStringLiteral("prefix"), prefix}},
                      QJsonObject {{QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                                   {QStringLiteral("start"), start},
                                   {QStringLiteral("end"), end}}}}}}};
    };
    const QJsonArray list {
        // position off; the prefix picks the second "The minister said"
        anno(QStringLiteral("https://example.org/a/1"), 2, 19, QStringLiteral("The minister said"),
             QStringLiteral("grows. ")),
        // the text has two spaces where the quote has one
        anno(QStringLiteral("https://example.org/a/2"), 0, 3, QStringLiteral("said the economy"),
             QString()),
        anno(QStringLiteral("https://example.org/a/3"), 0, 3, QStringLiteral("not in the text"),
             QString()),
    };
    const QString path = m_dir.filePath(QStringLiteral("quotes.json"));
    writeFile(path, QJsonDocument(list).toJson());
    const ExchangeReport r = WebAnnotations::importFile(*s, path);
    QCOMPARE(r.annotationsAdded, 2);
    QCOMPARE(r.skipped.size(), 1);
    QVERIFY(r.skipped.constFirst().element.contains(QStringLiteral("https://example.org/a/3")));
    QVERIFY(r.skipped.constFirst().reason.contains(QStringLiteral("could not place")));
    QVERIFY2(r.text().contains(QStringLiteral("2 annotations placed by their quote")),
             qPrintable(r.text()));
    const QList<Annotation> all = s->annotations().all();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].quote, QStringLiteral("said the  economy"));
    QCOMPARE(all[1].start, cp(kText, QStringLiteral("The minister said it")));
    QCOMPARE(all[1].quote, QStringLiteral("The minister said"));
}

void TestExchangeW3c::hypothesisUtf16()
{
    auto s = project(false);
    // Hypothesis counts UTF-16 units: "first" starts at 9 there (the emoji
    // is two), at 8 in code points.
    const QString exact = QStringLiteral("first");
    const qint64 utf16 = kText.indexOf(exact);
    QCOMPARE(utf16, 9);
    const QJsonObject a {
        {QStringLiteral("@context"), QStringLiteral("http://www.w3.org/ns/anno.jsonld")},
        {QStringLiteral("id"), QStringLiteral("https://hypothes.is/a/abc")},
        {QStringLiteral("type"), QStringLiteral("Annotation")},
        {QStringLiteral("creator"), QStringLiteral("acct:carla@hypothes.is")},
        {QStringLiteral("body"),
         QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                  {QStringLiteral("value"), QStringLiteral("a comment")}},
                     QJsonObject {{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                  {QStringLiteral("purpose"), QStringLiteral("tagging")},
                                  {QStringLiteral("value"), QStringLiteral("ordinal")}}}},
        {QStringLiteral("target"),
         QJsonArray {
             QJsonObject {{QStringLiteral("source"), QStringLiteral("https://example.org/news/1")},
                          {QStringLiteral("selector"),
                           QJsonArray {QJsonObject {
                               {QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                               {QStringLiteral("start"), utf16},
                               {QStringLiteral("end"), utf16 + 5}}}}}}}};
    const QString path = m_dir.filePath(QStringLiteral("hyp.jsonld"));
    writeFile(path, QJsonDocument(a).toJson());
    const ExchangeReport r = WebAnnotations::importFile(*s, path);
    QCOMPARE(r.annotationsAdded, 1);
    QVERIFY2(r.text().contains(
                 QStringLiteral("1 Hypothesis positions from UTF-16 units to code points")),
             qPrintable(r.text()));
    const Annotation got = s->annotations().all().constFirst();
    QCOMPARE(got.start, 8);
    QCOMPARE(got.quote, exact);
    QCOMPARE(got.coderName, QStringLiteral("carla"));
    QCOMPARE(got.note, QStringLiteral("a comment"));
    QCOMPARE(s->codebook().code(got.codeIds.constFirst())->name, QStringLiteral("ordinal"));
}

void TestExchangeW3c::hypothesisSample()
{
    // The real Hypothesis annotations (Apache-2.0), on an article holding
    // the quoted passage at another position than the PDF's.
    const QString sample
        = kShared + QStringLiteral("/data/exchange/hypothesis-jsonld/hypothesis-bigbluehat.jsonld");
    QVERIFY2(QFile::exists(sample), qPrintable(sample + QStringLiteral(" is missing")));
    auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("hyp-sample.framewise")),
                                  ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Information Management: A Proposal");
    a.url = QStringLiteral(
        "http://faculty.georgetown.edu/irvinem/theory/Berners-Lee-HTTP-proposal.pdf");
    a.text
        = QStringLiteral("Tim Berners-Lee, CERN\n\nThe information Hypermedia CERNDOC ENQUIRE Tim "
                         "Berners-Lee section group C and more.");
    const qint64 id = s->articles().add(a).id;
    const ExchangeReport r = WebAnnotations::importFile(*s, sample);
    QCOMPARE(r.annotationsAdded, 1);
    QCOMPARE(r.skipped.size(), 1); // the reply's PDF is not in the project
    QVERIFY(r.skipped.constFirst().reason.contains(QStringLiteral("09posing.pdf")));
    const Annotation got = s->annotations().forArticle(id).constFirst();
    QCOMPARE(got.quote, QStringLiteral("ENQUIRE"));
    QCOMPARE(got.coderName, QStringLiteral("BigBlueHat"));
    QVERIFY(got.note.contains(QStringLiteral("Weaving the Web")));
    QCOMPARE(got.codeIds.size(), 2); // tags web, history
}

void TestExchangeW3c::refusesBrokenJson()
{
    auto s = project(true);
    const QString before = multiset(*s).join(QLatin1Char(';'));
    const QString path = m_dir.filePath(QStringLiteral("broken.jsonld"));
    writeFile(path, "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": [");
    try {
        WebAnnotations::importFile(*s, path);
        QFAIL("not refused");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": not JSON")),
                 qPrintable(e.message()));
    }
    writeFile(
        path,
        R"([{"id": "urn:uuid:11111111-2222-4333-8444-555555555555", "type": "Annotation", "body": [],
                         "target": {"source": "https://example.org/news/1", "selector":
                         {"type": "TextPositionSelector", "start": "3", "end": 5}}}])");
    try {
        WebAnnotations::importFile(*s, path);
        QFAIL("not refused");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(
                     QStringLiteral("annotation urn:uuid:11111111-2222-4333-8444-555555555555: "
                                    "TextPositionSelector")),
                 qPrintable(e.message()));
    }
    QCOMPARE(multiset(*s).join(QLatin1Char(';')), before);
}

QTEST_GUILESS_MAIN(TestExchangeW3c)
#include "tst_exchange_w3c.moc"
