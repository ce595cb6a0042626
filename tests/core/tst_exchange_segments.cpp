// Coded segments as CSV and JSON Lines: columns, code point offsets with
// emoji, CJK and RTL text, the optional BOM, import into another project
// (placed by title), a second import changing nothing, and refused files
// leaving the project as it was.
#include "TestProject.h"
#include "base/ProjectError.h"
#include "exchange/ExchangeFormat.h"
#include "exchange/SegmentTable.h"
#include "store/ProjectSession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kEmoji
    = QStringLiteral("Emoji \U0001F600 text\n\nThe minister 👩\u200D🔬 said: \"we, too\".");
const QString kMixed = QStringLiteral("中文标题\n\nשלום עולם and 漢字 here.");

QString fingerprint(ProjectSession &s)
{
    QString out
        = QStringLiteral("%1/%2/").arg(s.annotations().count()).arg(s.codebook().codes().size());
    for (const Annotation &a : s.annotations().all())
        out += a.uuid + QLatin1Char(',');
    return out;
}

// What must survive a trip: article title, span, codes, coder, note, claim.
QStringList multiset(ProjectSession &s)
{
    QStringList out;
    for (const Annotation &a : s.annotations().all()) {
        QStringList codes;
        for (qint64 c : a.codeIds)
            codes << s.codebook().code(c)->name;
        const auto claim = s.annotations().claim(a.id);
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                   .arg(s.articles().get(a.articleId)->title)
                   .arg(a.start)
                   .arg(a.end)
                   .arg(codes.join(QLatin1Char('+')), a.coderName, a.note, a.quote,
                        claim ? claim->stance + claim->kind + claim->evidence : QString());
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

} // namespace

class TestExchangeSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void csvColumnsAndCodePoints();
    void byteOrderMarkOnRequest();
    void roundTripIntoAnotherProject_data();
    void roundTripIntoAnotherProject();
    void refusesBadRows_data();
    void refusesBadRows();

private:
    std::unique_ptr<ProjectSession> project(bool annotated);
    QTemporaryDir m_dir;
    TestProject m_project;
    int m_n = 0;
};

void TestExchangeSegments::init()
{
    QVERIFY(m_dir.isValid());
    REQUIRE_BACKEND(m_project);
}

std::unique_ptr<ProjectSession> TestExchangeSegments::project(bool annotated)
{
    auto s = ProjectSession::open(m_project.location(QStringLiteral("s%1.framewise").arg(++m_n)),
                                  ProjectSession::OpenMode::CreateIfMissing);
    s->coders().setCurrent(QStringLiteral("ana"));
    Article a;
    a.title = QStringLiteral("Emoji \U0001F600 text");
    a.text = kEmoji;
    const qint64 first = s->articles().add(a).id;
    a.title = QStringLiteral("中文标题");
    a.text = kMixed;
    const qint64 second = s->articles().add(a).id;
    if (!annotated)
        return s;
    const qint64 claimCode = s->codebook().ensureCode(QStringLiteral("Claim")).id;
    const qint64 frame = s->codebook().ensureCode(QStringLiteral("Economic/cost")).id;
    NewAnnotation n;
    n.articleId = first;
    n.start = kEmoji.left(kEmoji.indexOf(QStringLiteral("The"))).toUcs4().size();
    n.end = n.start + QStringLiteral("The minister 👩\u200D🔬").toUcs4().size();
    n.codeIds = {claimCode, frame};
    n.note = QStringLiteral("a note, with \"quotes\"\nand a line");
    const Annotation made = s->annotations().add(n);
    Claim c;
    c.annotationId = made.id;
    c.stance = QStringLiteral("supports");
    c.kind = QStringLiteral("opinion");
    c.evidence = QStringLiteral("said so");
    s->annotations().setClaim(c);
    n = {};
    n.articleId = second;
    n.start = 6;
    n.end = 10; // "שלום", after 6 code points
    n.codeIds = {frame};
    n.coderName = QStringLiteral("bo");
    s->annotations().add(n);
    n.document = true;
    n.codeIds = {claimCode};
    s->annotations().add(n);
    return s;
}

void TestExchangeSegments::csvColumnsAndCodePoints()
{
    auto s = project(true);
    ExchangeReport r;
    const QString csv = QString::fromUtf8(SegmentTable::toCsv(*s, {}, r));
    QCOMPARE(r.annotationsWritten, 3);
    QVERIFY(csv.startsWith(
        QStringLiteral("annotation_uuid,article_uuid,article_id,article_title,scope,"
                       "code_path,coder,start_codepoint,end_codepoint,quote,note,"
                       "stance,claim_kind,status,evidence,speaker,target,created\r\n")));
    // 14 code points before "The" (the emoji is one), the scientist is 3.
    QVERIFY2(csv.contains(QStringLiteral(
                 ",span,Custom > Claim | Custom > Economic/cost,ana,14,30,The minister 👩\u200D🔬,")),
             qPrintable(csv));
    QVERIFY(csv.contains(QStringLiteral(
        "\"a note, with \"\"quotes\"\"\nand a line\",supports,opinion,unverified,said so")));
    QVERIFY(csv.contains(QStringLiteral(",span,Custom > Economic/cost,bo,6,10,שלום,")));
    QVERIFY(csv.contains(QStringLiteral(",document,Custom > Claim,bo,0,28,,")));
    ExchangeReport j;
    const QList<QByteArray> lines = SegmentTable::toJsonLines(*s, {}, j).split('\n');
    QCOMPARE(lines.size(), 4); // three and the empty end
    QVERIFY(lines[0].contains("\"start_codepoint\":14"));
}

void TestExchangeSegments::byteOrderMarkOnRequest()
{
    auto s = project(true);
    ExchangeReport r;
    ExchangeOptions options;
    QVERIFY(!SegmentTable::toCsv(*s, options, r).startsWith("\xEF\xBB\xBF"));
    options.byteOrderMark = true;
    const QByteArray bom = SegmentTable::toCsv(*s, options, r);
    QVERIFY(bom.startsWith("\xEF\xBB\xBF"
                           "annotation_uuid,"));
    // and it imports again: the BOM is not part of the first column's name
    const QString path = m_dir.filePath(QStringLiteral("bom.csv"));
    writeFile(path, bom);
    const ExchangeReport again = SegmentTable::importFile(*s, path);
    QCOMPARE(again.annotationsKept, 3);
    QCOMPARE(again.annotationsAdded, 0);
}

void TestExchangeSegments::roundTripIntoAnotherProject_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
}

void TestExchangeSegments::roundTripIntoAnotherProject()
{
    QFETCH(QString, format);
    auto s = project(true);
    const auto f = *ExchangeFormat::fromName(format);
    const QString path = m_dir.filePath(QStringLiteral("segments.") + format);
    ExchangeFormat::exportTo(*s, f, path);
    auto t = project(false); // same titles and texts, other UUIDs
    const ExchangeReport r = ExchangeFormat::importPaths(*t, f, {path});
    QCOMPARE(r.annotationsAdded, 3);
    QCOMPARE(multiset(*t), multiset(*s));
    const QString before = fingerprint(*t);
    const ExchangeReport again = ExchangeFormat::importPaths(*t, f, {path});
    QCOMPARE(again.annotationsAdded, 0);
    QCOMPARE(again.annotationsKept, 3);
    QCOMPARE(fingerprint(*t), before);
}

void TestExchangeSegments::refusesBadRows_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("message");
    QTest::newRow("outside")
        << QByteArray(",,,中文标题,span,Custom > X,ana,3,999,,,,,,,,,")
        << QStringLiteral("line 3: start_codepoint/end_codepoint: the span 3–999 lies outside");
    QTest::newRow("quote") << QByteArray(",,,中文标题,span,Custom > X,ana,0,2,nope,,,,,,,,")
                           << QStringLiteral("line 3: quote: “nope” is not the text at 0–2");
    QTest::newRow("article") << QByteArray(",,,Nowhere,span,Custom > X,ana,0,2,,,,,,,,,")
                             << QStringLiteral(
                                    "line 3: article_uuid/article_title: no article “Nowhere”");
    QTest::newRow("fields") << QByteArray(",,,中文标题,span")
                            << QStringLiteral("line 3: 5 fields where the header has 18");
    QTest::newRow("claim kind")
        << QByteArray(",,,中文标题,span,Custom > X,ana,0,2,,,,statement,,,,,")
        << QStringLiteral("line 3: claim_kind “statement” is not one of: fact, opinion, "
                          "prediction, demand");
    QTest::newRow("stance") << QByteArray(",,,中文标题,span,Custom > X,ana,0,2,,,angry,,,,,,")
                            << QStringLiteral("line 3: stance “angry” is not one of: supports, "
                                              "opposes, neutral");
    QTest::newRow("unclosed") << QByteArray(",,,\"中文标题,span,X,ana,0,2,,,,,,,,,")
                              << QStringLiteral("line 3: a quoted field is never closed");
}

void TestExchangeSegments::refusesBadRows()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, message);
    auto s = project(true);
    const QString before = fingerprint(*s);
    // A good row first: it must not be kept when a later row is refused.
    const QByteArray csv = SegmentTable::columns().join(QLatin1Char(',')).toUtf8()
        + "\n,,,中文标题,span,Custom > New code,ana,0,2,中文,,,,,,,,\n" + row + "\n";
    const QString path = m_dir.filePath(QStringLiteral("bad.csv"));
    writeFile(path, csv);
    try {
        SegmentTable::importFile(*s, path);
        QFAIL("not refused");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    QCOMPARE(fingerprint(*s), before);
    QVERIFY(!s->codebook().codeByName(QStringLiteral("New code")));
}

QTEST_GUILESS_MAIN(TestExchangeSegments)
#include "tst_exchange_segments.moc"
