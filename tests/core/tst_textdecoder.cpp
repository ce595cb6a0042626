#include "TestData.h"
#include "text/TextDecoder.h"

#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QByteArray utf16(const QString &text, bool littleEndian)
{
    QByteArray out;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const char lo = char(u & 0xFF), hi = char(u >> 8);
        out.append(littleEndian ? lo : hi).append(littleEndian ? hi : lo);
    }
    return out;
}

QByteArray utf32(const QString &text, bool littleEndian)
{
    QByteArray out;
    for (char32_t cp : text.toUcs4()) {
        char b[4] = {char(cp >> 24), char(cp >> 16), char(cp >> 8), char(cp)};
        if (littleEndian)
            std::reverse(std::begin(b), std::end(b));
        out.append(b, 4);
    }
    return out;
}

const QString kMultilingual = u"Peace \U0001F54A\U0001F1FA\U0001F1E6 和平会谈 محادثات السلام Мир "
                              u"שלום café"_s;

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void failures_data();
    void failures();
    void looksBinary_data();
    void looksBinary();
    void normaliseLineEndings_data();
    void normaliseLineEndings();
    void normaliseSharesUnchangedText();
    void fixtures_data();
    void fixtures();
    void detectsLegacyCharsets_data();
    void detectsLegacyCharsets();
    void westernTextStaysWindows1252_data();
    void westernTextStaysWindows1252();
    void roundTripsUtf8();
    void neverCrashes();
};

void TestTextDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("declared");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");

    const QString lines = u"Line one\nLine two"_s;
    QTest::newRow("ascii") << QByteArray("Hello world") << QByteArray() << u"Hello world"_s
                           << u"UTF-8"_s;
    QTest::newRow("utf8 multilingual")
        << kMultilingual.toUtf8() << QByteArray() << kMultilingual << u"UTF-8"_s;
    QTest::newRow("utf8 bom stripped") << QByteArray("\xEF\xBB\xBF") + kMultilingual.toUtf8()
                                       << QByteArray() << kMultilingual << u"UTF-8"_s;
    QTest::newRow("utf8 bom keeps a second U+FEFF")
        << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBFx") << QByteArray() << u"\uFEFFx"_s << u"UTF-8"_s;
    QTest::newRow("utf16le bom") << QByteArray("\xFF\xFE") + utf16(kMultilingual, true)
                                 << QByteArray() << kMultilingual << u"UTF-16LE"_s;
    QTest::newRow("utf16be bom") << QByteArray("\xFE\xFF") + utf16(kMultilingual, false)
                                 << QByteArray() << kMultilingual << u"UTF-16BE"_s;
    QTest::newRow("utf32le bom") << QByteArray("\xFF\xFE\x00\x00", 4) + utf32(kMultilingual, true)
                                 << QByteArray() << kMultilingual << u"UTF-32LE"_s;
    QTest::newRow("utf32be bom") << QByteArray("\x00\x00\xFE\xFF", 4) + utf32(kMultilingual, false)
                                 << QByteArray() << kMultilingual << u"UTF-32BE"_s;
    QTest::newRow("bom beats declared charset")
        << QByteArray("\xEF\xBB\xBF\xE2\x80\x9Cq\xE2\x80\x9D") << QByteArray("windows-1252")
        << u"\u201Cq\u201D"_s << u"UTF-8"_s;
    QTest::newRow("utf16le bom with crlf") << QByteArray("\xFF\xFE") + utf16(u"a\r\nb\rc"_s, true)
                                           << QByteArray() << u"a\nb\nc"_s << u"UTF-16LE"_s;

    QTest::newRow("cp1252 curly quotes")
        << QByteArray("\x93quoted\x94 \x96 5\x80") << QByteArray()
        << u"\u201Cquoted\u201D \u2013 5\u20AC"_s << u"windows-1252"_s;
    QTest::newRow("invalid utf8 falls back")
        << QByteArray("caf\xE9 cr\xE8me") << QByteArray() << u"café crème"_s << u"windows-1252"_s;
    QTest::newRow("latin1 letter at the very end")
        << QByteArray("caf\xE9") << QByteArray() << u"café"_s << u"windows-1252"_s;
    QTest::newRow("utf8 with one bad byte falls back wholesale")
        << QByteArray("\xC3\xA9t\xE9 x") << QByteArray() << u"Ã©té x"_s << u"windows-1252"_s;
    QTest::newRow("overlong utf8 is not utf8")
        << QByteArray("a\xC0\xAF") << QByteArray() << u"aÀ¯"_s << u"windows-1252"_s;
    QTest::newRow("utf8 truncated mid-character")
        << QByteArray("caf\xC3\xA9 \xE2\x80") << QByteArray() << u"café \uFFFD\uFFFD"_s
        << u"UTF-8"_s;

    QTest::newRow("declared iso-8859-15")
        << QByteArray("5\xA4") << QByteArray("ISO-8859-15") << u"5€"_s << u"ISO-8859-15"_s;
    QTest::newRow("declared charset quoted and padded")
        << QByteArray("5\xA4") << QByteArray(" \"iso-8859-15\" ") << u"5€"_s << u"ISO-8859-15"_s;
    QTest::newRow("declared koi8-r")
        << QByteArray("\xCD\xC9\xD2") << QByteArray("koi8-r") << u"мир"_s << u"KOI8-R"_s;
    QTest::newRow("declared utf-8 keeps invalid bytes as U+FFFD")
        << QByteArray("ok \xFF end") << QByteArray("utf-8") << u"ok \uFFFD end"_s << u"UTF-8"_s;
    QTest::newRow("declared latin1 means windows-1252")
        << QByteArray("\x93hi\x94") << QByteArray("ISO-8859-1") << u"\u201Chi\u201D"_s
        << u"windows-1252"_s;
    QTest::newRow("declared latin1 loses to convincing utf8")
        << QByteArray("caf\xC3\xA9") << QByteArray("iso-8859-1") << u"café"_s << u"UTF-8"_s;
    QTest::newRow("declared latin1 kept for ascii")
        << QByteArray("plain") << QByteArray("latin1") << u"plain"_s << u"windows-1252"_s;
    QTest::newRow("unknown declared charset ignored")
        << QByteArray("caf\xC3\xA9") << QByteArray("no-such-charset") << u"café"_s << u"UTF-8"_s;
    QTest::newRow("declared utf-16 without NULs is utf-8")
        << QByteArray("caf\xC3\xA9") << QByteArray("utf-16") << u"café"_s << u"UTF-8"_s;
    QTest::newRow("declared utf-16le without bom")
        << utf16(u"hi é"_s, true) << QByteArray("UTF-16LE") << u"hi é"_s << u"UTF-16LE"_s;

    QTest::newRow("crlf") << QByteArray("Line one\r\nLine two") << QByteArray() << lines
                          << u"UTF-8"_s;
    QTest::newRow("lone cr") << QByteArray("Line one\rLine two") << QByteArray() << lines
                             << u"UTF-8"_s;
    QTest::newRow("mixed endings") << QByteArray("a\r\n\r\nb\r\rc\n\rd\n") << QByteArray()
                                   << u"a\n\nb\n\nc\n\nd\n"_s << u"UTF-8"_s;
    QTest::newRow("surrounding whitespace kept")
        << QByteArray("  text  \n") << QByteArray() << u"  text  \n"_s << u"UTF-8"_s;
    QTest::newRow("dos eof marker is not binary")
        << QByteArray("text\r\n\x1A") << QByteArray() << u"text\n\x1A"_s << u"UTF-8"_s;
}

void TestTextDecoder::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, declared);
    QFETCH(QString, text);
    QFETCH(QString, encoding);

    const DecodedText result = TextDecoder::decode(bytes, declared);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.text, text);
    QCOMPARE(result.encoding, encoding);
}

void TestTextDecoder::failures_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("declared");
    QTest::addColumn<QString>("error");

    const QString empty = u"the file is empty"_s;
    const QString binary = u"binary data (not text)"_s;
    QTest::newRow("empty") << QByteArray() << QByteArray() << empty;
    QTest::newRow("whitespace only") << QByteArray(" \r\n\t\n  ") << QByteArray() << empty;
    QTest::newRow("utf8 bom only") << QByteArray("\xEF\xBB\xBF") << QByteArray() << empty;
    QTest::newRow("utf16 bom and whitespace")
        << QByteArray("\xFF\xFE \x00\n\x00", 6) << QByteArray() << empty;
    QTest::newRow("declared, whitespace only")
        << QByteArray("\n\n") << QByteArray("utf-8") << empty;
    QTest::newRow("png") << TestData::read(u"import/binary.png"_s) << QByteArray() << binary;
    QTest::newRow("png header only") << QByteArray("\x89PNG\r\n\x1A\n") << QByteArray() << binary;
    QTest::newRow("pdf") << QByteArray("%PDF-1.4\n1 0 obj\n") << QByteArray() << binary;
    QTest::newRow("zip / docx") << QByteArray("PK\x03\x04\x14\x00", 6) << QByteArray() << binary;
    QTest::newRow("text with a NUL") << QByteArray("hello\0world", 11) << QByteArray() << binary;
    QTest::newRow("NUL even with declared charset")
        << QByteArray("hello\0world", 11) << QByteArray("windows-1252") << binary;
    QTest::newRow("utf16 without bom is binary")
        << utf16(u"no bom"_s, true) << QByteArray() << binary;
    QTest::newRow("control characters")
        << QByteArray("\x01\x02\x03\x04text\x05\x06\x07\x08") << QByteArray() << binary;
    QTest::newRow("utf16 bom but controls")
        << QByteArray("\xFF\xFE") + utf16(u"\x01\x02\x03\x04"_s, true) << QByteArray() << binary;

    QByteArray random(4096, '\0');
    QRandomGenerator rng(42);
    for (char &c : random)
        c = char(rng.bounded(256));
    QTest::newRow("random bytes") << random << QByteArray() << binary;
}

void TestTextDecoder::failures()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, declared);
    QFETCH(QString, error);

    const DecodedText result = TextDecoder::decode(bytes, declared);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, error);
    QVERIFY(result.text.isEmpty());
}

void TestTextDecoder::looksBinary_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("binary");

    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("text") << QByteArray("Plain text.\r\n\tIndented.\f") << false;
    QTest::newRow("utf8") << kMultilingual.toUtf8() << false;
    QTest::newRow("cp1252") << QByteArray("\x93quoted\x94") << false;
    QTest::newRow("utf16le with bom")
        << QByteArray("\xFF\xFE") + utf16(kMultilingual, true) << false;
    QTest::newRow("utf32be with bom")
        << QByteArray("\x00\x00\xFE\xFF", 4) + utf32(kMultilingual, false) << false;
    QTest::newRow("one stray control in long text")
        << QByteArray("a long line of perfectly normal text\x07 and more") << false;
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << true;
    QTest::newRow("utf8 bom does not excuse NUL") << QByteArray("\xEF\xBB\xBF"
                                                                "a\0b",
                                                                6)
                                                  << true;
    QTest::newRow("png") << TestData::read(u"import/binary.png"_s) << true;
    QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xE0") << true;
    QTest::newRow("gif") << QByteArray("GIF89a") << true;
    QTest::newRow("elf") << QByteArray("\x7F"
                                       "ELF\x02\x01")
                         << true;
    QTest::newRow("many controls") << QByteArray("\x1B[31mred\x1B[0m\x01\x02") << true;
    QTest::newRow("NUL after 8 KB is not seen")
        << QByteArray(9000, 'a') + QByteArray(1, '\0') << false;
}

void TestTextDecoder::looksBinary()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, binary);
    QCOMPARE(TextDecoder::looksBinary(bytes), binary);
}

void TestTextDecoder::normaliseLineEndings_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("lf untouched") << u"a\nb\n"_s << u"a\nb\n"_s;
    QTest::newRow("crlf") << u"a\r\nb\r\n"_s << u"a\nb\n"_s;
    QTest::newRow("cr") << u"a\rb\r"_s << u"a\nb\n"_s;
    QTest::newRow("cr cr lf") << u"a\r\r\nb"_s << u"a\n\nb"_s;
    QTest::newRow("lf cr") << u"a\n\rb"_s << u"a\n\nb"_s;
    QTest::newRow("only cr") << u"\r"_s << u"\n"_s;
    QTest::newRow("other separators kept") << u"a\u2028b\u0085c"_s << u"a\u2028b\u0085c"_s;
}

void TestTextDecoder::normaliseLineEndings()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextDecoder::normaliseLineEndings(input), expected);
}

void TestTextDecoder::normaliseSharesUnchangedText()
{
    const QString text = u"no carriage returns\n"_s;
    QCOMPARE(TextDecoder::normaliseLineEndings(text).constData(), text.constData());
}

void TestTextDecoder::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");

    QTest::newRow("cp1252.txt")
        << u"cp1252.txt"_s
        << u"\u201CCafé prices rose 5€,\u201D she said \u2013 twice.\nSecond paragraph \u2026\n"_s
        << u"windows-1252"_s;
    QTest::newRow("utf16le.txt")
        << u"utf16le.txt"_s
        << u"Seoul \u2013 \u201CPeace\u201D talks \U0001F54A\n平和会谈\nمحادثات السلام\n"_s
        << u"UTF-16LE"_s;
}

void TestTextDecoder::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, text);
    QFETCH(QString, encoding);

    const DecodedText result = TextDecoder::decode(TestData::read(u"import/"_s + file));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.text, text);
    QCOMPARE(result.encoding, encoding);
}

// News sentences saved in the legacy charsets of their languages, without
// a BOM or a declaration: uchardet finds the charset.
void TestTextDecoder::detectsLegacyCharsets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("charset");

    const QString korean = u"서울에서 열린 정상회담에서 양국 정상은 경제 협력을 강화하기로 "
                           u"합의했다고 정부 관계자가 밝혔다."_s;
    const QString russian = u"Правительство России объявило о новых мерах поддержки экономики "
                            u"после переговоров в Москве, сообщили официальные лица."_s;
    const QString japanese = u"東京で行われた首脳会談で、両国は経済協力の強化に合意したと"
                             u"政府関係者が明らかにした。"_s;
    const QString chinese = u"北京举行的和平会谈中，双方代表同意继续就停火协议进行磋商，"
                            u"官员表示谈判取得了进展。"_s;
    const QString traditional = u"台北舉行的和平會談中，雙方代表同意繼續就停火協議進行磋商，"
                                u"官員表示談判取得了進展。"_s;
    const QString czech = u"Předseda vlády řekl, že jednání v Praze přinesla důležitý pokrok "
                          u"a že dohoda o rozpočtu je blízko."_s;
    const QString polish = u"Premier powiedział, że rozmowy w Warszawie są ściśle tajne, a "
                           u"porozumienie w sprawie budżetu jest bliskie, podała agencja."_s;
    const QString greek = u"Οι διαπραγματεύσεις συνεχίστηκαν στη Γενεύη την Παρασκευή, δήλωσε "
                          u"εκπρόσωπος του υπουργείου."_s;
    QTest::newRow("Korean EUC-KR") << korean << u"EUC-KR"_s;
    QTest::newRow("Russian windows-1251") << russian << u"windows-1251"_s;
    QTest::newRow("Russian KOI8-R") << russian << u"KOI8-R"_s;
    QTest::newRow("Japanese Shift_JIS") << japanese << u"Shift_JIS"_s;
    QTest::newRow("Japanese EUC-JP") << japanese << u"EUC-JP"_s;
    QTest::newRow("Chinese GB18030") << chinese << u"GB18030"_s;
    QTest::newRow("Chinese Big5") << traditional << u"Big5"_s;
    QTest::newRow("Czech ISO-8859-2") << czech << u"ISO-8859-2"_s;
    QTest::newRow("Polish ISO-8859-2") << polish << u"ISO-8859-2"_s;
    QTest::newRow("Greek ISO-8859-7") << greek << u"ISO-8859-7"_s;
    QTest::newRow("Russian with CRLF and an English name")
        << u"Заявление\r\nМинистр встретился с делегацией Reuters в Москве и "
           u"обсудил переговоры."_s
        << u"windows-1251"_s;
}

void TestTextDecoder::detectsLegacyCharsets()
{
    QFETCH(QString, text);
    QFETCH(QString, charset);

    QStringEncoder encoder(charset.toLatin1().constData());
    QVERIFY(encoder.isValid());
    const QByteArray bytes = encoder.encode(text);
    QVERIFY(!encoder.hasError());
    const DecodedText result = TextDecoder::decode(bytes);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.text, TextDecoder::normaliseLineEndings(text));
    QVERIFY2(result.encoding.compare(charset, Qt::CaseInsensitive) == 0,
             qPrintable(result.encoding));
}

// uchardet guesses Latin charsets poorly on short text; these it misreads
// (Italian as windows-1250, Icelandic as ISO-8859-13, ...) must still come
// out as windows-1252, the last resort.
void TestTextDecoder::westernTextStaysWindows1252_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("Italian") << u"Il ministro ha dichiarato che i negoziati a Roma sono proseguiti "
                                u"e che un accordo sull’economia è vicino. «È un passo avanti», "
                                u"ha detto."_s;
    QTest::newRow("Icelandic") << u"Forsætisráðherra Íslands sagði í dag að viðræður við "
                                  u"Færeyjar hefðu gengið vel og að samkomulag væri í nánd."_s;
    QTest::newRow("Spanish") << u"El niño pidió más información. ¿Habrá elecciones este año?"_s;
    QTest::newRow("Danish") << u"Æble og øl på Nørrebro, sagde statsministeren i København."_s;
    QTest::newRow("English with symbols")
        << u"The café’s owner, José, said prices rose to £5 and €10 — “cautiously”, 5°C, "
           u"km², Apple™ and naïve…"_s;
    QTest::newRow("French") << u"Le ministre a déclaré que les négociations à Genève avaient "
                               u"progressé et qu’un accord était proche."_s;
    QTest::newRow("German") << u"Der Außenminister äußerte sich über die Gespräche in Österreich: "
                               u"„Wir sind vorsichtig optimistisch“, sagte er in Zürich."_s;
    QTest::newRow("Portuguese")
        << u"O ministro afirmou que as negociações em São Paulo avançaram e "
           u"que um acordo sobre a economia está próximo."_s;
    QTest::newRow("Swedish") << u"Statsministern sade att förhandlingarna i Göteborg hade gått bra "
                                u"och att en överenskommelse var nära."_s;
    QTest::newRow("Norwegian") << u"Statsministeren sa at forhandlingene i Tromsø og Bodø hadde "
                                  u"gått bra. Årets budsjett økes."_s;
    QTest::newRow("Finnish") << u"Pääministeri sanoi, että neuvottelut Helsingissä olivat edenneet "
                                u"hyvin ja että sopimus on lähellä."_s;
    QTest::newRow("Catalan") << u"El col·lectiu va dir que la situació a Barcelona és greu."_s;
    QTest::newRow("one accented letter") << u"año"_s;
}

void TestTextDecoder::westernTextStaysWindows1252()
{
    QFETCH(QString, text);
    QStringEncoder encoder("windows-1252");
    const QByteArray bytes = encoder.encode(text);
    QVERIFY(!encoder.hasError());
    const DecodedText result = TextDecoder::decode(bytes);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.text, text);
    QCOMPARE(result.encoding, u"windows-1252"_s);
}

// Whatever Unicode text is saved as UTF-8 comes back exactly.
void TestTextDecoder::roundTripsUtf8()
{
    QRandomGenerator rng(7);
    for (int round = 0; round < 200; ++round) {
        QString text = u"x"_s;
        const int length = 1 + int(rng.bounded(200));
        for (int i = 0; i < length; ++i) {
            char32_t cp;
            do {
                cp = char32_t(rng.bounded(0x20, 0x110000));
            } while ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)
                     || cp == 0xFEFF);
            text.append(QString::fromUcs4(&cp, 1));
        }
        const DecodedText result = TextDecoder::decode(text.toUtf8());
        QVERIFY(result.ok);
        QCOMPARE(result.encoding, u"UTF-8"_s);
        QCOMPARE(result.text, text);
    }
}

// Every one- and two-byte input and many random ones: no crash, and a
// successful result never contains CR.
void TestTextDecoder::neverCrashes()
{
    const QList<QByteArray> charsets
        = {QByteArray(), "utf-8", "utf-16", "UTF-16BE", "shift_jis", "bogus", "iso-8859-1"};
    for (int a = 0; a < 256; ++a) {
        for (int b = -1; b < 256; ++b) {
            QByteArray bytes(1, char(a));
            if (b >= 0)
                bytes.append(char(b));
            const DecodedText result = TextDecoder::decode(bytes, charsets[(a + b + 1) % 7]);
            QCOMPARE(result.ok, result.error.isEmpty());
            QVERIFY(!result.text.contains(u'\r'));
        }
    }
    QRandomGenerator rng(1234);
    for (int round = 0; round < 500; ++round) {
        QByteArray bytes(qsizetype(rng.bounded(64)), '\0');
        for (char &c : bytes)
            c = char(rng.bounded(round % 2 ? 256 : 128)); // half of them ASCII-ish
        // Give some inputs a BOM so the Unicode paths get garbage too.
        static const QByteArray boms[]
            = {"", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", QByteArray("\xFF\xFE\0\0", 4)};
        bytes.prepend(boms[round % 5]);
        const DecodedText result = TextDecoder::decode(bytes, charsets[round % 7]);
        QCOMPARE(result.ok, result.error.isEmpty());
        QVERIFY(!result.text.contains(u'\r'));
    }
}

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
