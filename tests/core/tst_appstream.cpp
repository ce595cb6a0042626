// SPDX-License-Identifier: GPL-3.0-or-later
// Validates the desktop integration files in resources/: AppStream metainfo,
// the .desktop launcher, the shared-mime-info package and the app icons.

#include "RequiredTool.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <QtTest>

#ifndef FRAMEWISE_SOURCE_DIR
#error "FRAMEWISE_SOURCE_DIR must be defined"
#endif

namespace {

const QString appId = QStringLiteral("io.github.framewise.Framewise");

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(FRAMEWISE_SOURCE_DIR)).filePath(relative);
}

QString metainfoPath()
{
    return sourcePath(QStringLiteral("resources/%1.metainfo.xml").arg(appId));
}

QString desktopPath()
{
    return sourcePath(QStringLiteral("resources/%1.desktop").arg(appId));
}

struct ToolResult {
    bool started = false;
    int exitCode = -1;
    QString output;
};

ToolResult runTool(const QString &program, const QStringList &arguments)
{
    ToolResult result;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        return result;
    result.started = true;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

// Reads the key=value pairs of the [Desktop Entry] group.
QHash<QString, QString> readDesktopEntry(const QString &path)
{
    QHash<QString, QString> entry;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entry;
    bool inGroup = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            inGroup = line == QLatin1String("[Desktop Entry]");
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (inGroup && eq > 0)
            entry.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return entry;
}

} // namespace

class TestAppStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metainfoValidates();
    void desktopFileValidates();
    void idsAreConsistent();
    void mimeTypeIsDeclared();
    void svgIconIsScalable();
    void pngIconIs256();
};

void TestAppStream::metainfoValidates()
{
    REQUIRE_TOOL(tool, QStringLiteral("appstreamcli"), QStringLiteral("appstream"));
    QVERIFY(QFileInfo::exists(metainfoPath()));
    const ToolResult r = runTool(tool, {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                        QStringLiteral("--explain"), metainfoPath()});
    QVERIFY2(r.started, "appstreamcli could not be started");
    if (r.exitCode != 0)
        qWarning().noquote() << r.output;
    QCOMPARE(r.exitCode, 0);
}

void TestAppStream::desktopFileValidates()
{
    REQUIRE_TOOL(tool, QStringLiteral("desktop-file-validate"), QStringLiteral("desktop-file-utils"));
    QVERIFY(QFileInfo::exists(desktopPath()));
    const ToolResult r = runTool(tool, {desktopPath()});
    QVERIFY2(r.started, "desktop-file-validate could not be started");
    if (r.exitCode != 0)
        qWarning().noquote() << r.output;
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.output.contains(QLatin1String("error:")), qPrintable(r.output));
}

void TestAppStream::idsAreConsistent()
{
    QFile file(metainfoPath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));

    QString componentId;
    QString launchable;
    QStringList binaries;
    QXmlStreamReader xml(&file);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QLatin1String("component"));
    QCOMPARE(xml.attributes().value(QLatin1String("type")), QLatin1String("desktop-application"));
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("id") && componentId.isEmpty())
            componentId = xml.readElementText().trimmed();
        else if (xml.name() == QLatin1String("launchable"))
            launchable = xml.readElementText().trimmed();
        else if (xml.name() == QLatin1String("binary"))
            binaries << xml.readElementText().trimmed();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

    const QString desktopFileName = QFileInfo(desktopPath()).fileName();
    QCOMPARE(componentId + QLatin1String(".desktop"), desktopFileName);
    QCOMPARE(componentId, appId);
    QCOMPARE(launchable, desktopFileName);
    QVERIFY(binaries.contains(QLatin1String("framewise")));

    const auto entry = readDesktopEntry(desktopPath());
    QCOMPARE(entry.value(QStringLiteral("Type")), QStringLiteral("Application"));
    QCOMPARE(entry.value(QStringLiteral("Icon")), appId);
    QVERIFY(entry.value(QStringLiteral("Exec")).startsWith(QLatin1String("framewise ")));
    QVERIFY(entry.value(QStringLiteral("MimeType"))
                .split(u';', Qt::SkipEmptyParts)
                .contains(QLatin1String("application/x-framewise-project")));
}

void TestAppStream::mimeTypeIsDeclared()
{
    QFile file(sourcePath(QStringLiteral("resources/framewise-mime.xml")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QXmlStreamReader xml(&file);
    QString type;
    QString glob;
    QString parent;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("mime-type"))
            type = xml.attributes().value(QLatin1String("type")).toString();
        else if (xml.name() == QLatin1String("glob"))
            glob = xml.attributes().value(QLatin1String("pattern")).toString();
        else if (xml.name() == QLatin1String("sub-class-of"))
            parent = xml.attributes().value(QLatin1String("type")).toString();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(type, QStringLiteral("application/x-framewise-project"));
    QCOMPARE(glob, QStringLiteral("*.framewise"));
    QCOMPARE(parent, QStringLiteral("application/vnd.sqlite3"));
}

void TestAppStream::svgIconIsScalable()
{
    const QString path = sourcePath(QStringLiteral("resources/icons/framewise.svg"));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QXmlStreamReader xml(&file);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QLatin1String("svg"));
    QCOMPARE(xml.namespaceUri(), QLatin1String("http://www.w3.org/2000/svg"));
    const QString viewBox = xml.attributes().value(QLatin1String("viewBox")).toString();
    const QStringList parts = viewBox.simplified().split(u' ', Qt::SkipEmptyParts);
    QCOMPARE(parts.size(), 4);
    bool wOk = false;
    bool hOk = false;
    const double w = parts.at(2).toDouble(&wOk);
    const double h = parts.at(3).toDouble(&hOk);
    QVERIFY(wOk && hOk);
    QVERIFY(w > 0);
    QCOMPARE(w, h); // app icons are square
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
}

void TestAppStream::pngIconIs256()
{
    QFile file(sourcePath(QStringLiteral("resources/icons/framewise-256.png")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray head = file.read(24);
    QCOMPARE(head.size(), 24);
    QCOMPARE(head.left(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
    QCOMPARE(head.mid(12, 4), QByteArray("IHDR"));
    auto be32 = [&head](int at) {
        return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16)
            | (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
    };
    QCOMPARE(be32(16), 256u);
    QCOMPARE(be32(20), 256u);
}

QTEST_GUILESS_MAIN(TestAppStream)
#include "tst_appstream.moc"
