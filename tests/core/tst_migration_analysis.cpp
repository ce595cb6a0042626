// Schema 9 (retrieval and analysis) on the file the store v2 release saved
// (tests/data/projects/v7-release.framewise): the migration adds the unit
// tables and indexes without touching the coding, and retrieval works on
// the migrated file, emoji, CJK and right-to-left text included.
#include "RawSql.h"
#include "analysis/SegmentQueryParser.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"
#include "store/SqliteDialect.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestMigrationAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradesTheV7File();
    void retrievesOnTheMigratedFile_data();
    void retrievesOnTheMigratedFile();
    void cutsSentencesAndParagraphs();

private:
    QString copyOfRelease();
    QTemporaryDir m_dir;
    int m_copies = 0;
};

static QString kept0(AnalysisRepository &analysis)
{
    QStringList parts;
    for (const FrequencyCell &c : analysis.frequencies(AnalysisDimension::None))
        parts << QStringLiteral("%1 %2 %3 %4")
                     .arg(c.code)
                     .arg(c.segments)
                     .arg(c.articles)
                     .arg(c.characters);
    return parts.join(QStringLiteral("; "));
}

QString TestMigrationAnalysis::copyOfRelease()
{
    const QString path = m_dir.filePath(QStringLiteral("v7-%1.framewise").arg(++m_copies));
    const QString source = QStringLiteral(FRAMEWISE_TEST_DATA "/projects/v7-release.framewise");
    [&] { QVERIFY(QFile::copy(source, path)); }();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void TestMigrationAnalysis::upgradesTheV7File()
{
    const QString path = copyOfRelease();
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 7);
    auto session = ProjectSession::open(path);
    QVERIFY(session->schemaVersion() >= 9);
    QCOMPARE(session->annotations().count(), 7);
    {
        // The counts the migration filled in equal a count over the segments.
        AnalysisRepository analysis(session->database());
        const auto all
            = SegmentQueryParser::parse(QStringLiteral("coder:alice OR NOT coder:alice"));
        for (AnalysisDimension by : {AnalysisDimension::None, AnalysisDimension::Outlet}) {
            const QList<FrequencyCell> kept = analysis.frequencies(by);
            const QList<FrequencyCell> counted = analysis.frequencies(by, all);
            QCOMPARE(kept.size(), counted.size());
            for (qsizetype i = 0; i < kept.size(); ++i) {
                QCOMPARE(kept[i].code, counted[i].code);
                QCOMPARE(kept[i].segments, counted[i].segments);
                QCOMPARE(kept[i].articles, counted[i].articles);
                QCOMPARE(kept[i].characters, counted[i].characters);
            }
        }
        QCOMPARE(kept0(analysis),
                 QStringLiteral("Loaded language 4 2 84; Flag-waving 1 1 2; Name calling 2 2 85"));
    }
    session.reset();
    for (const char *index :
         {"text_units_by_article", "segment_units_by_paragraph", "segment_units_by_sentence",
          "annotations_by_span", "claims_by_speaker", "claims_by_target", "articles_by_outlet",
          "articles_by_published"}) {
        QCOMPARE(RawSql::scalar(
                     path,
                     QStringLiteral(
                         "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = '%1'")
                         .arg(QLatin1String(index)))
                     .toInt(),
                 1);
    }
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT count(*) FROM text_units")).toInt(), 0);
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(RawSql::scalar(path, QStringLiteral("PRAGMA foreign_key_check")), QVariant());
}

void TestMigrationAnalysis::retrievesOnTheMigratedFile_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("coder") << "coder:carol" << QList<qint64> {7, 6};
    QTest::newRow("overlaps") << "\"Loaded language\" OVERLAPS \"Name calling\""
                              << QList<qint64> {3};
    QTest::newRow("same paragraph")
        << "\"Loaded language\" SAME-PARAGRAPH \"Name calling\"" << QList<qint64> {7, 1, 3, 5};
    QTest::newRow("same sentence, CJK and a flag")
        << "\"Loaded language\" SAME-SENTENCE \"Flag-waving\"" << QList<qint64> {5};
    QTest::newRow("claim") << "stance:supports AND speaker:Kim Jong Un" << QList<qint64> {2};
    QTest::newRow("text") << "text:北京" << QList<qint64> {5};
}

void TestMigrationAnalysis::retrievesOnTheMigratedFile()
{
    QFETCH(QString, query);
    QFETCH(QList<qint64>, expected);
    auto session = ProjectSession::open(copyOfRelease());
    AnalysisRepository analysis(session->database());
    QList<qint64> found;
    for (const CodedSegment &s : analysis.segments(SegmentQueryParser::parse(query)))
        found << s.annotationId;
    QCOMPARE(found, expected);
}

void TestMigrationAnalysis::cutsSentencesAndParagraphs()
{
    const QString path = copyOfRelease();
    {
        auto session = ProjectSession::open(path);
        AnalysisRepository analysis(session->database());
        QCOMPARE(analysis.prepareUnits(), 2);
        QCOMPARE(analysis.prepareUnits(), 0); // nothing left to do
    }
    // The sample's six lines and article 2's two.
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT count(*) FROM text_units WHERE kind = 1"))
                 .toInt(),
             8);
    // Article 2, line 1: two sentences; the second starts after "met. " in
    // code points (the flag is two, the CJK word two).
    QCOMPARE(
        RawSql::scalar(path,
                       QStringLiteral("SELECT group_concat(start || '-' || \"end\", ' ') FROM "
                                      "(SELECT start, \"end\" FROM text_units WHERE article_id = 2 "
                                      "AND kind = 2 ORDER BY start)"))
            .toString(),
        QStringLiteral("0-38 38-93 94-128"));
    QCOMPARE(RawSql::scalar(path, QStringLiteral("SELECT count(*) FROM segment_units")).toInt(), 7);
}

QTEST_GUILESS_MAIN(TestMigrationAnalysis)
#include "tst_migration_analysis.moc"
