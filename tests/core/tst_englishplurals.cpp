#include "base/EnglishPlurals.h"

#include <QCoreApplication>
#include <QTest>

// Counts read as English: one article, two articles, no "(s)".
class TestEnglishPlurals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(&m_plurals); }
    void singularAndPlural();
    void textsWithoutACountStayAsTheyAre();

private:
    EnglishPlurals m_plurals;
};

void TestEnglishPlurals::singularAndPlural()
{
    QCOMPARE(QCoreApplication::translate("Ctx", "%n annotation(s) would move", nullptr, 1),
             QStringLiteral("1 annotation would move"));
    QCOMPARE(QCoreApplication::translate("Ctx", "%n annotation(s) would move", nullptr, 0),
             QStringLiteral("0 annotations would move"));
    QCOMPARE(QCoreApplication::translate("Ctx", "Imported %n feed(s) and %n item(s)", nullptr, 2),
             QStringLiteral("Imported 2 feeds and 2 items"));
}

void TestEnglishPlurals::textsWithoutACountStayAsTheyAre()
{
    QCOMPARE(QCoreApplication::translate("Ctx", "Choose file(s)"), QStringLiteral("Choose file(s)"));
    QCOMPARE(QCoreApplication::translate("Ctx", "%n articles", nullptr, 1), QStringLiteral("1 articles"));
}

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
