// What full-text queries and snippets mean as plain text: query words,
// marked matches, brackets for the command line, and whole-word places in
// text with emoji, combining marks, RTL and CJK.
#include "text/SearchTerms.h"

#include <QTest>

class TestSearchTerms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWordsAndPrefixes();
    void findsMarkedTexts();
    void bracketsMarkers();
    void firstWholeWord_data();
    void firstWholeWord();
    void unspacedScripts();
    void snippetAroundMarksEveryOccurrence();
};

void TestSearchTerms::parsesWordsAndPrefixes()
{
    const QList<SearchTerms::Term> terms
        = SearchTerms::parse(QStringLiteral("  War, kor* \"Kim's\" !! 記者 "));
    QCOMPARE(terms.size(), 4);
    QCOMPARE(terms[0].text, QStringLiteral("War"));
    QVERIFY(!terms[0].prefix);
    QCOMPARE(terms[1].text, QStringLiteral("kor"));
    QVERIFY(terms[1].prefix);
    QCOMPARE(terms[2].text, QStringLiteral("Kim's"));
    QCOMPARE(terms[3].text, QStringLiteral("記者"));
    QVERIFY(SearchTerms::parse(QStringLiteral("  !! ")).isEmpty());
}

void TestSearchTerms::findsMarkedTexts()
{
    const QString snippet
        = QStringLiteral("…the \u0002war\u0003 in \u0002Ukraine\u0003 and \u0002\u0003 \u0002open");
    QCOMPARE(SearchTerms::marked(snippet),
             (QStringList {QStringLiteral("war"), QStringLiteral("Ukraine")}));
    QVERIFY(SearchTerms::marked(QStringLiteral("no marks")).isEmpty());
}

void TestSearchTerms::bracketsMarkers()
{
    const QString snippet = QStringLiteral("a \u0002b\u0003 c");
    QCOMPARE(SearchTerms::bracketed(snippet, QStringLiteral("«"), QStringLiteral("»")),
             QStringLiteral("a «b» c"));
    QCOMPARE(SearchTerms::bracketed(snippet, QString(), QString()), QStringLiteral("a b c"));
}

void TestSearchTerms::firstWholeWord_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("prefix");
    QTest::addColumn<int>("expected"); // UTF-16 index, -1 none

    QTest::newRow("inside a word is skipped")
        << QStringLiteral("toward the war") << QStringLiteral("war") << false << 11;
    QTest::newRow("any case") << QStringLiteral("The War began") << QStringLiteral("war") << false
                              << 4;
    QTest::newRow("prefix") << QStringLiteral("Koreans and Korea") << QStringLiteral("kor") << true
                            << 0;
    QTest::newRow("prefix not inside")
        << QStringLiteral("decor Korea") << QStringLiteral("kor") << true << 6;
    QTest::newRow("not a whole word")
        << QStringLiteral("Koreans") << QStringLiteral("korea") << false << -1;
    QTest::newRow("after emoji") << QStringLiteral("😀😀war") << QStringLiteral("war") << false << 4;
    QTest::newRow("combining mark ends no word")
        << QStringLiteral("Cafe\u0301 cafe") << QStringLiteral("cafe") << false << 6;
    QTest::newRow("combining mark in term")
        << QStringLiteral("Le Cafe\u0301 de") << QStringLiteral("Cafe\u0301") << false << 3;
    QTest::newRow("rtl") << QStringLiteral("قال الحرب في") << QStringLiteral("الحرب") << false << 4;
    // Unspaced scripts: found inside a run, as the search finds them.
    QTest::newRow("cjk inside a run")
        << QStringLiteral("北朝鮮の記者 記者") << QStringLiteral("記者") << false << 4;
    QTest::newRow("cjk after a supplementary han letter")
        << QStringLiteral("𠀋記者 記者") << QStringLiteral("記者") << false << 2;
    QTest::newRow("thai inside a run")
        << QStringLiteral("ข่าวสงครามยูเครน") << QStringLiteral("สงคราม") << false << 4;
    QTest::newRow("latin glued to cjk is no word")
        << QStringLiteral("記者war war") << QStringLiteral("war") << false << 6;
    QTest::newRow("apostrophe separates")
        << QStringLiteral("Kim’s war") << QStringLiteral("Kim") << false << 0;
    QTest::newRow("empty term") << QStringLiteral("text") << QString() << false << -1;
}

void TestSearchTerms::firstWholeWord()
{
    QFETCH(QString, text);
    QFETCH(QString, term);
    QFETCH(bool, prefix);
    QFETCH(int, expected);
    QCOMPARE(SearchTerms::firstWholeWord(text, term, prefix), qsizetype(expected));
}

void TestSearchTerms::unspacedScripts()
{
    QVERIFY(SearchTerms::isUnspaced(QStringLiteral("北京")));
    QVERIFY(SearchTerms::isUnspaced(QStringLiteral("ニュース")));
    QVERIFY(SearchTerms::isUnspaced(QStringLiteral("𠀋"))); // outside the BMP
    QVERIFY(SearchTerms::isUnspaced(QStringLiteral("สงคราม")));
    QVERIFY(!SearchTerms::isUnspaced(QStringLiteral("평양"))); // Korean has spaces
    QVERIFY(!SearchTerms::isUnspaced(QStringLiteral("الحرب")));
    QVERIFY(!SearchTerms::isUnspaced(QStringLiteral("Kursk")));
}

void TestSearchTerms::snippetAroundMarksEveryOccurrence()
{
    // Short text: all of it, every occurrence of either term marked.
    QCOMPARE(SearchTerms::snippetAround(QStringLiteral("我爱北京天安门，北京很大"), {QStringLiteral("北京"), QStringLiteral("天安门")}),
             QStringLiteral("我爱\u0002北京\u0003\u0002天安门\u0003，\u0002北京\u0003很大"));
    // Long text: a window around the first occurrence, with ellipses, and
    // never half a surrogate pair.
    const QString before = QStringLiteral("😀").repeated(40);
    const QString after = QStringLiteral("。").repeated(200);
    const QString snippet = SearchTerms::snippetAround(before + QStringLiteral("北京") + after, {QStringLiteral("北京")});
    QVERIFY(snippet.startsWith(QStringLiteral("…")));
    QVERIFY(snippet.endsWith(QStringLiteral("…")));
    QVERIFY(snippet.contains(QStringLiteral("\u0002北京\u0003")));
    QVERIFY(!snippet.at(1).isLowSurrogate());
    // No occurrence in the text (a match in the title): the start of it.
    QCOMPARE(SearchTerms::snippetAround(QStringLiteral("短い本文"), {QStringLiteral("見出し")}), QStringLiteral("短い本文"));
}

QTEST_GUILESS_MAIN(TestSearchTerms)
#include "tst_searchterms.moc"
