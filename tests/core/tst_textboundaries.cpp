// Word steps and grapheme clusters for span boundaries: Latin, CJK, Thai,
// Arabic, emoji (skin tones, ZWJ sequences, flags) and combining marks.
#include "text/GraphemeBoundaries.h"
#include "text/TextOffsets.h"
#include "text/WordBoundaries.h"

#include <QTest>
#include <QTextBoundaryFinder>

class TestTextBoundaries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wordSteps();
    void wordStepsUnicodeWords();
    void wordStepsCjk();
    void wordStepsArabicWithMarks();
    void wordStepsSkipEmoji();
    void wordStepsThaiStayOnClusters();
    void expandToWords();
    void graphemeSteps_data();
    void graphemeSteps();
    void graphemeExpand();
    void graphemeStepsInCodePoints();
};

namespace {
bool isGraphemeBoundary(const QString &text, qsizetype pos)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    finder.setPosition(pos);
    return finder.isAtBoundary();
}
} // namespace

void TestTextBoundaries::wordSteps()
{
    const QString t = QStringLiteral("Kim Jong Un spoke.");
    QCOMPARE(WordBoundaries::nextWordEnd(t, 3), 8);
    QCOMPARE(WordBoundaries::previousWordEnd(t, 8), 3);
    QCOMPARE(WordBoundaries::previousWordStart(t, 4), 0);
    QCOMPARE(WordBoundaries::nextWordStart(t, 0), 4);
    // Past the last word: the text's ends.
    QCOMPARE(WordBoundaries::nextWordStart(t, 12), t.size());
    QCOMPARE(WordBoundaries::nextWordEnd(t, 17), t.size());
    QCOMPARE(WordBoundaries::previousWordEnd(t, 3), 0);
    QCOMPARE(WordBoundaries::previousWordStart(t, 0), 0);
}

void TestTextBoundaries::wordStepsUnicodeWords()
{
    // Unicode word rules: "Un's" and "3.5" are one word each, the hyphen
    // and the guillemets are not words.
    const QString t = QStringLiteral("Kim, Jong-Un's 3.5% «x»");
    QCOMPARE(WordBoundaries::nextWordEnd(t, 3), 9); // "Jong"
    QCOMPARE(WordBoundaries::nextWordEnd(t, 9), 14); // "Un's"
    QCOMPARE(WordBoundaries::nextWordStart(t, 10), 15); // "3.5"
    QCOMPARE(WordBoundaries::nextWordEnd(t, 15), 18);
    QCOMPARE(WordBoundaries::nextWordStart(t, 15), 21); // "x", past "% «"
    QCOMPARE(WordBoundaries::previousWordStart(t, 21), 15);
}

void TestTextBoundaries::wordStepsCjk()
{
    // Without a dictionary each ideograph or kana is a word: a step moves
    // by one and skips the space, never running to the end of the text.
    const QString t = QStringLiteral("中文字 日本語です");
    QCOMPARE(WordBoundaries::nextWordEnd(t, 0), 1);
    QCOMPARE(WordBoundaries::nextWordEnd(t, 2), 3);
    QCOMPARE(WordBoundaries::nextWordStart(t, 1), 2);
    QCOMPARE(WordBoundaries::nextWordStart(t, 3), 4);
    QCOMPARE(WordBoundaries::previousWordEnd(t, 4), 3);
    QCOMPARE(WordBoundaries::previousWordStart(t, 9), 8);
    // Hangul words are whole.
    const QString ko = QStringLiteral("그는 말했다. 김정은은");
    QCOMPARE(WordBoundaries::nextWordEnd(ko, 3), 6);
    QCOMPARE(WordBoundaries::nextWordStart(ko, 3), 8);
}

void TestTextBoundaries::wordStepsArabicWithMarks()
{
    // "marḥaban bi-l-ʿālam" with its vowel marks: marks belong to words.
    const QString t = QStringLiteral("مَرْحَبًا بالعالم");
    const qsizetype space = t.indexOf(QLatin1Char(' '));
    QCOMPARE(WordBoundaries::nextWordEnd(t, 0), space);
    QCOMPARE(WordBoundaries::nextWordEnd(t, 1), space);
    QCOMPARE(WordBoundaries::nextWordStart(t, 0), space + 1);
    QCOMPARE(WordBoundaries::previousWordStart(t, space), 0);
}

void TestTextBoundaries::wordStepsSkipEmoji()
{
    const QString t = QStringLiteral("a 👍🏽 b 👩‍💻 c");
    QCOMPARE(WordBoundaries::nextWordStart(t, 0), 7); // "b", over the emoji
    QCOMPARE(WordBoundaries::nextWordEnd(t, 1), 8);
    QCOMPARE(WordBoundaries::previousWordEnd(t, 15), 8);
    QCOMPARE(WordBoundaries::previousWordStart(t, 15), 7);
}

void TestTextBoundaries::wordStepsThaiStayOnClusters()
{
    // Thai has no spaces between words: Qt splits it by dictionary where
    // one is installed. Either way a step lands between clusters, never
    // between a consonant and its vowel or tone mark.
    const QString t = QStringLiteral("ภาษาไทยง่ายนิดเดียว");
    qsizetype pos = 0;
    int steps = 0;
    while (pos < t.size()) {
        const qsizetype next = WordBoundaries::nextWordEnd(t, pos);
        QVERIFY(next > pos);
        QVERIFY2(isGraphemeBoundary(t, next), qPrintable(QString::number(next)));
        pos = next;
        ++steps;
    }
    QVERIFY(steps >= 1);
    QVERIFY(!isGraphemeBoundary(t, 8)); // the tone mark after ง
    qsizetype start = 8, end = 8;
    WordBoundaries::expandToWords(t, start, end);
    QVERIFY(start < 8 && isGraphemeBoundary(t, start));
    QVERIFY(end > 8 && isGraphemeBoundary(t, end));
}

void TestTextBoundaries::expandToWords()
{
    const QString t = QStringLiteral("Kim Jong Un spoke.");
    qsizetype start = 5, end = 10;
    WordBoundaries::expandToWords(t, start, end);
    QCOMPARE(t.mid(start, end - start), QStringLiteral("Jong Un"));
    // Already at word edges, or in the space between: nothing moves.
    start = 3;
    end = 9;
    WordBoundaries::expandToWords(t, start, end);
    QCOMPARE(start, 3);
    QCOMPARE(end, 9);
    // Combining marks are inside the word: "été" and "ok" whole.
    const QString accents = QStringLiteral("e\u0301te\u0301 ok");
    start = 1;
    end = 7;
    WordBoundaries::expandToWords(accents, start, end);
    QCOMPARE(start, 0);
    QCOMPARE(end, 8);
}

void TestTextBoundaries::graphemeSteps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qsizetype>>("boundaries"); // UTF-16, after 0
    QTest::newRow("combining acute") << QStringLiteral("e\u0301t") << QList<qsizetype> {2, 3};
    // Vietnamese "ệ" spelled e + circumflex + dot below.
    QTest::newRow("stacked vietnamese")
        << QStringLiteral("Vie\u0302\u0323t") << QList<qsizetype> {1, 2, 5, 6};
    QTest::newRow("skin tone") << QStringLiteral("👍🏽!") << QList<qsizetype> {4, 5};
    QTest::newRow("zwj sequence") << QStringLiteral("👩‍💻x") << QList<qsizetype> {5, 6};
    QTest::newRow("flags") << QStringLiteral("🇰🇷🇯🇵") << QList<qsizetype> {4, 8};
    QTest::newRow("hangul jamo") << QStringLiteral("\u1100\u1161\u11A8a")
                                 << QList<qsizetype> {3, 4};
    QTest::newRow("thai tone mark") << QStringLiteral("ง่าย") << QList<qsizetype> {2, 3, 4};
    QTest::newRow("crlf") << QStringLiteral("a\r\nb") << QList<qsizetype> {1, 3, 4};
}

void TestTextBoundaries::graphemeSteps()
{
    QFETCH(QString, text);
    QFETCH(QList<qsizetype>, boundaries);
    // Forward from every index, including those inside a cluster.
    for (qsizetype pos = 0; pos < text.size(); ++pos) {
        const qsizetype expected = *std::find_if(boundaries.cbegin(), boundaries.cend(),
                                                 [&](qsizetype b) { return b > pos; });
        QCOMPARE(GraphemeBoundaries::next(text, pos), expected);
    }
    QCOMPARE(GraphemeBoundaries::next(text, text.size()), text.size());
    // Backward from each boundary to the one before.
    qsizetype before = 0;
    for (qsizetype b : boundaries) {
        QCOMPARE(GraphemeBoundaries::previous(text, b), before);
        before = b;
    }
    QCOMPARE(GraphemeBoundaries::previous(text, 0), 0);
}

void TestTextBoundaries::graphemeExpand()
{
    const QString t = QStringLiteral("a👍🏽b🇰🇷🇯🇵c");
    qsizetype start = 3, end = 3; // between 👍 and 🏽
    GraphemeBoundaries::expand(t, start, end);
    QCOMPARE(start, 1);
    QCOMPARE(end, 5);
    start = 8; // between the regional indicators of 🇰🇷
    end = 12; // between those of 🇯🇵
    GraphemeBoundaries::expand(t, start, end);
    QCOMPARE(t.mid(start, end - start), QStringLiteral("🇰🇷🇯🇵"));
    // Already on boundaries: unchanged; out of range: clamped.
    start = 0;
    end = 1;
    GraphemeBoundaries::expand(t, start, end);
    QCOMPARE(start, 0);
    QCOMPARE(end, 1);
    start = -4;
    end = 99;
    GraphemeBoundaries::expand(t, start, end);
    QCOMPARE(start, 0);
    QCOMPARE(end, t.size());
}

void TestTextBoundaries::graphemeStepsInCodePoints()
{
    // Spans are stored in code points: "x👩‍💻y" is x, 👩, ZWJ, 💻, y.
    const QString t = QStringLiteral("x👩‍💻y");
    const TextOffsets offsets(t);
    const auto next = [&](qint64 cp) {
        return offsets.toCodePoint(GraphemeBoundaries::next(t, offsets.toUtf16(cp)));
    };
    const auto previous = [&](qint64 cp) {
        return offsets.toCodePoint(GraphemeBoundaries::previous(t, offsets.toUtf16(cp)));
    };
    QCOMPARE(next(0), 1);
    QCOMPARE(next(1), 4);
    QCOMPARE(next(2), 4); // from inside the sequence, to its end
    QCOMPARE(previous(4), 1);
    QCOMPARE(previous(5), 4);
}

QTEST_GUILESS_MAIN(TestTextBoundaries)
#include "tst_textboundaries.moc"
