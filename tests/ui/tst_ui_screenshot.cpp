// Runs the real executable under Xvfb with --screenshot and inspects the
// picture: right size, not blank, text drawn in the reader, and the colour
// of a pre-made annotation on screen.
#include "project/StarterProject.h"
#include "store/ProjectStore.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenshotShowsReaderAndHighlights();
};

namespace {
// The wash the reader paints for one annotation: the code colour at 62/255
// over the reader's paper.
QColor washed(const QColor &code)
{
    const QColor paper(0xfc, 0xfb, 0xf8);
    const auto blend = [](int under, int over) { return under + (over - under) * 62 / 255; };
    return QColor(blend(paper.red(), code.red()), blend(paper.green(), code.green()),
                  blend(paper.blue(), code.blue()));
}

bool near(QRgb pixel, const QColor &colour, int tolerance)
{
    return qAbs(qRed(pixel) - colour.red()) <= tolerance && qAbs(qGreen(pixel) - colour.green()) <= tolerance
        && qAbs(qBlue(pixel) - colour.blue()) <= tolerance;
}
} // namespace

void TestScreenshot::screenshotShowsReaderAndHighlights()
{
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    if (xvfb.isEmpty())
        QSKIP("xvfb-run is not installed");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("shot.framewise"));
    QColor factualColour;
    {
        auto store = StarterProject::openOrCreate(project);
        const Article sample = *store->article(store->articleSummaries().first().id);
        const Code factual = *store->codeByName(QStringLiteral("Factual claim"));
        factualColour = QColor(factual.colour);
        const qint64 start = sample.text.indexOf(QStringLiteral("Kim Jong Un has offered"));
        QVERIFY(start >= 0); // BMP-only prefix: UTF-16 index == code point
        store->addAnnotation({sample.id, start, start + 23, {factual.id}, {}, {}, 0});
    }

    const QString png = dir.filePath(QStringLiteral("out.png"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // a real X server this time
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(xvfb, {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1600x1000x24"),
                         QStringLiteral(FRAMEWISE_BINARY), QStringLiteral("--screenshot"), png, project});
    QVERIFY(process.waitForStarted());
    QVERIFY2(process.waitForFinished(120000), "framewise --screenshot did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());

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

    // The reader sits between the docks; its text is dark ink on paper.
    const QRect reader(image.width() / 4, image.height() / 5, image.width() / 2, image.height() * 3 / 5);
    int dark = 0;
    int highlighted = 0;
    const QColor wash = washed(factualColour);
    for (int y = reader.top(); y < reader.bottom(); ++y) {
        for (int x = reader.left(); x < reader.right(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qGray(pixel) < 80)
                ++dark;
            if (near(pixel, wash, 6))
                ++highlighted;
        }
    }
    QVERIFY2(dark > 2000, qPrintable(QStringLiteral("only %1 dark pixels in the reader").arg(dark)));
    QVERIFY2(highlighted > 300,
             qPrintable(QStringLiteral("only %1 pixels of the annotation colour %2").arg(highlighted).arg(wash.name())));
}

QTEST_MAIN(TestScreenshot)
#include "tst_ui_screenshot.moc"
