// Code point <-> UTF-16 conversion with emoji, combining marks, RTL and CJK.
#include "text/TextOffsets.h"

#include <QTest>

class TestTextOffsets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void insidePairMapsToItsStart();
    void clamps();
};

void TestTextOffsets::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << QStringLiteral("Kim Jong Un spoke");
    QTest::newRow("emoji") << QStringLiteral("a😀b😀😀c");
    QTest::newRow("combining") << QStringLiteral("e\u0301te\u0301 cafe\u0301");
    QTest::newRow("rtl") << QStringLiteral("He said שלום and مرحبا.");
    QTest::newRow("cjk") << QStringLiteral("北朝鮮 및 한국 𠀋 end");
    QTest::newRow("flag") << QStringLiteral("🇰🇵 vs 🇰🇷");
    QTest::newRow("empty") << QString();
}

void TestTextOffsets::roundTrip()
{
    QFETCH(QString, text);
    const TextOffsets offsets(text);
    const auto codePoints = text.toUcs4();
    QCOMPARE(offsets.codePointCount(), codePoints.size());
    QCOMPARE(TextOffsets::codePointLength(text), codePoints.size());
    // Walk the text: each code point starts where the running UTF-16 index is.
    qsizetype utf16 = 0;
    for (qsizetype cp = 0; cp < codePoints.size(); ++cp) {
        QCOMPARE(offsets.toUtf16(cp), utf16);
        QCOMPARE(offsets.toCodePoint(utf16), cp);
        utf16 += QChar::requiresSurrogates(codePoints[cp]) ? 2 : 1;
    }
    QCOMPARE(offsets.toUtf16(codePoints.size()), text.size());
    QCOMPARE(offsets.toCodePoint(text.size()), codePoints.size());
}

void TestTextOffsets::insidePairMapsToItsStart()
{
    const QString text = QStringLiteral("a😀b");
    const TextOffsets offsets(text);
    QCOMPARE(offsets.toCodePoint(2), 1); // low surrogate of 😀
    QCOMPARE(offsets.toCodePoint(3), 2);
}

void TestTextOffsets::clamps()
{
    const TextOffsets offsets(QStringLiteral("a😀"));
    QCOMPARE(offsets.toUtf16(-3), 0);
    QCOMPARE(offsets.toUtf16(99), 3);
    QCOMPARE(offsets.toCodePoint(99), 2);
}

QTEST_GUILESS_MAIN(TestTextOffsets)
#include "tst_textoffsets.moc"
