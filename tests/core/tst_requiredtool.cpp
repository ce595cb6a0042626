// tests/support/RequiredTool: finding external programs, and a missing one
// failing the test under CI=true (skipping it elsewhere), never passing it.
#include "RequiredTool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const char *const kChild = "FRAMEWISE_REQUIRED_TOOL_CHILD";
const QString kMissing = QStringLiteral("framewise-no-such-tool");
const QString kPackage = QStringLiteral("framewise-no-such-package");

void makeExecutable(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write("#!/bin/sh\n");
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}
} // namespace

class TestRequiredTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsToolsOnPath();
    void namesTheMissingToolAndPackage();
    void searchesVersionedFoldersHighestFirst();
    void missingToolFailsUnderCiAndSkipsElsewhere();
};

void TestRequiredTool::findsToolsOnPath()
{
    const RequiredTool::Lookup sh = RequiredTool::find(QStringLiteral("sh"), QStringLiteral("dash"));
    QVERIFY2(!sh.path.isEmpty(), qPrintable(sh.message));
    QVERIFY(QFileInfo(sh.path).isExecutable());
    QVERIFY(sh.message.isEmpty());
}

void TestRequiredTool::namesTheMissingToolAndPackage()
{
    const RequiredTool::Lookup missing = RequiredTool::find(kMissing, kPackage, {QStringLiteral("/nonexistent/*/bin")});
    QVERIFY(missing.path.isEmpty());
    QVERIFY2(missing.message.contains(kMissing) && missing.message.contains(kPackage)
                 && missing.message.contains(QStringLiteral("/nonexistent/*/bin")),
             qPrintable(missing.message));
}

void TestRequiredTool::searchesVersionedFoldersHighestFirst()
{
    // As Debian installs PostgreSQL: /usr/lib/postgresql/17/bin/initdb.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *version : {"9", "17", "13"})
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("%1/bin").arg(QLatin1String(version))));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("nobin")));
    const QString pattern = dir.filePath(QStringLiteral("*/bin"));
    QCOMPARE(RequiredTool::expand(pattern),
             QStringList({dir.filePath(QStringLiteral("17/bin")), dir.filePath(QStringLiteral("13/bin")),
                          dir.filePath(QStringLiteral("9/bin"))}));
    makeExecutable(dir.filePath(QStringLiteral("9/bin/") + kMissing));
    QCOMPARE(RequiredTool::find(kMissing, kPackage, {pattern}).path, dir.filePath(QStringLiteral("9/bin/") + kMissing));
    makeExecutable(dir.filePath(QStringLiteral("13/bin/") + kMissing));
    QCOMPARE(RequiredTool::find(kMissing, kPackage, {pattern}).path, dir.filePath(QStringLiteral("13/bin/") + kMissing));
}

void TestRequiredTool::missingToolFailsUnderCiAndSkipsElsewhere()
{
    if (qEnvironmentVariableIsSet(kChild)) {
        // This process is the child started below: the macro must end the test here.
        REQUIRE_TOOL(tool, kMissing, kPackage);
        QFAIL(qPrintable(QStringLiteral("found a tool that does not exist: ") + tool));
    }
    const auto runChild = [](const QString &ci) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChild), QStringLiteral("1"));
        env.insert(QStringLiteral("CI"), ci);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("missingToolFailsUnderCiAndSkipsElsewhere")});
        child.waitForFinished(60000);
        return std::make_pair(child.exitCode(), QString::fromUtf8(child.readAll()));
    };
    const auto [ciExit, ciOutput] = runChild(QStringLiteral("true"));
    QVERIFY2(ciExit != 0 && ciOutput.contains(QStringLiteral("FAIL!")) && ciOutput.contains(kMissing)
                 && ciOutput.contains(kPackage),
             qPrintable(ciOutput));
    QVERIFY2(!ciOutput.contains(QStringLiteral("found a tool")), qPrintable(ciOutput));
    const auto [localExit, localOutput] = runChild(QStringLiteral("false"));
    QVERIFY2(localExit == 0 && localOutput.contains(QStringLiteral("SKIP")) && localOutput.contains(kMissing)
                 && localOutput.contains(kPackage),
             qPrintable(localOutput));
}

QTEST_GUILESS_MAIN(TestRequiredTool)
#include "tst_requiredtool.moc"
