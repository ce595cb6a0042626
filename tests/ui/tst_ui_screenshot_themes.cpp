// Runs the real executable under Xvfb with --screenshot (no --theme, then
// --theme light|dark) on the sample article with nested annotations, and
// inspects the picture: right size, not blank, text drawn in the reader, a
// page that follows the theme and the highlights visible on it; then each
// analysis panel alone (--panel) and an unknown panel refused. With
// FRAMEWISE_KEEP_SCREENSHOTS=DIR set the pictures are kept there.
#include "RequiredTool.h"
#include "project/StarterProject.h"
#include "store/ProjectSession.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshotThemes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void highlightsVisible_data();
    void highlightsVisible();
    void panelAlone_data();
    void panelAlone();
    void unknownPanelRefused();
};

namespace {
// The reader's page and wash strength per theme (see ReaderView and
// AnnotationHighlighter).
QColor washed(const QColor &code, bool dark)
{
    const QColor paper = dark ? QColor(0x1f, 0x1f, 0x1d) : QColor(0xfc, 0xfb, 0xf8);
    const int alpha = dark ? 92 : 62;
    const auto blend = [alpha](int under, int over) { return under + (over - under) * alpha / 255; };
    return QColor(blend(paper.red(), code.red()), blend(paper.green(), code.green()), blend(paper.blue(), code.blue()));
}

bool near(QRgb pixel, const QColor &colour, int tolerance)
{
    return qAbs(qRed(pixel) - colour.red()) <= tolerance && qAbs(qGreen(pixel) - colour.green()) <= tolerance
        && qAbs(qBlue(pixel) - colour.blue()) <= tolerance;
}
// The real executable under xvfb-run, with a fresh home in dir.
void startUnderXvfb(QProcess &process, const QString &xvfb, const QTemporaryDir &dir,
                    const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // a real X server this time
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    process.setProcessEnvironment(env);
    process.start(xvfb, QStringList{QStringLiteral("-a"), QStringLiteral("-s"),
                                    QStringLiteral("-screen 0 1600x1000x24"),
                                    QStringLiteral(FRAMEWISE_BINARY)}
                            + arguments);
}
} // namespace

void TestScreenshotThemes::panelAlone_data()
{
    QTest::addColumn<QString>("panel");
    QTest::newRow("segments") << QStringLiteral("segments");
    QTest::newRow("matrix") << QStringLiteral("matrix");
    QTest::newRow("network") << QStringLiteral("network");
}

// --panel NAME with --screenshot: the picture is of that panel alone.
void TestScreenshotThemes::panelAlone()
{
    QFETCH(QString, panel);
    REQUIRE_TOOL(xvfb, QStringLiteral("xvfb-run"), QStringLiteral("xvfb"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("panel.framewise"));
    {
        auto store = StarterProject::openOrCreate(project);
        const Article sample = *store->articles().get(store->articles().summaries().first().id);
        const Code loaded = *store->codebook().codeByName(QStringLiteral("Loaded language"));
        const qint64 nazi = sample.text.indexOf(QStringLiteral("“neo-Nazi” regime"));
        QVERIFY(nazi >= 0);
        store->annotations().add({sample.id, nazi, nazi + 17, {loaded.id}, {}, {}, 0});
    }
    const QString png = dir.filePath(QStringLiteral("panel.png"));
    QProcess process;
    startUnderXvfb(process, xvfb, dir,
                   {QStringLiteral("--screenshot"), png, QStringLiteral("--panel"), panel, project});
    QVERIFY(process.waitForStarted());
    QVERIFY2(process.waitForFinished(120000), "framewise --screenshot --panel did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QImage image = QImage(png).convertToFormat(QImage::Format_RGB32);
    QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
    // The floating panel, not the 1400×860 window.
    QCOMPARE(image.size(), QSize(1200, 760));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    const QString keep = qEnvironmentVariable("FRAMEWISE_KEEP_SCREENSHOTS");
    if (!keep.isEmpty()) {
        const QString target = QDir(keep).filePath(QStringLiteral("panel-%1.png").arg(panel));
        QFile::remove(target);
        QFile::copy(png, target);
    }
}

void TestScreenshotThemes::unknownPanelRefused()
{
    QProcess process;
    process.start(QStringLiteral(FRAMEWISE_BINARY),
                  {QStringLiteral("--panel"), QStringLiteral("charts"), QStringLiteral("x.framewise")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--panel must be segments, matrix or network"));
}

void TestScreenshotThemes::highlightsVisible_data()
{
    QTest::addColumn<QString>("theme"); // empty: no --theme, fresh settings
    QTest::addColumn<bool>("dark");
    QTest::newRow("default") << QString() << false;
    QTest::newRow("light") << QStringLiteral("light") << false;
    QTest::newRow("dark") << QStringLiteral("dark") << true;
}

void TestScreenshotThemes::highlightsVisible()
{
    QFETCH(QString, theme);
    QFETCH(bool, dark);
    REQUIRE_TOOL(xvfb, QStringLiteral("xvfb-run"), QStringLiteral("xvfb"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("shot.framewise"));
    QColor factualColour;
    {
        auto store = StarterProject::openOrCreate(project);
        const Article sample = *store->articles().get(store->articles().summaries().first().id);
        const Code factual = *store->codebook().codeByName(QStringLiteral("Factual claim"));
        const Code person = *store->codebook().codeByName(QStringLiteral("Person"));
        const Code loaded = *store->codebook().codeByName(QStringLiteral("Loaded language"));
        factualColour = QColor(factual.colour);
        const qint64 start = sample.text.indexOf(QStringLiteral("Kim Jong Un has offered"));
        QVERIFY(start >= 0); // BMP-only prefix: UTF-16 index == code point
        store->annotations().add({sample.id, start, start + 115, {factual.id}, {}, {}, 0});
        store->annotations().add({sample.id, start, start + 11, {person.id}, {}, {}, 0});
        const qint64 nazi = sample.text.indexOf(QStringLiteral("“neo-Nazi” regime"));
        QVERIFY(nazi >= 0);
        store->annotations().add({sample.id, nazi, nazi + 17, {loaded.id}, {}, QStringLiteral("Echoes Moscow's framing"), 0});
    }

    const QString png = dir.filePath(QStringLiteral("out.png"));
    QStringList args = {QStringLiteral("--screenshot"), png};
    if (!theme.isEmpty())
        args << QStringLiteral("--theme") << theme;
    args << project;
    QProcess process;
    startUnderXvfb(process, xvfb, dir, args);
    QVERIFY(process.waitForStarted());
    QVERIFY2(process.waitForFinished(120000), "framewise --screenshot did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());

    const QString keep = qEnvironmentVariable("FRAMEWISE_KEEP_SCREENSHOTS");
    if (!keep.isEmpty()) {
        const QString name = QStringLiteral("reader-%1.png").arg(QTest::currentDataTag());
        const QString target = QDir(keep).filePath(name);
        QFile::remove(target);
        QFile::copy(png, target);
    }

    QImage image(png);
    QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
    QCOMPARE(image.size(), QSize(1400, 860));
    image = image.convertToFormat(QImage::Format_RGB32);

    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 200, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));

    // The reader sits between the docks.
    const QRect reader(image.width() / 4, image.height() / 5, image.width() / 2, image.height() * 3 / 5);
    int page = 0;
    int ink = 0;
    int highlighted = 0;
    const QColor wash = washed(factualColour, dark);
    for (int y = reader.top(); y < reader.bottom(); ++y) {
        for (int x = reader.left(); x < reader.right(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            page += dark ? qGray(pixel) < 50 : qGray(pixel) > 235;
            ink += dark ? qGray(pixel) > 180 : qGray(pixel) < 80;
            highlighted += near(pixel, wash, 6);
        }
    }
    // The page follows the theme ...
    QVERIFY2(page > reader.width() * reader.height() / 2, qPrintable(QStringLiteral("page pixels: %1").arg(page)));
    // ... the text is drawn on it in contrasting ink ...
    QVERIFY2(ink > 2000, qPrintable(QStringLiteral("only %1 ink pixels in the reader").arg(ink)));
    // ... and the wash stands out from it.
    QVERIFY2(highlighted > 300, qPrintable(QStringLiteral("only %1 pixels of the wash %2").arg(highlighted).arg(wash.name())));
}

QTEST_MAIN(TestScreenshotThemes)
#include "tst_ui_screenshot_themes.moc"
